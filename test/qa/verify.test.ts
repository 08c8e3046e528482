import { describe, expect, it } from 'vitest';
import { verifyDraft } from '../../src/qa/verify.js';
import { jmmlPaper, pubMedQaPaper, pubMedQaRecords } from './corpus.js';

const jmml = jmmlPaper();
const [pmid, record] = pubMedQaRecords()[0] as [string, Parameters<typeof pubMedQaPaper>[1]];
const other = pubMedQaPaper(pmid, record);
const passages = new Map([
  ['P1', jmml],
  ['P2', other],
]);
const SEED = 'the relapse rate for children with JMML status post-HSCT approaches 50% within 5 years';

function draft(sentences: { text: string; citations: { passage: string; quote: string }[] }[]) {
  return { answered: true, verdict: 'none' as const, sentences };
}

describe('verifyDraft', () => {
  it('keeps a sentence whose quote is verbatim in the cited paper', () => {
    const result = verifyDraft(
      draft([
        { text: 'Relapse approaches 50% within 5 years.', citations: [{ passage: 'P1', quote: SEED }] },
      ]),
      passages,
    );
    expect(result.sentences).toHaveLength(1);
    expect(result.quotesVerified).toBe(1);
  });

  it('drops a quote that is not in the abstract or full text', () => {
    const result = verifyDraft(
      draft([
        {
          text: 'Relapse is rare.',
          citations: [{ passage: 'P1', quote: 'relapse after HSCT for JMML is rare' }],
        },
      ]),
      passages,
    );
    expect(result.sentences).toEqual([]);
    expect(result.droppedSentences).toBe(1);
  });

  it('drops a true quote attributed to the wrong paper', () => {
    const result = verifyDraft(
      draft([
        { text: 'Relapse approaches 50% within 5 years.', citations: [{ passage: 'P2', quote: SEED }] },
      ]),
      passages,
    );
    expect(result.sentences).toEqual([]);
  });

  it('drops a citation to a passage id it was not given', () => {
    const result = verifyDraft(
      draft([
        { text: 'Relapse approaches 50% within 5 years.', citations: [{ passage: 'P9', quote: SEED }] },
      ]),
      passages,
    );
    expect(result.sentences).toEqual([]);
  });

  it('drops a quote too short to support anything', () => {
    const result = verifyDraft(
      draft([{ text: 'It is 50%.', citations: [{ passage: 'P1', quote: '50% within 5' }] }]),
      passages,
    );
    expect(result.sentences).toEqual([]);
  });

  it('drops a sentence whose number its quotes do not state', () => {
    const result = verifyDraft(
      draft([
        { text: 'Relapse approaches 40% within 5 years.', citations: [{ passage: 'P1', quote: SEED }] },
      ]),
      passages,
    );
    expect(result.sentences).toEqual([]);
  });

  it('removes identifiers and links the model wrote, which code builds from metadata instead', () => {
    const result = verifyDraft(
      draft([
        {
          text: 'Relapse approaches 50% within 5 years (PMID 12345, https://evil.example/x, doi:10.1/abc).',
          citations: [{ passage: 'p1', quote: SEED }],
        },
      ]),
      passages,
    );
    expect(result.sentences[0]?.text).toBe('Relapse approaches 50% within 5 years.');
  });
});
