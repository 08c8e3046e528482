import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PaperIndex } from '../../../src/search/paper-index.js';
import type { Store } from '../../../src/store/index.js';
import type { Digest, Paper } from '../../../src/types.js';
import { createSummary } from '../../factories/digest.js';
import { JMML_ID, openCorpus } from '../../qa/corpus.js';
import { FakeSlackApi } from '../fake-slack-api.js';
import { blockActionBody, fixtureJson, postToSlackEndpoint } from '../signed-request.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { threadReplyBody } from '../thread-reply.js';

const CHANNEL = 'C111';
const DIGEST_TS = '1764000000.000100';
const DIGEST_ID = `${CHANNEL}:2026-W48`;

function digestWithJmml(): Digest {
  return {
    id: DIGEST_ID,
    channelId: CHANNEL,
    period: '2026-W48',
    generatedAt: '2026-11-23T08:00:00.000Z',
    intro: 'This week: 1 case report.',
    items: [
      {
        paperId: JMML_ID,
        title: 'jmml-rapamycin-gvl-case-report.txt',
        summary: createSummary({
          headline: 'Rapamycin + GVL after JMML relapse post-HSCT',
          takeaway: 'Relapse after HSCT for JMML approaches 50% within 5 years.',
          studyType: 'case-report',
        }),
        labels: [],
        score: 1,
      },
    ],
    candidateCount: 1,
  };
}

let eventCounter = 0;
/** Each question from its own user, so the per-user rate limit only bites where a test wants it. */
const nextUser = () => `W${1000 + eventCounter}`;

/** The real message-event fixture as a reply in the digest thread. */
function threadReply(text: string, ts: string, overrides: Record<string, unknown> = {}): string {
  const user = nextUser();
  eventCounter += 1;
  return threadReplyBody(
    { text, ts, threadTs: DIGEST_TS, channel: CHANNEL, user, eventId: `EvQ${eventCounter}` },
    overrides,
  );
}

function mention(text: string, ts: string, overrides: Record<string, unknown> = {}): string {
  const body = fixtureJson<{ event: Record<string, unknown>; event_id: string }>(
    'boltpy_event_app_mention.json',
  );
  body.event = {
    ...body.event,
    text: `<@UBOT> ${text}`,
    ts,
    event_ts: ts,
    channel: CHANNEL,
    user: nextUser(),
    ...overrides,
  };
  eventCounter += 1;
  body.event_id = `EvM${eventCounter}`;
  return JSON.stringify(body);
}

describe('questions in Slack', () => {
  let corpus: { store: Store; index: PaperIndex; papers: Paper[] };
  let fake: FakeSlackApi;
  let app: TestApp;

  beforeAll(async () => {
    corpus = await openCorpus(60);
    await corpus.store.digests.save({ digest: digestWithJmml() });
    await corpus.store.digests.markPosted(DIGEST_ID, {
      channelId: CHANNEL,
      ts: DIGEST_TS,
      postedAt: '2026-11-23T08:00:05.000Z',
    });
  });
  afterAll(async () => {
    await corpus.store.close();
  });
  beforeEach(async () => {
    fake = await new FakeSlackApi().start();
    app = await startTestApp(fake, {
      store: corpus.store,
      env: { QA_RATE_LIMIT_PER_MINUTE: '3' },
      deps: {
        searchPapers: (query, limit) => corpus.index.search(query, { limit }),
        termCounts: corpus.index,
      },
    });
  });
  afterEach(async () => {
    await app.stop();
    await fake.stop();
  });

  async function send(body: string): Promise<void> {
    const response = await postToSlackEndpoint(app.eventsUrl, body, { contentType: 'application/json' });
    expect(response.status).toBe(200);
  }

  const answers = () => fake.callsTo('chat.postMessage');

  it('answers a reply in a digest thread in that thread, quoting the paper, after showing it is working', async () => {
    await send(threadReply('What is the relapse rate after HSCT for JMML?', '1764000100.000200'));
    await fake.until(() => answers().length === 1);
    const posted = answers()[0]?.params ?? {};
    expect(posted.thread_ts).toBe(DIGEST_TS);
    expect(JSON.stringify(posted.blocks)).toContain('approaches 50% within 5 years');
    expect(JSON.stringify(posted.blocks)).toContain('not medical advice');
    expect(fake.callsTo('reactions.add')[0]?.params).toMatchObject({
      name: 'eyes',
      timestamp: '1764000100.000200',
    });
  });

  it('answers only the questions in a thread of thanks, scheduling, sharing and questions', async () => {
    const thread: [string, boolean][] = [
      ['What is the relapse rate after HSCT for JMML?', true],
      ['thanks!', false],
      ['Thanks, I will read the second one before Thursday', false],
      [':+1:', false],
      ["can we move this to next week's board?", false],
      ['and was immunosuppression stopped?', true],
      ['<@U03ABC123> can you present this one?', false],
      ['sharing for tomorrow: <https://pubmed.ncbi.nlm.nih.gov/23389866/|esophageal CRT paper>', false],
      ['interesting, matches what we saw', false],
      ['pls summarize the JMML case', true],
      ['running 10 min late to board', false],
      ['lol', false],
      ['FYI the AML paper is in Blood this month', false],
      ['did they use rapamycin after graft loss', true],
      ['agreed', false],
      ['reminder: submit cases by wed noon', false],
      ['👀 will look tonight', false],
      ['good point', false],
      ['who even reads page 2 of these digests lol', false],
      ["I'll bring this up with the rads team", false],
    ];
    for (const [i, [text]] of thread.entries())
      await send(threadReply(text, `1764009000.${String(i).padStart(6, '0')}`));
    const questions = thread.filter(([, asks]) => asks).length;
    await fake.until(() => answers().length === questions);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answers()).toHaveLength(questions);
    const answeredTs = fake.callsTo('reactions.add').map((call) => call.params.timestamp);
    const askedTs = thread.flatMap(([, asks], i) =>
      asks ? [`1764009000.${String(i).padStart(6, '0')}`] : [],
    );
    expect(answeredTs.sort()).toEqual(askedTs.sort());
  });

  it('answers a follow-up in the thread from the same paper', async () => {
    await send(threadReply('What is the relapse rate after HSCT for JMML?', '1764000200.000100'));
    await fake.until(() => answers().length === 1);
    await send(threadReply('and was immunosuppression stopped?', '1764000200.000300'));
    await fake.until(() => answers().length === 2);
    expect(JSON.stringify(answers()[1]?.params.blocks)).toContain('withdrawal of immunosuppression');
  });

  it('answers once when the same message arrives as a mention and as a thread reply, and on a retry', async () => {
    const ts = '1764000300.000100';
    const question = 'What is the relapse rate after HSCT for JMML?';
    await send(mention(question, ts, { thread_ts: DIGEST_TS }));
    await send(threadReply(`<@UBOT> ${question}`, ts));
    await send(mention(question, ts, { thread_ts: DIGEST_TS }));
    await fake.until(() => answers().length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answers()).toHaveLength(1);
  });

  it('ignores bot messages and replies in threads that are not digests', async () => {
    await send(
      threadReply('What is the relapse rate after HSCT for JMML?', '1764000400.000100', { bot_id: 'B999' }),
    );
    await send(
      threadReply('What is the relapse rate after HSCT for JMML?', '1764000400.000200', {
        thread_ts: '1111.2222',
      }),
    );
    await send(
      threadReply('What is the relapse rate after HSCT for JMML?', '1764000400.000300', { user: 'UBOT' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answers()).toHaveLength(0);
  });

  it('tells the asker privately what was redacted and posts nothing identifying', async () => {
    await send(
      threadReply('pt Maria Lopez MRN 12345678: relapse rate after HSCT for JMML?', '1764000500.000100'),
    );
    await fake.until(() => answers().length === 1 && fake.callsTo('chat.postEphemeral').length === 1);
    const notice = String(fake.callsTo('chat.postEphemeral')[0]?.params.text);
    expect(notice).toContain('name');
    expect(notice).toContain('MRN');
    const everythingPosted = JSON.stringify(fake.calls);
    expect(everythingPosted).not.toContain('Maria Lopez');
    expect(everythingPosted).not.toContain('12345678');
  });

  it('answers an @mention outside a digest thread in a thread on the mention', async () => {
    const paper = corpus.papers[1] as Paper;
    await send(mention(paper.title, '1764000600.000100'));
    await fake.until(() => answers().length === 1);
    expect(answers()[0]?.params.thread_ts).toBe('1764000600.000100');
    expect(JSON.stringify(answers()[0]?.params.blocks)).toContain(`PMID ${paper.pmid}`);
  });

  it('gives no answer to an @mention that only thanks the app', async () => {
    const paper = corpus.papers[2] as Paper;
    await send(mention("thx, that's exactly what I needed :pray:", '1764000620.000100'));
    await send(mention(paper.title, '1764000621.000100'));
    await fake.until(() => answers().length === 1);
    expect(answers()[0]?.params.thread_ts).toBe('1764000621.000100');
  });

  it('answers a direct message', async () => {
    await send(
      threadReply('What is the relapse rate after HSCT for JMML?', '1764000650.000100', {
        channel: 'D111',
        channel_type: 'im',
        thread_ts: undefined,
      }),
    );
    await fake.until(() => answers().length === 1);
    expect(answers()[0]?.params.channel).toBe('D111');
  });

  it('slows a user down past the per-minute limit with a friendly private message', async () => {
    for (let i = 0; i < 4; i++)
      await send(
        threadReply('What is the relapse rate after HSCT for JMML?', `1764000700.00010${i}`, {
          user: 'W999',
        }),
      );
    await fake.until(() => answers().length === 3 && fake.callsTo('chat.postEphemeral').length === 1);
    expect(String(fake.callsTo('chat.postEphemeral')[0]?.params.text)).toContain('Give me a moment');
  });

  it('"Ask about this" points the user at the thread, and their next question is answered from that paper', async () => {
    const press = blockActionBody(
      'digest_ask',
      JSON.stringify({ digestId: DIGEST_ID, paperId: JMML_ID }),
      fake.responseUrl('ask'),
      {
        container: { type: 'message', message_ts: DIGEST_TS, channel_id: CHANNEL },
        channel: { id: CHANNEL, name: 'heme' },
        message: { ts: DIGEST_TS },
      },
    );
    const response = await postToSlackEndpoint(app.eventsUrl, press, {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(200);
    await fake.until(() => fake.callsTo('chat.postEphemeral').length === 1);
    expect(fake.callsTo('chat.postEphemeral')[0]?.params).toMatchObject({
      thread_ts: DIGEST_TS,
      user: 'W111',
    });
    await send(threadReply('what was the outcome with rapamycin?', '1764000800.000100', { user: 'W111' }));
    await fake.until(() => answers().length === 1);
    expect(JSON.stringify(answers()[0]?.params.blocks)).toContain('rapamycin');
    expect(JSON.stringify(answers()[0]?.params.blocks)).toContain('jmml-rapamycin-gvl-case-report');
  });
});
