import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LiteratureFakes, startLiteratureFakes } from '../../bench/fakes/literature-fakes.js';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { type AnswerDeps, answerQuestion, NOT_IN_CORPUS } from '../../src/qa/answer.js';
import { createLiveServices } from '../../src/qa/live-services.js';
import type { PaperIndex } from '../../src/search/paper-index.js';
import type { Store } from '../../src/store/index.js';
import { findVerbatim, paperText } from '../../src/text/index.js';
import type { Answer, Paper } from '../../src/types.js';
import { openCorpus } from './corpus.js';

/** PMID 33474827 (Thoracic Cancer 2021) is served by the PubMed fake and is not in the store. */
const SNORD55 = 'is tumor-educated platelet SNORD55 useful for early detection of NSCLC?';
const SECONDHAND_SMOKE = 'does second-hand smoke raise bladder cancer risk in nonsmokers?';

let fakes: LiteratureFakes;
let store: Store;
let index: PaperIndex;

beforeAll(async () => {
  fakes = await startLiteratureFakes({ mirrorPubmed: true });
});
afterAll(async () => fakes.close());
beforeEach(async () => {
  await store?.close();
  ({ store, index } = await openCorpus(40));
});

function deps(): AnswerDeps {
  const live = createLiveServices(loadConfig({ NODE_ENV: 'test', ...fakes.env }), store, silentLogger);
  return { store, index, logger: silentLogger, live: live.lookup, fullText: live.fullText };
}

async function expectVerified(answer: Answer) {
  expect(answer.citations.length).toBeGreaterThan(0);
  for (const citation of answer.citations) {
    const paper = (await store.papers.get(citation.paperId)) as Paper;
    expect(findVerbatim(citation.quote, paperText(paper))).toBe(true);
  }
}

describe('answers from a live search when the stored papers cannot', () => {
  it('answers a question about a paper not in the store from PubMed, says so, and stores the paper', async () => {
    expect(await store.papers.get('pmid:33474827')).toBeUndefined();
    const answer = await answerQuestion(deps(), { question: SNORD55 });
    expect(answer.answered).toBe(true);
    expect(answer.liveSearch?.service).toBe('PubMed');
    expect(answer.text).toMatch(
      /^From a PubMed search just now \(query: [^\n]*snord55[^\n]*\), not from the stored papers\.\n/i,
    );
    expect(answer.citations[0]?.paperId).toBe('pmid:33474827');
    await expectVerified(answer);
    expect(await store.papers.get('pmid:33474827')).toBeDefined();
    expect(fakes.eutils.violations()).toBe(0);
  });

  it('says the answer is not from the channel’s digests when asked in a digest thread', async () => {
    const { digestId } = await storeDigest(store);
    const answer = await answerQuestion(deps(), { question: SNORD55, digestId });
    expect(answer.text.split('\n')[0]).toMatch(/, not from this channel's digests\.$/);
  });

  it('answers a follow-up from the stored paper, and a repeated question from the cache, without searching again', async () => {
    const live = deps();
    const first = await answerQuestion(live, { question: SNORD55 });
    const requests = fakes.eutils.requests.length;
    const followUp = await answerQuestion(live, {
      question: 'and what was the AUC for early stage?',
      history: [
        { role: 'user', text: SNORD55 },
        { role: 'assistant', text: first.text, paperIds: first.citations.map((c) => c.paperId) },
      ],
    });
    expect(followUp.liveSearch).toBeUndefined();
    expect(followUp.citations[0]?.quote).toContain('AUC of 0.784');
    await answerQuestion(live, { question: SNORD55 });
    expect(fakes.eutils.requests.length).toBe(requests);
  });

  it('answers from Europe PMC, and says so, when PubMed refuses the request', async () => {
    fakes.eutils.inject('esearch', { kind: 'server-error', status: 400 });
    const answer = await answerQuestion(deps(), { question: SECONDHAND_SMOKE });
    expect(answer.liveSearch?.service).toBe('Europe PMC');
    expect(answer.text).toMatch(/^From a Europe PMC search just now \(query: /);
    expect(answer.citations[0]?.paperId).toBe('pmid:40536077');
    await expectVerified(answer);
  });

  it('refuses, naming each service and what to try, when neither can be searched', async () => {
    fakes.eutils.inject('esearch', { kind: 'server-error', status: 400 });
    fakes.europePmc.failNext(400);
    const answer = await answerQuestion(deps(), { question: SNORD55 });
    expect(answer.answered).toBe(false);
    expect(answer.text).toContain(NOT_IN_CORPUS);
    expect(answer.text).toContain(
      'I could not search further just now: PubMed answered HTTP 400. Europe PMC answered HTTP 400. Try again in a few minutes.',
    );
  });

  it('still refuses without searching when live look-ups are not configured', async () => {
    const requests = fakes.eutils.requests.length;
    const answer = await answerQuestion({ store, index, logger: silentLogger }, { question: SNORD55 });
    expect(answer.answered).toBe(false);
    expect(answer.liveSearch).toBeUndefined();
    expect(fakes.eutils.requests.length).toBe(requests);
  });
});

async function storeDigest(target: Store): Promise<{ digestId: string }> {
  const digestId = 'C0123:2026-W48';
  await target.digests.save({
    digest: {
      id: digestId,
      channelId: 'C0123',
      period: '2026-W48',
      generatedAt: '2026-11-23T08:00:00.000Z',
      intro: '',
      items: [],
      candidateCount: 0,
    },
  });
  return { digestId };
}
