import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { answerQuestion } from '../../src/qa/answer.js';
import { findEvidence } from '../../src/qa/evidence.js';
import { findCandidates } from '../../src/qa/retrieve.js';
import type { PaperIndex } from '../../src/search/paper-index.js';
import type { Store } from '../../src/store/index.js';
import type { Paper } from '../../src/types.js';
import { JMML_ID, openCorpus } from './corpus.js';

let store: Store;
let index: PaperIndex;
let papers: Paper[];

beforeAll(async () => {
  ({ store, index, papers } = await openCorpus(40));
});
afterAll(async () => {
  await store.close();
});

const noScope = { focusPaperIds: [], threadPaperIds: [] };

describe('findEvidence', () => {
  it('ranks first the paper that is about everything the question names', async () => {
    const { verdicts } = await findEvidence({ store, index }, 'relapse rate after HSCT for JMML?', {
      scope: noScope,
    });
    expect(verdicts[0]).toMatchObject({ addressed: true, candidate: { paper: { id: JMML_ID } } });
  });

  it("answers a follow-up that leans on the thread from the thread's paper only", async () => {
    const { understood, verdicts } = await findEvidence({ store, index }, 'and how many got rapamycin?', {
      previousQuestion: 'relapse rate after HSCT for JMML?',
      scope: { focusPaperIds: [], threadPaperIds: [JMML_ID] },
    });
    expect(understood.leansOnThread).toBe(true);
    expect(verdicts.map((v) => v.candidate.paper.id)).toEqual([JMML_ID]);
  });

  it('reads a follow-up whose only subject is a word no paper uses as leaning on the thread', async () => {
    const { understood } = await findEvidence({ store, index }, 'any downside to treating more patients?', {
      previousQuestion: 'relapse rate after HSCT for JMML?',
      scope: { focusPaperIds: [], threadPaperIds: [JMML_ID] },
    });
    expect(understood.leansOnThread).toBe(true);
  });

  it('reads "and same for X" as the earlier part asked again about X', async () => {
    const { understood } = await findEvidence(
      { store, index },
      'what % relapsed after HSCT for JMML? and same for the kids on rapamycin',
      { scope: noScope },
    );
    const [first, second] = understood.parts;
    expect(second?.kind).toBe(first?.kind);
    expect(second?.concepts.map((c) => c.text)).toEqual(expect.arrayContaining(['relapsed', 'JMML']));
  });

  it('reads a case described before the question as context: its age, stage and variant rule no paper out', async () => {
    const { understood } = await findEvidence(
      { store, index },
      '2yo M, pT2N0, KRAS G13D. relapse rate after HSCT for JMML?',
      { scope: noScope },
    );
    expect(understood.unknown).toEqual([]);
    expect(understood.parts.map((part) => part.text)).toEqual(['relapse rate after HSCT for JMML?']);
  });

  it('never uses a retracted paper as evidence, even when it is in the thread', async () => {
    const retracted = { ...(papers[1] as Paper), retracted: true };
    const candidates = await findCandidates(
      {
        store: { papers: { getMany: async () => [retracted] } } as unknown as Store,
        index: { search: async () => [], documentFrequency: async () => new Map() },
      },
      retracted.title,
      { focusPaperIds: [retracted.id], threadPaperIds: [] },
    );
    expect(candidates).toEqual([]);
  });

  it('refuses a question whose drug only appears in papers about something else', async () => {
    const answer = await answerQuestion(
      { store, index, logger: silentLogger },
      { question: 'does rapamycin help in nasopharyngeal carcinoma?' },
    );
    expect(answer.answered).toBe(false);
  });
});
