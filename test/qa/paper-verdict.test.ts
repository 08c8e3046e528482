import { describe, expect, it } from 'vitest';
import { judgePapers, MIN_PAPER_COVERAGE, MIN_THREAD_PAPER_COVERAGE } from '../../src/qa/paper-verdict.js';
import { understandQuestion } from '../../src/qa/understand.js';
import { paperText } from '../../src/text/index.js';
import { pubMedQaPaperById, pubMedQaRecords, questionTerms } from './corpus.js';

/** Follow-up of endometrial cancer: relapse sites, symptoms and survival (a real PubMedQA abstract). */
const RELAPSE_PAPER = pubMedQaPaperById('22706226');

describe('judgePapers', () => {
  it('takes a paper the user pointed at, or the thread already quoted, on less of the question than one found by search', async () => {
    const corpus = pubMedQaRecords()
      .slice(0, 300)
      .map(([, record]) => record.CONTEXTS.join('\n'));
    const terms = questionTerms([...corpus, paperText(RELAPSE_PAPER)]);
    // Half of it in words the paper does not use: "womb", "scans", "comeback".
    const understood = await understandQuestion(
      'womb ca: did routine scans catch the comeback before symptoms did, and did it matter for survival?',
      undefined,
      terms,
    );
    const [searched] = judgePapers(understood, [{ paper: RELAPSE_PAPER, prior: 1 }]);
    const [pointed] = judgePapers(understood, [{ paper: RELAPSE_PAPER, prior: 1, scope: 'focus' }]);
    // The thread's earlier answer quoted it: the follow-up is most likely about it too.
    const [cited] = judgePapers(understood, [{ paper: RELAPSE_PAPER, prior: 1, scope: 'cited' }]);
    // One of a digest's papers the message does not name is only in the running.
    const [listed] = judgePapers(understood, [{ paper: RELAPSE_PAPER, prior: 1, scope: 'thread' }]);
    expect(searched?.coverage).toBeGreaterThanOrEqual(MIN_THREAD_PAPER_COVERAGE);
    expect(searched?.coverage).toBeLessThan(MIN_PAPER_COVERAGE);
    expect(searched?.addressed).toBe(false);
    expect(pointed?.addressed).toBe(true);
    expect(cited?.addressed).toBe(true);
    expect(listed?.addressed).toBe(false);
  });

  it('takes a paper just short of the floor when one of its sentences answers, after the papers that clear it', async () => {
    const corpus = pubMedQaRecords()
      .slice(0, 300)
      .map(([, record]) => record.CONTEXTS.join('\n'));
    const terms = questionTerms([...corpus, paperText(RELAPSE_PAPER)]);
    // "comeback" and "womb" are not the paper's words; "165 (58.5 %) of the patients were
    // asymptomatic … by a planned visit" answers all the same.
    const asked = 'womb ca comeback: what share of pts were asymptomatic at a planned visit?';
    const understood = await understandQuestion(asked, undefined, terms);
    const [lifted] = judgePapers(understood, [{ paper: RELAPSE_PAPER, prior: 1 }]);
    expect(lifted?.coverage).toBeLessThan(MIN_PAPER_COVERAGE);
    expect(lifted).toMatchObject({ addressed: true, nearFloor: true });
    // Short of the floor by as much, but no sentence says what share had no symptoms.
    const unsaid = await understandQuestion(
      'womb ca comeback: what share of pts were on hormone tx at a planned visit?',
      undefined,
      terms,
    );
    expect(judgePapers(unsaid, [{ paper: RELAPSE_PAPER, prior: 1 }])[0]?.addressed).toBe(false);
    // A paper that says "comeback" too clears the floor and answers first, even when the index
    // ranks it last and the lifted one is among the digest's papers.
    const saysAll = {
      ...RELAPSE_PAPER,
      id: 'pmid:1',
      title: 'Womb cancer comeback',
      abstract: [{ text: 'Patients were seen.' }],
    };
    const ranked = judgePapers(understood, [
      { paper: RELAPSE_PAPER, prior: 1, scope: 'thread' },
      { paper: saysAll, prior: 0 },
    ]);
    expect(ranked[1]?.score).toBeGreaterThan(ranked[0]?.score ?? 0);
    expect(ranked.map((v) => [v.candidate.paper.id, v.nearFloor])).toEqual([
      ['pmid:1', false],
      [RELAPSE_PAPER.id, true],
    ]);
  });

  it('puts first, of papers that say every word asked, the one that says them together', async () => {
    // Both real abstracts say "heart" and "failure"; only the coronary one says "heart failure".
    const apart = pubMedQaPaperById('25156467');
    const together = pubMedQaPaperById('21952349');
    const corpus = pubMedQaRecords()
      .slice(0, 300)
      .map(([, record]) => record.CONTEXTS.join('\n'));
    const terms = questionTerms([...corpus, paperText(apart), paperText(together)]);
    const understood = await understandQuestion('any data on heart failure in these pts?', undefined, terms);
    const verdicts = judgePapers(understood, [
      { paper: apart, prior: 1 },
      { paper: together, prior: 1 },
    ]);
    expect(verdicts.map((v) => [v.candidate.paper.id, v.coverage])).toEqual([
      [together.id, 1],
      [apart.id, 1],
    ]);
  });
});
