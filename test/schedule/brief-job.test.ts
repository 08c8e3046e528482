import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { AgendaStore } from '../../src/board/agenda.js';
import { buildBrief } from '../../src/board/brief.js';
import { POST_EVENT_TYPE } from '../../src/delivery/posted-lookup.js';
import { createExtractiveSummarizer } from '../../src/digest/extractive.js';
import { silentLogger } from '../../src/log.js';
import { answerQuestion } from '../../src/qa/answer.js';
import { type BoardJobDeps, runBoardDuties } from '../../src/schedule/brief-job.js';
import { createBriefPoster } from '../../src/schedule/brief-poster.js';
import { PaperIndex } from '../../src/search/paper-index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { JMML_PAPER_ID, loadFixtureCorpus } from '../board/fixture-corpus.js';
import { testDeliverer } from '../factories/poster.js';

const CHANNEL = 'CBOARD01';
const OTHER = 'CBOARD02';
const JMML_LINE = '18-month-old, JMML with monosomy 7, relapse 4 months after HSCT, mixed chimerism';
const MEETING = { cron: '0 16 * * 4', timezone: 'America/Chicago' };
// Thursday 2026-12-03 16:00 in Chicago is 22:00 UTC; 24 h before is the brief's time.
const BRIEF_DUE = new Date('2026-12-02T22:05:00Z');
const AFTER_MEETING = new Date('2026-12-03T23:00:00Z');
const ADDED = new Date('2026-11-30T15:00:00Z');

describe('board duties (briefs through the delivery module)', () => {
  let slack: FakeSlack;
  let store: Store;
  let corpus: PaperIndex;

  beforeEach(async () => {
    slack = await startFakeSlack();
    store = await openStore({ memory: true });
    corpus = await seededIndex(store);
  });
  afterEach(async () => {
    await slack.close();
    await store.close();
  });

  function deps(owner: string, now: Date): BoardJobDeps {
    const agendas = new AgendaStore(store, () => now);
    return {
      agendas,
      leadHours: 24,
      logger: silentLogger,
      buildBrief: (input) =>
        buildBrief(input, { corpus, summarizer: createExtractiveSummarizer(), logger: silentLogger }),
      postBrief: createBriefPoster({
        deliverer: testDeliverer(store, slack.url, { owner }),
        store,
        logger: silentLogger,
        now: () => now,
      }),
    };
  }

  async function agendaFor(channelId: string): Promise<void> {
    const agendas = new AgendaStore(store, () => ADDED);
    await agendas.add(channelId, [JMML_LINE]);
    await agendas.setMeeting(channelId, MEETING);
  }

  it('posts the brief once for two replicas, maps its thread for Q&A, and keeps no case line in the store', async () => {
    await agendaFor(CHANNEL);
    const [first, second] = await Promise.all([
      runBoardDuties(deps('replica-a', BRIEF_DUE), BRIEF_DUE),
      runBoardDuties(deps('replica-b', BRIEF_DUE), BRIEF_DUE),
    ]);
    await runBoardDuties(deps('replica-a', BRIEF_DUE), BRIEF_DUE);

    const posted = slack.messages(CHANNEL);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.metadata).toEqual({
      event_type: POST_EVENT_TYPE,
      event_payload: { digest_id: `${CHANNEL}:board-2026-12-03` },
    });
    expect(JSON.stringify(posted[0]?.blocks)).toContain('JMML with monosomy 7');
    expect([...(first ?? []), ...(second ?? [])].map((result) => result.action).sort()).toEqual(
      expect.arrayContaining(['posted']),
    );

    const briefId = await store.digests.digestIdForThread(CHANNEL, posted[0]?.ts as string);
    expect(briefId).toBe(`${CHANNEL}:board-2026-12-03`);
    const record = await store.digests.get(briefId as string);
    expect(record?.digest.items[0]?.paperId).toBe(JMML_PAPER_ID);
    expect(JSON.stringify(record)).not.toContain('mixed chimerism');

    const answer = await answerQuestion(
      { store, index: corpus, logger: silentLogger },
      { question: 'What was the relapse rate after HSCT?', digestId: briefId },
    );
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('approaches 50% within 5 years');
    expect(answer.citations[0]?.paperId).toBe(JMML_PAPER_ID);
  });

  it('clears the agenda once the meeting has passed', async () => {
    await agendaFor(CHANNEL);
    const results = await runBoardDuties(deps('replica-a', AFTER_MEETING), AFTER_MEETING);
    expect(results).toEqual([{ channelId: CHANNEL, action: 'cleared', removed: 1 }]);
    expect((await new AgendaStore(store).get(CHANNEL)).cases).toEqual([]);
  });

  it('keeps going when one channel cannot be posted to', async () => {
    await agendaFor(CHANNEL);
    await agendaFor(OTHER);
    slack.inject('chat.postMessage', { kind: 'error', error: 'not_in_channel' }, { channel: CHANNEL });
    const results = await runBoardDuties(deps('replica-a', BRIEF_DUE), BRIEF_DUE);
    expect(results.map((result) => [result.channelId, result.action])).toEqual([
      [CHANNEL, 'failed'],
      [OTHER, 'posted'],
    ]);
    expect(slack.messages(OTHER)).toHaveLength(1);
  });
});

/** The JMML case report and the first PubMedQA abstracts: enough to rank, quick to store. */
async function seededIndex(store: Store): Promise<PaperIndex> {
  const papers = loadFixtureCorpus().slice(0, 80);
  for (const paper of papers) await store.papers.put(paper, {});
  const index = new PaperIndex(store.papers);
  for (const paper of papers) index.add(paper);
  return index;
}
