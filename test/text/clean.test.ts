import { describe, expect, it } from 'vitest';
import {
  articleFullText,
  cleanText,
  parseArticleText,
  sentenceKey,
  splitSentences,
} from '../../src/text/index.js';
import { fixtureText } from './paper-factory.js';

const JMML = fixtureText('jmml-rapamycin-gvl-case-report.txt');

describe('cleanText', () => {
  const cleaned = cleanText(JMML);

  it('removes page furniture from the scraped JMML page', () => {
    for (const line of [
      'Read more',
      'Talk to us',
      'Schedule a call',
      'Full Text',
      'Published version (Free)',
    ]) {
      expect(cleaned.split('\n')).not.toContain(line);
    }
    expect(cleaned).not.toMatch(/Join us for a 30 min session/);
  });

  it('drops headings that have nothing under them', () => {
    const lines = cleaned.split('\n');
    for (const heading of ['Summary', 'Results', 'Conclusion']) expect(lines).not.toContain(heading);
    expect(lines).toContain('Introduction');
  });

  it('keeps each sentence once although the page repeats its introduction inside one paragraph', () => {
    const keys = splitSentences(cleaned).map(sentenceKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(cleaned.match(/is a rare myeloproliferative disorder/g)).toHaveLength(1);
  });

  it('splits sentences glued by the scraper and strips reference brackets', () => {
    expect(cleaned).toContain('therapy failure and mortality. Progress has been made');
    expect(cleaned).toContain('approaches 50% within 5 years and remains the main cause');
    expect(cleaned).not.toMatch(/\[\d/);
  });

  it('separates section titles a preprint API glued to their paragraph', () => {
    expect(
      cleanText(
        'ConclusionEfficacy of dasatinib is improved with everolimus.\nFindings72{middle dot}5% responded.',
      ),
    ).toBe('Conclusion\nEfficacy of dasatinib is improved with everolimus.\nFindings\n72·5% responded.');
  });

  it('drops a paragraph repeated verbatim', () => {
    const paragraph = 'Rapamycin was started on day 30. The graft recovered.';
    expect(cleanText(`${paragraph}\n\n${paragraph}\n\nFollow-up continues.`)).toBe(
      `${paragraph}\n\nFollow-up continues.`,
    );
  });

  it('keeps scientific symbols, units and gene names intact', () => {
    const text = 'Mean ± SD was 5.2 ± 1.1 μg/mL in patients ≥ 65 years with <i>BRAF</i> V600E (p &lt; 0.05).';
    expect(cleanText(text)).toBe(
      'Mean ± SD was 5.2 ± 1.1 μg/mL in patients ≥ 65 years with BRAF V600E (p < 0.05).',
    );
  });

  it('removes cookie and subscription banners but not sentences that mention them', () => {
    const text = [
      'This website uses cookies to improve your experience.',
      'Accept all cookies',
      'Subscribe to our newsletter',
      'Patients who subscribe to the registry are followed yearly.',
    ].join('\n');
    expect(cleanText(text)).toBe('Patients who subscribe to the registry are followed yearly.');
  });
});

describe('parseArticleText', () => {
  const article = parseArticleText(JMML);

  it('splits the JMML page into abstract, highlights and body', () => {
    expect(article.abstract).toHaveLength(1);
    expect(article.abstract[0]?.text).toMatch(/^The relapse rate for children with juvenile myelomonocytic/);
    expect(article.abstract[0]?.text).toMatch(/viable medical strategy .* post-HSCT\.$/);
    expect(article.highlights).toHaveLength(3);
    expect(article.highlights[1]).toMatch(/^We describe an infant with JMML/);
    expect(article.body.startsWith('Introduction\n')).toBe(true);
  });

  it('leaves out boilerplate and empty sections', () => {
    const all = [...article.abstract.map((s) => s.text), ...article.highlights, article.body].join('\n');
    expect(all).not.toMatch(/Read more|Talk to us|Schedule a call|Published version|Full Text|Summary/);
    expect(article.body).not.toMatch(/^Results$|^Conclusion$/m);
  });

  it('reads inline labels of a structured abstract', () => {
    const parsed = parseArticleText(
      'Abstract\nBackground: Relapse is common.\nResults: Ten of 12 patients responded.\nConclusions: It works.\n\nIntroduction\nText.',
    );
    expect(parsed.abstract).toEqual([
      { label: 'Background', text: 'Relapse is common.' },
      { label: 'Results', text: 'Ten of 12 patients responded.' },
      { label: 'Conclusions', text: 'It works.' },
    ]);
  });

  it('drops references and takes lead text as the abstract when there is no Abstract heading', () => {
    const parsed = parseArticleText(
      'Lead paragraph.\nDiscussion\nIt matters.\nReferences\n[1] Smith J. A paper.',
    );
    expect(parsed).toEqual({
      abstract: [{ text: 'Lead paragraph.' }],
      highlights: [],
      body: 'Discussion\nIt matters.',
    });
  });

  it('stores highlights ahead of the body in the full text', () => {
    const article = parseArticleText(JMML);
    const fullText = articleFullText(article);
    expect(fullText.startsWith(`Highlights\n${article.highlights[0]}\n`)).toBe(true);
    expect(fullText.endsWith(article.body)).toBe(true);
  });

  it('reads an HTML article whose headings are elements', () => {
    const lines = JMML.split('\n').filter((line) => line.trim());
    const html = `<article>${lines.map((line) => (/^[A-Z][a-z]+$/.test(line.trim()) ? `<h2>${line}</h2>` : `<p>${line}</p>`)).join('\n')}</article>`;
    const fromHtml = parseArticleText(html);
    const fromText = parseArticleText(JMML);
    expect(fromHtml.abstract).toEqual(fromText.abstract);
    expect(fromHtml.highlights).toEqual(fromText.highlights);
    expect(fromHtml.body).toBe(fromText.body);
  });
});
