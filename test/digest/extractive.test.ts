import { describe, expect, it } from 'vitest';
import {
  createExtractiveSummarizer,
  NO_TEXT_TAKEAWAY,
  summarizeExtractive,
} from '../../src/digest/extractive.js';
import { findVerbatim, paperText, sentenceKey, splitSentences } from '../../src/text/index.js';
import { createPaper, jmmlPaper, pubmedQaPaper, pubmedQaPmids } from '../text/paper-factory.js';

const CONTEXT = { channelName: 'heme-malignancies', topics: [] };

describe('summarizeExtractive on the JMML reference case', () => {
  const summary = summarizeExtractive(jmmlPaper(), CONTEXT);

  it('says rapamycin after withdrawal of immunosuppression, relying on GVL, controlled relapse in an infant', () => {
    expect(summary.takeaway).toMatch(/withdrawal of immunosuppression/);
    expect(summary.takeaway).toMatch(/rapamycin/);
    expect(summary.takeaway).toMatch(/\bGVL\b/);
    expect(summary.takeaway).toMatch(/\binfant\b/);
    expect(summary.takeaway).toMatch(/disease recurrence|relapse/);
  });

  it('carries the relapse rate as the paper states it', () => {
    expect(summary.takeaway).toContain('approaches 50% within 5 years');
    expect(summary.keyNumbers.map((k) => k.value)).toContain('50% within 5 years');
  });

  it('is a single-patient case report with low evidence', () => {
    expect(summary.studyType).toBe('case-report');
    expect(summary.sampleSize).toBe(1);
    expect(summary.evidence).toBe('low');
    expect(summary.limitations).toContain('single case');
  });

  it('contains no page furniture and no sentence twice', () => {
    expect(summary.takeaway).not.toMatch(/Read more|Talk to us|Schedule a call|Join us/);
    const keys = splitSentences(summary.takeaway).map(sentenceKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(summary.quotes.length).toBeGreaterThan(0);
    expect(summary.quotes.length).toBeLessThanOrEqual(3);
  });
});

describe('createExtractiveSummarizer', () => {
  it('counts designs strongest first and notes preprints', async () => {
    const summarizer = createExtractiveSummarizer();
    const trial = await summarizer.summarize(pubmedQaPaper('27592038'), CONTEXT);
    const cohort = await summarizer.summarize(pubmedQaPaper('10575390'), CONTEXT);
    const items = [
      { paperId: 'pmid:10575390', title: 'x', summary: cohort, labels: [], score: 1 },
      { paperId: 'pmid:27592038', title: 'x', summary: trial, labels: ['preprint' as const], score: 1 },
      { paperId: 'pmid:27592038', title: 'x', summary: trial, labels: [], score: 1 },
    ];
    await expect(summarizer.intro(items, CONTEXT)).resolves.toBe(
      'This week: 2 randomized trials, 1 cohort study; 1 is a preprint.',
    );
    await expect(summarizer.intro([], CONTEXT)).resolves.toBe('No new papers this week.');
  });

  it('names the designs of the week in the intro and reports no model usage', async () => {
    const summarizer = createExtractiveSummarizer();
    const summary = await summarizer.summarize(jmmlPaper(), CONTEXT);
    const item = { paperId: 't:jmml-fixture', title: 'x', summary, labels: [], score: 1 };
    await expect(summarizer.intro([item], CONTEXT)).resolves.toBe(
      'This week: 1 case report (juvenile myelomonocytic leukemia).',
    );
    expect(summarizer.usage()).toBeUndefined();
  });
});

describe('summarizeExtractive on PubMedQA abstracts', () => {
  const pmids = pubmedQaPmids().slice(0, 50);

  it('never writes a takeaway sentence or quote that is not verbatim in the paper', () => {
    expect(pmids).toHaveLength(50);
    for (const pmid of pmids) {
      const paper = pubmedQaPaper(pmid);
      const summary = summarizeExtractive(paper, CONTEXT);
      const text = paperText(paper);
      expect(summary.quotes.length, pmid).toBeGreaterThan(0);
      for (const quote of summary.quotes) expect(findVerbatim(quote, text), `${pmid}: ${quote}`).toBe(true);
      for (const sentence of splitSentences(summary.takeaway)) {
        expect(findVerbatim(sentence, text), `${pmid}: ${sentence}`).toBe(true);
      }
      for (const { value, sentence } of summary.keyNumbers) {
        expect(findVerbatim(sentence, text), `${pmid}: ${sentence}`).toBe(true);
        expect(findVerbatim(value, sentence), `${pmid}: ${value}`).toBe(true);
      }
    }
  });

  it('keeps headlines short, without a trailing period, and never repeats a takeaway sentence', () => {
    for (const pmid of pmids) {
      const summary = summarizeExtractive(pubmedQaPaper(pmid), CONTEXT);
      expect(summary.headline.length, pmid).toBeLessThanOrEqual(90);
      expect(summary.headline, pmid).not.toMatch(/\.$/);
      const keys = splitSentences(summary.takeaway).map(sentenceKey);
      expect(new Set(keys).size, pmid).toBe(keys.length);
    }
  });

  it('prefers the conclusion and carries the headline number of a trial', () => {
    const summary = summarizeExtractive(pubmedQaPaper('27592038'), CONTEXT);
    expect(summary.takeaway).toMatch(/^Cervical physical therapy can have a positive effect/);
    expect(summary.studyType).toBe('rct');
    expect(summary.sampleSize).toBe(38);
    expect(summary.limitations).toEqual(['abstract only']);
  });

  it('leaves out calls for more research and sentences that lean on the one before', () => {
    expect(summarizeExtractive(pubmedQaPaper('18847643'), CONTEXT).takeaway).not.toMatch(
      /studies are needed/,
    );
    expect(summarizeExtractive(pubmedQaPaper('17919952'), CONTEXT).takeaway).not.toMatch(
      /They may represent/,
    );
  });

  it('skips the tail of a sentence that the source split into two sections', () => {
    const summary = summarizeExtractive(pubmedQaPaper('20304513'), CONTEXT);
    expect(summary.quotes.length).toBeGreaterThan(0);
    for (const quote of summary.quotes) expect(quote).toMatch(/^[A-Z(0-9]/);
  });

  it('quotes nothing and says so when a record has no abstract', () => {
    const erratum = createPaper({
      title: 'Corrigendum to "MageC2 protein is upregulated by oncogenic activation of MAPK pathway"',
      publicationTypes: ['Published Erratum'],
    });
    const summary = summarizeExtractive(erratum, CONTEXT);
    expect(summary).toMatchObject({
      takeaway: NO_TEXT_TAKEAWAY,
      quotes: [],
      studyType: 'editorial',
      evidence: 'very low',
    });
    expect(summary.limitations).toEqual(['title only']);
  });

  it('names what a reader must know: preprint, retraction, small or retrospective samples', () => {
    const preprint = summarizeExtractive(pubmedQaPaper('10575390', { isPreprint: true }), CONTEXT);
    expect(preprint.limitations).toEqual(['preprint, not peer reviewed', 'retrospective', 'abstract only']);
    const retracted = summarizeExtractive(pubmedQaPaper('27592038', { retracted: true }), CONTEXT);
    expect(retracted.limitations[0]).toBe('retracted');
    expect(retracted.evidence).toBe('very low');
  });
});
