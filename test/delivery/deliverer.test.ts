import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { createDeliveryClient, type SlackClient } from '../../src/delivery/client.js';
import type { Deliverer, DeliveryJob } from '../../src/delivery/deliverer.js';
import { openStore, type Store } from '../../src/store/index.js';
import { MemoryLockStore } from '../../src/store/locks.js';
import { TEST_BOT_TOKEN, testDeliverer } from '../factories/poster.js';

/**
 * Each guard of the delivery module has a test here that fails when that guard alone is
 * removed: the re-check after the claim, the per-attempt lease token, sharing an attempt in
 * flight, renewing the claim (and standing down once it is lost), looking for a message by its
 * metadata before sending again, waiting out a 429, and freeing the claim at shutdown.
 */

const CHANNEL = 'CDELIVER1';
const POST_ID = `${CHANNEL}:2026-W49`;
const LOCK_KEY = `digest:${POST_ID}`;

interface Gate {
  opened: Promise<void>;
  open(): void;
  reached: Promise<void>;
  arrive(): void;
}

function gate(): Gate {
  let open: () => void = () => undefined;
  let arrive: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const reached = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  return { opened, open, reached, arrive };
}

describe('delivery module guards', () => {
  let slack: FakeSlack;
  let store: Store;
  beforeEach(async () => {
    slack = await startFakeSlack();
    store = await openStore({ memory: true });
  });
  afterEach(async () => {
    await store.close();
    await slack.close();
  });

  const recorded = () => store.namespace<string>('test-posted');
  const channelPosts = () => slack.messages(CHANNEL).filter((message) => !message.thread_ts);

  /** A post recorded in its own namespace; `beforeReady` holds the attempt in its build. */
  function job(beforeReady?: () => Promise<void>): DeliveryJob {
    return {
      kind: 'digest',
      postId: POST_ID,
      channelId: CHANNEL,
      isDone: () => recorded().has(POST_ID),
      async prepare() {
        await beforeReady?.();
        return { messages: [{ text: 'Weekly literature digest' }] };
      },
      record: ({ ts }) => recorded().set(POST_ID, ts),
    };
  }

  function deliverer(options: Parameters<typeof testDeliverer>[2] = {}, on: Store = store): Deliverer {
    return testDeliverer(on, slack.url, { retry: { backoffMs: 20 }, ...options });
  }

  /** The same store, its leases on a clock the test moves. */
  function storeWithClock(): { store: Store; advance(ms: number): void } {
    let now = Date.now();
    const locks = new MemoryLockStore(() => now);
    return {
      store: { ...store, locks },
      advance: (ms) => {
        now += ms;
      },
    };
  }

  function clientGatedAt(posting: Gate): SlackClient {
    const client = createDeliveryClient({ botToken: TEST_BOT_TOKEN, slackApiUrl: slack.url });
    const post = client.chat.postMessage.bind(client.chat);
    client.chat.postMessage = (async (args: Parameters<typeof post>[0]) => {
      posting.arrive();
      await posting.opened;
      return post(args);
    }) as typeof client.chat.postMessage;
    return client;
  }

  /**
   * An attempt that stalls in its build past its lease, and a later attempt that takes the post
   * over and is held while sending: the stalled one then resumes. `owner` names both processes.
   */
  async function staleAttemptBesideCurrent(owner?: string) {
    const clock = storeWithClock();
    const options = { leaseMs: 60_000, ...(owner ? { owner } : {}) }; // long: no heartbeat runs
    const building = gate();
    const stale = deliverer(options, clock.store).deliver(job(() => building.opened));
    await new Promise((resolve) => setTimeout(resolve, 50));
    clock.advance(61_000);
    const posting = gate();
    const current = deliverer({ ...options, client: clientGatedAt(posting) }, clock.store).deliver(job());
    await posting.reached; // the later attempt holds the claim, found nothing in Slack, and is sending
    building.open();
    expect(await stale).toEqual({ status: 'claimed-elsewhere' });
    posting.open();
    expect(await current).toMatchObject({ status: 'posted' });
    expect(channelPosts()).toHaveLength(1);
  }

  it('re-checks the record after taking the claim: a replica that finished in between is not posted over', async () => {
    const first = deliverer();
    // The second replica checks, then loses the race to the claim to one that posts and records.
    const locks = store.locks;
    const slowToClaim: Store = {
      ...store,
      locks: {
        ...locks,
        acquire: async (key, owner, ttlMs) => {
          await first.deliver(job());
          return locks.acquire(key, owner, ttlMs);
        },
        renew: locks.renew.bind(locks),
        release: locks.release.bind(locks),
        holder: locks.holder.bind(locks),
      },
    };
    const second = deliverer({}, slowToClaim);

    expect(await second.deliver(job())).toEqual({ status: 'already-posted' });
    expect(channelPosts()).toHaveLength(1);
  });

  it('gives every attempt its own lease token: an attempt whose lease lapsed cannot renew a later one’s', async () => {
    // Both attempts in one process, as two posters of one process share its name.
    await staleAttemptBesideCurrent('one-process');
  });

  it('shares one attempt between two calls for the same post in one process', async () => {
    const shared = deliverer();
    const [a, b] = await Promise.all([shared.deliver(job()), shared.deliver(job())]);
    expect(a).toMatchObject({ status: 'posted' });
    expect(b).toEqual(a);
    expect(channelPosts()).toHaveLength(1);
  });

  it('renews its claim while a slow build runs, so another replica waits instead of taking it over', async () => {
    const building = gate();
    const holder = deliverer({ leaseMs: 1_000 }).deliver(job(() => building.opened));
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // twice the lease
    expect(await deliverer({ leaseMs: 1_000 }).deliver(job())).toEqual({ status: 'claimed-elsewhere' });
    building.open();
    expect(await holder).toMatchObject({ status: 'posted' });
    expect(channelPosts()).toHaveLength(1);
  }, 10_000);

  it('stands down before sending when its claim lapsed and another replica is posting', async () => {
    await staleAttemptBesideCurrent();
  });

  it('looks for a message whose answer was lost before sending it again', async () => {
    const client = createDeliveryClient({ botToken: TEST_BOT_TOKEN, slackApiUrl: slack.url, timeoutMs: 300 });
    slack.inject('chat.postMessage', { kind: 'hang', afterAccepting: true });
    const outcome = await deliverer({ client }).deliver(job());
    expect(outcome).toMatchObject({ status: 'posted', ts: channelPosts()[0]?.ts });
    expect(channelPosts()).toHaveLength(1);
    expect(slack.callsTo('conversations.history')).toHaveLength(1);
  });

  it('finds by its metadata the message of an attempt that died after sending, and records it', async () => {
    const dying = job();
    dying.record = async () => Promise.reject(new Error('killed before recording'));
    expect(await deliverer().deliver(dying)).toMatchObject({ status: 'failed' });

    const outcome = await deliverer().deliver(job());
    expect(outcome).toEqual({ status: 'already-posted', ts: channelPosts()[0]?.ts });
    expect(channelPosts()).toHaveLength(1);
    expect(await recorded().get(POST_ID)).toBe(channelPosts()[0]?.ts);
  });

  it('waits out a 429 for its Retry-After, then sends once', async () => {
    slack.inject('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 1 });
    expect(await deliverer().deliver(job())).toMatchObject({ status: 'posted' });
    const [limited, sent] = slack.callsTo('chat.postMessage');
    expect([limited?.fault, sent?.fault]).toEqual(['rate-limited', undefined]);
    expect((sent?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect(channelPosts()).toHaveLength(1);
  });

  it('at shutdown cuts a 429 wait short and frees the claim at once, so another replica posts', async () => {
    slack.inject('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 30 });
    const leaving = deliverer();
    const cutShort = leaving.deliver(job());
    await new Promise((resolve) => setTimeout(resolve, 300)); // waiting out the 429
    const started = performance.now();
    await leaving.drain(5_000);

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await cutShort).toEqual({ status: 'stopped' });
    expect(await store.locks.holder(LOCK_KEY)).toBeUndefined();
    expect(await deliverer().deliver(job())).toMatchObject({ status: 'posted' });
    expect(channelPosts()).toHaveLength(1);
    expect(await leaving.deliver(job())).toEqual({ status: 'stopped' });
  });

  it('at shutdown frees the claim of a build still running at the deadline', async () => {
    const leaving = deliverer();
    void leaving.deliver(job(() => new Promise(() => undefined)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await leaving.drain(100);
    expect(await store.locks.holder(LOCK_KEY)).toBeUndefined();
    expect(await deliverer().deliver(job())).toMatchObject({ status: 'posted' });
  });

  it('fails an attempt whose store does not answer, leaving the post for the next sweep', async () => {
    const down: Store = {
      ...store,
      locks: { ...store.locks, acquire: async () => Promise.reject(new Error('ECONNREFUSED')) },
    };
    expect(await deliverer({}, down).deliver(job())).toMatchObject({ status: 'failed' });
    expect(await deliverer().deliver(job())).toMatchObject({ status: 'posted' });
  });

  it('uses a Slack client that never re-sends a post by itself', async () => {
    const client = createDeliveryClient({ botToken: TEST_BOT_TOKEN, slackApiUrl: slack.url });
    slack.inject('chat.postMessage', { kind: 'server-error', status: 503 });
    await expect(client.chat.postMessage({ channel: CHANNEL, text: 'x' })).rejects.toThrow();
    slack.inject('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 30 });
    await expect(client.chat.postMessage({ channel: CHANNEL, text: 'x' })).rejects.toThrow();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
