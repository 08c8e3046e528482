import { describe, expect, it } from 'vitest';
import { contentHash, dedupeKeys, paperIdFor, titleKey } from '../../src/text/index.js';
import { createPaper } from './paper-factory.js';

const TERT_TITLE_PUBMED =
  'Leucocyte telomere length, genetic variants at the<i>TERT</i>gene region and risk of pancreatic cancer.';
const TERT_TITLE_FEED =
  'Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer';

describe('titleKey', () => {
  it('meets the same title from PubMed markup and a plain feed', () => {
    expect(titleKey(TERT_TITLE_PUBMED, 'Bao')).toBe(titleKey(TERT_TITLE_FEED, 'Bao'));
    expect(titleKey(TERT_TITLE_FEED, 'Bao')).toBe(
      'leucocyte telomere length genetic variants at the tert gene region and risk of pancreatic cancer|bao',
    );
  });

  it('folds diacritics and punctuation in titles and author names', () => {
    expect(titleKey('Étude: β-lactam   résistance!', 'Müller')).toBe('etude β lactam resistance|muller');
    expect(titleKey('Same title')).toBe('same title|');
  });
});

describe('paperIdFor', () => {
  it('prefers the PMID, then the DOI, then a hash of title and first author', () => {
    expect(paperIdFor({ pmid: '33474827', doi: '10.1111/1759-7714.13823', title: 'x' })).toBe(
      'pmid:33474827',
    );
    expect(paperIdFor({ doi: 'https://doi.org/10.1101/857789', title: 'x' })).toBe('doi:10.1101/857789');
    const byTitle = paperIdFor({ title: TERT_TITLE_PUBMED, firstAuthor: 'Bao' });
    expect(byTitle).toMatch(/^t:[0-9a-f]{16}$/);
    expect(paperIdFor({ title: TERT_TITLE_FEED, firstAuthor: 'Bao' })).toBe(byTitle);
    expect(paperIdFor({ title: TERT_TITLE_FEED, firstAuthor: 'Other' })).not.toBe(byTitle);
  });
});

describe('dedupeKeys', () => {
  it('lists every key a duplicate could be stored under', () => {
    const paper = createPaper({
      pmid: '33474827',
      doi: 'doi:10.1111/1759-7714.13823',
      title: TERT_TITLE_PUBMED,
      authors: [{ lastName: 'Bao' }],
    });
    expect(dedupeKeys(paper)).toEqual({
      pmid: '33474827',
      doi: '10.1111/1759-7714.13823',
      titleKey: titleKey(TERT_TITLE_FEED, 'Bao'),
    });
    expect(dedupeKeys(createPaper({ title: '  ' }))).toEqual({});
  });
});

describe('contentHash', () => {
  it('is 16 hex characters that change with any part and with how parts are split', () => {
    expect(contentHash('a', 'b')).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash('a', 'b')).toBe(contentHash('a', 'b'));
    expect(contentHash('a', 'b')).not.toBe(contentHash('ab'));
    expect(contentHash('a', 'b')).not.toBe(contentHash('a', 'c'));
  });
});
