import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import {
  extractIdentifiers,
  normalizeDoi,
  parseNctId,
  parsePaperReference,
  parsePmcid,
  parsePmid,
} from '../../src/text/index.js';

const EXCERPTS: Record<string, string> = JSON.parse(
  readFileSync(new URL('../fixtures/text/identifiers.json', import.meta.url), 'utf8'),
);

describe('normalizeDoi', () => {
  it('strips prefixes, URL encoding and trailing punctuation, and lowercases', () => {
    expect(normalizeDoi('doi:10.1101/857789')).toBe('10.1101/857789');
    expect(normalizeDoi('info:doi/10.1126/science.356.6343.1134-a')).toBe('10.1126/science.356.6343.1134-a');
    expect(normalizeDoi('https://doi.org/10.1056/NEJMoa2034577.')).toBe('10.1056/nejmoa2034577');
    expect(normalizeDoi('http://dx.doi.org/10.1117%2F1.JMI.5.2.026002')).toBe('10.1117/1.jmi.5.2.026002');
    expect(normalizeDoi(' (see 10.1136/gutjnl-2016-312510), ')).toBe('10.1136/gutjnl-2016-312510');
  });

  it('keeps a closing parenthesis that belongs to the DOI', () => {
    expect(normalizeDoi('10.1016/S0140-6736(20)30183-5')).toBe('10.1016/s0140-6736(20)30183-5');
    expect(normalizeDoi('(doi: 10.1016/S0140-6736(20)30183-5)')).toBe('10.1016/s0140-6736(20)30183-5');
  });

  it('returns undefined when there is no DOI', () => {
    expect(normalizeDoi('not a doi')).toBeUndefined();
    expect(normalizeDoi('10.12/abc')).toBeUndefined();
  });
});

describe('PMID, PMCID and NCT parsing', () => {
  it('reads PMIDs from numbers, labels and PubMed or Europe PMC URLs', () => {
    expect(parsePmid('31978945')).toBe('31978945');
    expect(parsePmid('PMID: 31978945')).toBe('31978945');
    expect(parsePmid('https://pubmed.ncbi.nlm.nih.gov/33474827/')).toBe('33474827');
    expect(parsePmid('https://www.ncbi.nlm.nih.gov/pubmed/33474827')).toBe('33474827');
    expect(parsePmid('https://europepmc.org/article/MED/33474827')).toBe('33474827');
  });

  it('rejects numbers that cannot be PMIDs', () => {
    expect(parsePmid('123456789')).toBeUndefined();
    expect(parsePmid('0123')).toBeUndefined();
    expect(parsePmid('abc')).toBeUndefined();
  });

  it('reads PMCIDs and NCT ids in any case, from ids or URLs', () => {
    expect(parsePmcid('pmc7919130')).toBe('PMC7919130');
    expect(parsePmcid('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7919130/')).toBe('PMC7919130');
    expect(parseNctId('https://clinicaltrials.gov/study/nct03352427')).toBe('NCT03352427');
    expect(parseNctId('NCT0335242')).toBeUndefined();
  });
});

describe('extractIdentifiers', () => {
  it('finds the DOI in a bioRxiv RSS item', () => {
    expect(extractIdentifiers(EXCERPTS.biorxivRdfItem ?? '')).toEqual({
      pmids: [],
      dois: ['10.1101/857789'],
      pmcids: [],
      nctIds: [],
    });
  });

  it('finds trial registrations in abstract text', () => {
    expect(extractIdentifiers(EXCERPTS.medrxivAbstractTail ?? '').nctIds).toEqual(['NCT03352427']);
    expect(extractIdentifiers(EXCERPTS.pubmedqaContext ?? '').nctIds).toEqual(['NCT00816829']);
  });

  it('finds a PMCID and a DOI, but treats unlabelled numbers as counts, not PMIDs', () => {
    const ids = extractIdentifiers(EXCERPTS.pubmedArticleIdList ?? '');
    expect(ids.pmcids).toEqual(['PMC7919130']);
    expect(ids.dois).toEqual(['10.1111/1759-7714.13823']);
    expect(ids.pmids).toEqual([]);
  });

  it('finds labelled PMIDs and PubMed links', () => {
    const text =
      'See PMID: 31978945 and https://pubmed.ncbi.nlm.nih.gov/33474827/ (dc:identifier pmid:31978945).';
    expect(extractIdentifiers(text).pmids).toEqual(['33474827', '31978945']);
  });
});

describe('parsePaperReference', () => {
  it('recognizes what a user types after /lit paper', () => {
    expect(parsePaperReference(' 31978945 ')).toEqual({ kind: 'pmid', value: '31978945' });
    expect(parsePaperReference('10.1056/NEJMoa2034577')).toEqual({
      kind: 'doi',
      value: '10.1056/nejmoa2034577',
    });
    expect(parsePaperReference('<https://doi.org/10.1101/857789|doi.org/10.1101/857789>')).toEqual({
      kind: 'doi',
      value: '10.1101/857789',
    });
    expect(parsePaperReference('PMC7919130')).toEqual({ kind: 'pmcid', value: 'PMC7919130' });
    expect(parsePaperReference('https://pubmed.ncbi.nlm.nih.gov/33474827/')).toEqual({
      kind: 'pmid',
      value: '33474827',
    });
    expect(parsePaperReference('https://www.biorxiv.org/content/early/2019/12/02/857789')).toEqual({
      kind: 'url',
      value: 'https://www.biorxiv.org/content/early/2019/12/02/857789',
    });
  });

  it('rejects bad input with a message that shows a working example', () => {
    for (const bad of ['abc', '', 'ftp://example.org/paper', '1234567890']) {
      expect(() => parsePaperReference(bad)).toThrow(InvalidInputError);
    }
    expect(() => parsePaperReference('abc')).toThrow(
      'Not a PMID, DOI or article URL. Example: /lit paper 31978945 or /lit paper 10.1056/NEJMoa2034577',
    );
  });
});
