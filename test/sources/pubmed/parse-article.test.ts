import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/errors.js';
import { parseMedlineDate } from '../../../src/sources/pubmed/dates.js';
import { parsePubmedArticleSet } from '../../../src/sources/pubmed/parse-article.js';

const CONTEXT = { kind: 'pubmed' as const, feedId: 'pubmed:test', fetchedAt: '2026-11-25T11:00:00.000Z' };

function parse(file: string) {
  const xml = readFileSync(new URL(`../../fixtures/sources/pubmed/${file}`, import.meta.url), 'utf8');
  return parsePubmedArticleSet(xml, CONTEXT);
}

function only(file: string) {
  const papers = parse(file);
  expect(papers).toHaveLength(1);
  return papers[0] as NonNullable<(typeof papers)[0]>;
}

describe('parsePubmedArticleSet', () => {
  it('reads every record of a multi-article efetch response', () => {
    expect(parse('findpapers_pubmed_efetch_response_50.xml')).toHaveLength(50);
    expect(parse('biopython_Entrez_pubmed1.xml').map((p) => p.pmid)).toEqual(['12091962', '9997']);
    expect(parse('biopython_Entrez_pubmed2.xml').map((p) => p.pmid)).toEqual(['11748933', '11700088']);
  });

  it('returns nothing for an empty PubmedArticleSet', () => {
    expect(parse('metapub_pmid_37909814.xml')).toEqual([]);
  });

  it('keeps structured abstract sections with their labels, including multi-word ones', () => {
    const paper = only('metapub_pmid_38534005.xml');
    expect(paper.abstract.map((s) => s.label)).toEqual([
      'BACKGROUND',
      'RECOMMENDATIONS',
      'MEDICAL NEEDS AND TEST REQUISITION',
      'SPECIMEN COLLECTION',
      'CHEMISTRY',
      'PARTICLES',
      'BACTERIOLOGY',
    ]);
    expect(paper.abstract[4]?.text).toContain('α1-microglobulin');
  });

  it('drops the UNLABELLED pseudo-label and keeps real ones', () => {
    const paper = only('metapub_pmid_38591913.xml');
    expect(paper.abstract[0]?.label).toBeUndefined();
    expect(paper.abstract[1]?.label).toBe('IMPORTANCE');
    expect(paper.title).toBe('Siderophore-mediated iron acquisition by Klebsiella pneumoniae.');
  });

  it('turns inline <i>/<sub>/<sup> into text in place', () => {
    expect(only('metapub_pmid_28731372.xml').title).toContain('vitamin D3');
    const pesticides = only('biopython_Entrez_pubmed5.xml');
    expect(pesticides.abstract.map((s) => s.label)).toEqual([
      'OBJECTIVES',
      'METHODS',
      'RESULTS',
      'CONCLUSIONS',
    ]);
    expect(JSON.stringify(pesticides.abstract)).not.toMatch(/<\/?(sub|sup|i)>/);
  });

  it('spaces an italic gene name glued to its neighbours, as PubMed displays it', () => {
    const paper = only('biopython_Entrez_title_with_html_tags.xml');
    expect(paper.title).toBe(
      'Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.',
    );
    expect(paper.abstract.map((s) => s.label)).toEqual(['OBJECTIVE', 'DESIGN', 'RESULTS', 'CONCLUSIONS']);
  });

  it('decodes numeric character references', () => {
    const paper = only('metapub_pmid_39382274.xml');
    expect(paper.title).toContain('β-lactam');
    expect(paper.authors.at(-1)).toEqual({
      collective:
        'GEMARA-SEIMC/CIBERINFEC Study Group on the activity and resistance mechanisms to new β-lactams and β-lactamase inhibitors (PROTECT)',
    });
  });

  it('reads a bilingual record: English title, non-breaking spaces normalized', () => {
    const paper = only('metapub_pmid_36987902.xml');
    expect(paper.title).toBe(
      'Patients over 75 years admitted to the National Burn Centre, Haukeland University Hospital, 2000-19.',
    );
    expect(paper.doi).toBe('10.4045/tidsskr.22.0358');
    expect(paper.authors[0]).toMatchObject({ lastName: 'Bruserud', foreName: 'Øyvind' });
  });

  it('keeps a record without an abstract', () => {
    const paper = only('metapub_pmid_32160763.xml');
    expect(paper).toMatchObject({ pmid: '32160763', title: 'The London Patient.', abstract: [] });
  });

  it('reads ids, journal, dates, types, MeSH and keywords', () => {
    const paper = only('biopython_Entrez_pubmed7.xml');
    expect(paper).toMatchObject({
      id: 'pmid:29963580',
      pmid: '29963580',
      doi: '10.1117/1.jmi.5.2.026002',
      pmcid: 'PMC6022861',
      journal: 'Journal of medical imaging (Bellingham, Wash.)',
      publishedDate: '2018-06-28',
      publicationTypes: ['Journal Article'],
      url: 'https://pubmed.ncbi.nlm.nih.gov/29963580/',
      sources: [{ kind: 'pubmed', feedId: 'pubmed:test', fetchedAt: CONTEXT.fetchedAt }],
    });
    expect(paper.authors.at(-1)).toEqual({ collective: 'Canadian Respiratory Research Network' });
    expect(paper.keywords).toContain('asthma');
    expect(only('biopython_Entrez_pubmed4.xml').mesh.length).toBeGreaterThan(5);
  });

  it('keeps a season date as printed', () => {
    const [aids] = parse('biopython_Entrez_pubmed1.xml');
    expect(aids).toMatchObject({ publishedDate: '1990', publishedDateText: '1990 Spring' });
  });

  it('marks a published erratum with a notice pointing at the corrected paper', () => {
    const paper = only('metapub_pmid_38833988.xml');
    expect(paper.publicationTypes).toEqual(['Published Erratum']);
    expect(paper.retracted).toBe(false);
    expect(paper.notices).toEqual([
      expect.objectContaining({ kind: 'erratum', pmid: '33279609', doi: '10.1016/j.bbamcr.2020.118918' }),
    ]);
  });

  it('marks a retracted publication and keeps the retraction and concern notices', () => {
    const paper = only('abridged_pmid_9500320_retracted.xml');
    expect(paper.retracted).toBe(true);
    expect(paper.notices.map((n) => [n.kind, n.pmid])).toEqual([
      ['retraction', '20137807'],
      ['expression-of-concern', '21971344'],
    ]);
    expect(paper.notices[0]?.doi).toBe('10.1016/s0140-6736(10)60175-4');
  });

  it('reads trial registrations from DataBankList and keeps sub/superscripts and escaped "<"', () => {
    const paper = only('abridged_pmid_31479209_trial_databank.xml');
    expect(paper.nctIds).toEqual(['NCT01761786']);
    expect(paper.title).toBe('A Genotype-Guided Strategy for Oral P2Y12 Inhibitors in Primary PCI.');
    expect(paper.abstract[2]?.text).toContain('P<0.001 for noninferiority');
    expect(paper.doi).toBe('10.1056/nejmoa1907096');
    // The abstract also names the trial; without it, the DataBankList alone still does.
    const xml = readFileSync(
      new URL('../../fixtures/sources/pubmed/abridged_pmid_31479209_trial_databank.xml', import.meta.url),
      'utf8',
    ).replace(/<Abstract>[\s\S]*<\/Abstract>/, '');
    expect(parsePubmedArticleSet(xml, CONTEXT)[0]?.nctIds).toEqual(['NCT01761786']);
  });

  it('refuses a document that is not a PubmedArticleSet', () => {
    expect(() => parse('biopython_Entrez_esummary1.xml')).toThrow(FeedError);
  });
});

describe('parseMedlineDate', () => {
  it('keeps "2023 Jan-Feb" as printed and dates it to its first month', () => {
    expect(parseMedlineDate('2023 Jan-Feb')).toEqual({ iso: '2023-01', text: '2023 Jan-Feb' });
    expect(parseMedlineDate('1998 Dec-1999 Jan')).toEqual({ iso: '1998-12', text: '1998 Dec-1999 Jan' });
    expect(parseMedlineDate('2000 Spring')).toEqual({ iso: '2000', text: '2000 Spring' });
    expect(parseMedlineDate('Summer')).toEqual({ text: 'Summer' });
  });
});
