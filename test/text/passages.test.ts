import { describe, expect, it } from 'vitest';
import { splitIntoPassages } from '../../src/text/passages.js';
import { jmmlPaper, pubMedQaPaper, pubMedQaRecords } from '../qa/corpus.js';

describe('splitIntoPassages', () => {
  it('splits a structured abstract into sentences carrying their section label', () => {
    const [pmid, record] = pubMedQaRecords()[0] as [string, Parameters<typeof pubMedQaPaper>[1]];
    const passages = splitIntoPassages(pubMedQaPaper(pmid, record));
    expect(passages.length).toBeGreaterThan(5);
    expect(passages.every((p) => p.basis === 'abstract' && p.paperId === `pmid:${pmid}`)).toBe(true);
    expect(passages.map((p) => p.section)).toContain('CONCLUSIONS');
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
  });

  it('adds full-text sentences once, without repeating what the abstract or the page already said', () => {
    const passages = splitIntoPassages(jmmlPaper());
    const full = passages.filter((p) => p.basis === 'full text');
    expect(full.length).toBeGreaterThan(3);
    const texts = passages.map((p) => p.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(
      texts.filter((t) => t.startsWith('Juvenile myelomonocytic leukemia (JMML) is a rare')),
    ).toHaveLength(1);
  });

  it('keeps a short sentence that states the number studied or a figure', () => {
    const paper = {
      ...jmmlPaper(),
      fullText: undefined,
      fullTextSections: undefined,
      abstract: [{ label: 'RESULTS', text: 'N = 48. Median TPT was 18 days. See below.' }],
    };
    expect(splitIntoPassages(paper).map((p) => p.text)).toEqual(['N = 48.', 'Median TPT was 18 days.']);
  });

  it('leaves out fragments too short to quote', () => {
    expect(splitIntoPassages(jmmlPaper()).some((p) => p.text === 'Read more' || p.text.length < 25)).toBe(
      false,
    );
  });
});
