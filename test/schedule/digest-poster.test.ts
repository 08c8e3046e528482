import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST_EVENT_TYPE } from '../../src/delivery/posted-lookup.js';
import { parseTopic } from '../../src/digest/profile.js';
import { parseFeedText } from '../../src/sources/rss/parse-feed.js';
import { openStore, type Store } from '../../src/store/index.js';
import { CHANNEL, channelProfile, NOW, realDigestBuilder, seedPapers } from '../slack/digest-fixture.js';
import { FakeSlackApi } from '../slack/fake-slack-api.js';
import { testConfig, testPoster } from '../slack/test-app.js';

const PERIOD = '2026-W49';
const DIGEST_ID = `${CHANNEL}:${PERIOD}`;
const clock = { now: () => NOW };

describe('digest poster', () => {
  let fake: FakeSlackApi;
  let store: Store;
  const extraStores: Store[] = [];
  beforeEach(async () => {
    fake = await new FakeSlackApi(() => NOW.getTime() + 60_000).start();
    store = await openStore({ memory: true });
  });
  afterEach(async () => {
    await fake.stop();
    await store.close();
    for (const extra of extraStores.splice(0)) await extra.close();
  });

  function poster(on: Store = store) {
    return testPoster(testConfig(fake), on, realDigestBuilder(on), clock);
  }

  it('posts the digest once with its metadata and records the ts', async () => {
    await seedPapers(store);
    await store.channels.put(channelProfile());
    const first = await poster().post(CHANNEL, PERIOD);
    const second = await poster().post(CHANNEL, PERIOD);

    expect(first).toMatchObject({ status: 'posted', itemCount: 3 });
    expect(second).toMatchObject({ status: 'already-posted' });
    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params.metadata).toEqual({
      event_type: POST_EVENT_TYPE,
      event_payload: { digest_id: DIGEST_ID },
    });
    const record = await store.digests.get(DIGEST_ID);
    expect(record?.posted?.ts).toBe(first.status === 'posted' ? first.ts : 'missing');
    expect((await store.channels.get(CHANNEL))?.lastDigestId).toBe(DIGEST_ID);
  });

  it('brings the channel’s last digest up to date when a process died after recording the post', async () => {
    await seedPapers(store);
    await store.channels.put(channelProfile());
    await poster().post(CHANNEL, PERIOD);
    const before = await store.channels.get(CHANNEL);
    // As if killed between recording the post and updating the channel.
    await store.channels.put({ ...channelProfile(), lastDigestId: undefined, lastDigestAt: undefined });
    expect(await poster().post(CHANNEL, PERIOD)).toMatchObject({ status: 'already-posted' });
    const after = await store.channels.get(CHANNEL);
    expect(after?.lastDigestId).toBe(DIGEST_ID);
    expect(after?.lastDigestAt).toBe(before?.lastDigestAt);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('posts one digest when two app instances share one SQLite store', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-poster-'));
    const a = await openStore({ dataDir });
    const b = await openStore({ dataDir });
    extraStores.push(a, b);
    await seedPapers(a);
    await a.channels.put(channelProfile());

    const outcomes = await Promise.all([poster(a).post(CHANNEL, PERIOD), poster(b).post(CHANNEL, PERIOD)]);

    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'posted')).toHaveLength(1);
  });

  it('lets a second process post exactly once after the claiming process died before posting', async () => {
    await seedPapers(store);
    await store.channels.put(channelProfile());
    await store.locks.acquire(`digest:${DIGEST_ID}`, 'process-that-crashed', 150);

    expect(await poster().post(CHANNEL, PERIOD)).toMatchObject({ status: 'claimed-elsewhere' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(await poster().post(CHANNEL, PERIOD)).toMatchObject({ status: 'posted' });
    expect(await poster().post(CHANNEL, PERIOD)).toMatchObject({ status: 'already-posted' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('finds a digest posted just before a crash by its metadata and does not post it again', async () => {
    await seedPapers(store);
    await store.channels.put(channelProfile());
    // The first process's message reaches Slack, and it dies before recording the ts.
    const markPosted = store.digests.markPosted.bind(store.digests);
    store.digests.markPosted = async () => Promise.reject(new Error('killed before recording'));
    expect(await poster().post(CHANNEL, PERIOD)).toMatchObject({ status: 'failed' });
    store.digests.markPosted = markPosted;
    const [sent] = fake.callsTo('chat.postMessage');
    const ts = fake.messages.get(CHANNEL)?.[0]?.ts;

    const outcome = await poster().post(CHANNEL, PERIOD);

    expect(outcome).toMatchObject({ status: 'already-posted', ts });
    expect(fake.callsTo('chat.postMessage')).toEqual([sent]);
    expect(fake.callsTo('conversations.history')[0]?.params).toMatchObject({ include_all_metadata: 'true' });
    expect((await store.digests.get(DIGEST_ID))?.posted?.ts).toBe(ts);
  });

  it('reposts a saved digest whose message never reached Slack', async () => {
    await seedPapers(store);
    await store.channels.put(channelProfile());
    const digest = await realDigestBuilder(store)(channelProfile(), PERIOD, NOW);
    await store.digests.save({ digest });

    expect(await poster().post(CHANNEL, PERIOD)).toMatchObject({
      status: 'posted',
      itemCount: digest.items.length,
    });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('posts one short line, never an empty Block Kit message, when nothing new matched', async () => {
    await store.channels.put(channelProfile());
    expect(await poster().post(CHANNEL, PERIOD)).toMatchObject({ status: 'posted', itemCount: 0 });
    const [post] = fake.callsTo('chat.postMessage');
    expect(post?.params.blocks).toBeUndefined();
    expect(String(post?.params.text)).toMatch(/^Nothing new for your topics/);
  });

  it('posts nothing on an empty week when the channel chose silence, and does not rebuild it', async () => {
    await store.channels.put(channelProfile({ whenEmpty: 'silent' }));
    expect(await poster().post(CHANNEL, PERIOD)).toMatchObject({ status: 'silent' });
    expect(await poster().post(CHANNEL, PERIOD)).toMatchObject({ status: 'already-posted' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('puts items that do not fit in one message into a single thread reply', async () => {
    await seedPapers(store);
    await store.channels.put(channelProfile({ topN: 20 }));
    const outcome = await poster().post(CHANNEL, PERIOD);

    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect((posts[0]?.params.blocks as unknown[] | undefined)?.length).toBeLessThanOrEqual(50);
    expect(posts[1]?.params.thread_ts).toBe(outcome.status === 'posted' ? outcome.ts : 'missing');
    expect((await store.digests.get(DIGEST_ID))?.posted?.overflowTs).toBeDefined();
  });

  it('records the digest as posted even when its overflow thread reply fails', async () => {
    await seedPapers(store);
    await store.channels.put(channelProfile({ topN: 20 }));
    fake.failWhen = (method, params) =>
      method === 'chat.postMessage' && params.thread_ts ? 'fatal_error' : undefined;

    const outcome = await poster().post(CHANNEL, PERIOD);

    expect(outcome).toMatchObject({ status: 'posted' });
    const posted = (await store.digests.get(DIGEST_ID))?.posted;
    expect(posted?.ts).toBe(outcome.status === 'posted' ? outcome.ts : 'missing');
    expect(posted?.overflowTs).toBeUndefined();
    expect(await poster().post(CHANNEL, PERIOD)).toMatchObject({ status: 'already-posted' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('pauses only the channel the app was removed from and keeps posting elsewhere', async () => {
    await seedPapers(store);
    await store.channels.put(channelProfile());
    await store.channels.put(channelProfile({ channelId: 'C222', name: 'neuro-onc-board' }));
    fake.fail('chat.postMessage', 'C222', 'not_in_channel');

    const gone = await poster().post('C222', PERIOD);
    const ok = await poster().post(CHANNEL, PERIOD);

    expect(gone).toMatchObject({ status: 'paused', reason: 'not_in_channel' });
    expect(ok).toMatchObject({ status: 'posted' });
    expect((await store.channels.get('C222'))?.paused?.reason).toBe('not_in_channel');
    expect((await store.channels.get(CHANNEL))?.paused).toBeUndefined();
    expect(await poster().post('C222', PERIOD)).toMatchObject({ status: 'paused' });
  });

  it('renders a feed title that tries to ping the channel, mention a user or hide a link as plain text', async () => {
    const feed = readFileSync(
      new URL('../fixtures/sources/feeds/nodefeedparser_rss2sample.xml', import.meta.url),
      'utf8',
    );
    // The attack under test: a feed item whose title carries Slack control sequences.
    const hostile = feed.replace(
      '<title>Star City</title>',
      '<title>Star City &lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt;</title>',
    );
    const parsed = parseFeedText(hostile, {
      kind: 'rss',
      feedId: 'rss:liftoff',
      fetchedAt: '2026-11-29T12:00:00.000Z',
    });
    for (const paper of parsed.papers) await store.papers.put(paper, {});
    await store.channels.put(channelProfile({ topics: [parseTopic('Star City')] }));

    expect(await poster().post(CHANNEL, PERIOD)).toMatchObject({ status: 'posted', itemCount: 1 });
    const sent = JSON.stringify(fake.callsTo('chat.postMessage')[0]?.params);
    expect(sent).toContain('Star City');
    expect(sent).not.toContain('<!channel>');
    expect(sent).not.toContain('<@U123>');
    expect(sent).not.toMatch(/<https:\/\/evil/);
    expect(sent).toContain('&lt;@U123&gt;');
    expect(sent).toContain('&lt;https://evil.example');
  });
});
