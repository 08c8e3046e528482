import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { loadConfig } from '../../src/config/index.js';
import { createDeliveryClient, type SlackClient } from '../../src/delivery/client.js';
import { ChannelPacer } from '../../src/delivery/pacer.js';
import type { DigestPoster } from '../../src/schedule/digest-poster.js';
import { openStore, type Store } from '../../src/store/index.js';
import { testDigestPoster } from '../factories/poster.js';
import { realDigestBuilder } from '../slack/digest-fixture.js';
import { BOT_TOKEN, CHANNEL, channelProfile, seedDigestChannel } from './harness.js';

const OTHER_CHANNEL = 'C0RELIAB2';

describe('digest posts when the Slack Web API misbehaves', () => {
  let slack: FakeSlack;
  let store: Store;

  beforeEach(async () => {
    slack = await startFakeSlack();
    store = await openStore({ memory: true });
    await seedDigestChannel(store);
    await store.channels.put(channelProfile(OTHER_CHANNEL, new Date()));
  });
  afterEach(async () => {
    await store.close();
    await slack.close();
  });

  function poster(client?: SlackClient): DigestPoster {
    return testDigestPoster({
      client,
      slackApiUrl: config().slack.apiUrl,
      store,
      owner: 'replica-a',
      pacer: new ChannelPacer(),
      buildDigest: realDigestBuilder(store),
    });
  }

  function config() {
    return loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.url, LOG_LEVEL: 'silent' });
  }

  const posts = () => slack.callsTo('chat.postMessage');

  it('waits out a 429 for its Retry-After, then posts once', async () => {
    slack.inject('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 1 });
    expect((await poster().post(CHANNEL, '2026-W48')).status).toBe('posted');
    const [limited, retried] = posts();
    expect([limited?.fault, retried?.fault]).toEqual(['rate-limited', undefined]);
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(slack.messages(CHANNEL)).toHaveLength(1);
  });

  it('retries a 5xx and posts once', async () => {
    slack.inject('chat.postMessage', { kind: 'server-error', status: 503 });
    expect((await poster().post(CHANNEL, '2026-W48')).status).toBe('posted');
    expect(posts().map((call) => call.fault)).toEqual(['server-error', undefined]);
    expect(slack.messages(CHANNEL)).toHaveLength(1);
  });

  it('spaces posts to one channel about a second apart while another channel goes at once', async () => {
    const shared = poster();
    await Promise.all([
      shared.post(CHANNEL, '2026-W47'),
      shared.post(CHANNEL, '2026-W48'),
      shared.post(OTHER_CHANNEL, '2026-W48'),
    ]);
    const times = (channel: string) =>
      posts()
        .filter((call) => call.args.channel === channel)
        .map((call) => call.at);
    const [first, second] = times(CHANNEL);
    // The pacer books one-second slots when a post leaves; arrival jitter can shave some of that
    // off at the server, while without pacing the two posts would arrive milliseconds apart.
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(500);
    expect(Math.abs((times(OTHER_CHANNEL)[0] ?? 0) - (first ?? 0))).toBeLessThan(
      (second ?? 0) - (first ?? 0),
    );
  });

  it('retries a post whose request timed out before Slack took it, and posts once', async () => {
    // The poster client with a short timeout, so the timeout fires within the test.
    const client = createDeliveryClient({ botToken: BOT_TOKEN, slackApiUrl: slack.url, timeoutMs: 500 });
    slack.inject('chat.postMessage', { kind: 'hang' });
    expect((await poster(client).post(CHANNEL, '2026-W48')).status).toBe('posted');
    expect(posts().map((call) => call.fault)).toEqual(['hang', undefined]);
    expect(slack.messages(CHANNEL).filter((m) => !m.thread_ts)).toHaveLength(1);
  }, 30_000);

  it('does not post twice when a post reached Slack but its response never came back', async () => {
    // Slack has no idempotency key: the poster finds the message by its metadata instead of re-sending.
    const client = createDeliveryClient({ botToken: BOT_TOKEN, slackApiUrl: slack.url, timeoutMs: 500 });
    slack.inject('chat.postMessage', { kind: 'hang', afterAccepting: true });
    const outcome = await poster(client).post(CHANNEL, '2026-W48');
    expect(outcome.status).toBe('posted');
    const digests = slack.messages(CHANNEL).filter((m) => !m.thread_ts);
    expect(digests).toHaveLength(1);
    expect(await store.digests.get(`${CHANNEL}:2026-W48`)).toMatchObject({ posted: { ts: digests[0]?.ts } });
  }, 30_000);
});
