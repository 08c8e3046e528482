import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAi, startFakeOpenAi } from '../../bench/fakes/fake-openai.js';
import { createLogger } from '../../src/log.js';
import type { PaperIndex } from '../../src/search/paper-index.js';
import { exportStore } from '../../src/store/export.js';
import type { Store } from '../../src/store/index.js';
import type { Paper } from '../../src/types.js';
import { JMML_ID, openCorpus } from '../qa/corpus.js';
import { digestOf, jmmlItem } from './blocks/digest-fixtures.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { postToSlackEndpoint } from './signed-request.js';
import { startTestApp, type TestApp } from './test-app.js';
import { threadReplyBody } from './thread-reply.js';

const CHANNEL = 'C222';
const DIGEST_TS = '1764100000.000100';
const DIGEST_ID = `${CHANNEL}:2026-W48`;
/** Every identifier the asker typed; none may reach the model, a log line or the store. */
const IDENTIFIERS = [
  'María González',
  'González',
  '12345678',
  '03/14/2022',
  '+44 7700 900123',
  '42 Maple Street',
];
const QUESTION =
  'pt María González (MRN 12345678, DOB 03/14/2022, +44 7700 900123, 42 Maple Street): relapse rate after HSCT for JMML?';
const FOLLOW_UP = 'and was immunosuppression stopped at 42 Maple Street?';

function threadReply(text: string, ts: string, eventId: string): string {
  return threadReplyBody({ text, ts, threadTs: DIGEST_TS, channel: CHANNEL, user: 'W4242', eventId });
}

describe('a question with patient identifiers, end to end through Slack', () => {
  let corpus: { store: Store; index: PaperIndex; papers: Paper[] };
  let slack: FakeSlackApi;
  let model: FakeOpenAi;
  let app: TestApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    corpus = await openCorpus(20);
    const digest = digestOf([jmmlItem({ paperId: JMML_ID, title: 'jmml-rapamycin-gvl-case-report.txt' })]);
    await corpus.store.digests.save({ digest: { ...digest, id: DIGEST_ID, channelId: CHANNEL } });
    await corpus.store.digests.markPosted(DIGEST_ID, {
      channelId: CHANNEL,
      ts: DIGEST_TS,
      postedAt: '2026-11-23T08:00:05.000Z',
    });
    model = await startFakeOpenAi({
      respond: () => ({ kind: 'json', content: { answered: false, verdict: 'none', sentences: [] } }),
    });
    slack = await new FakeSlackApi().start();
    app = await startTestApp(slack, {
      store: corpus.store,
      env: { OPENAI_BASE_URL: model.baseUrl, OPENAI_MODEL: 'test-model' },
      deps: {
        logger: createLogger({
          level: 'trace',
          destination: { write: (line: string) => logLines.push(line) },
        }),
        searchPapers: (query, limit) => corpus.index.search(query, { limit }),
        termCounts: corpus.index,
      },
    });
    const send = async (body: string) =>
      expect(
        (await postToSlackEndpoint(app.eventsUrl, body, { contentType: 'application/json' })).status,
      ).toBe(200);
    await send(threadReply(QUESTION, '1764100100.000100', 'EvPhi1'));
    await slack.until(() => slack.callsTo('chat.postMessage').length === 1);
    await send(threadReply(FOLLOW_UP, '1764100200.000100', 'EvPhi2'));
    await slack.until(() => slack.callsTo('chat.postMessage').length === 2);
    const memory = corpus.store.namespace<unknown[]>('qa-thread');
    for (
      let wait = 0;
      wait < 100 && ((await memory.get(`${CHANNEL}:${DIGEST_TS}`)) ?? []).length < 4;
      wait++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
    await model.close();
    await corpus.store.close();
  });

  it('sends the model only redacted text, the thread history included', () => {
    expect(model.chatRequests().length).toBeGreaterThanOrEqual(2);
    const sent = JSON.stringify(model.requests);
    for (const identifier of IDENTIFIERS) expect(sent).not.toContain(identifier);
    expect(sent).toContain('[MRN]');
  });

  it('writes no identifier to the logs', () => {
    expect(logLines.length).toBeGreaterThan(0);
    for (const identifier of IDENTIFIERS) expect(logLines.join('')).not.toContain(identifier);
  });

  it('remembers the thread with the redacted question only', async () => {
    const turns = await corpus.store
      .namespace<{ role: string; text: string }[]>('qa-thread')
      .get(`${CHANNEL}:${DIGEST_TS}`);
    const stored = JSON.stringify(turns);
    expect(turns?.filter((turn) => turn.role === 'user').map((turn) => turn.text)).toEqual([
      'pt [name] (MRN [MRN], DOB [date of birth], [phone], [address]): relapse rate after HSCT for JMML?',
      'and was immunosuppression stopped at [address]?',
    ]);
    for (const identifier of IDENTIFIERS) expect(stored).not.toContain(identifier);
  });

  it('exports no identifier', async () => {
    const exported = JSON.stringify(await exportStore(corpus.store));
    for (const identifier of IDENTIFIERS) expect(exported).not.toContain(identifier);
  });

  it('tells the asker privately which kinds were removed', () => {
    const notice = String(slack.callsTo('chat.postEphemeral')[0]?.params.text);
    for (const kind of ['name', 'MRN', 'date of birth', 'phone', 'address']) expect(notice).toContain(kind);
  });
});
