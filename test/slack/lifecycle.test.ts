import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { stopGracefully } from '../../src/slack/lifecycle.js';
import { openStore, type Store } from '../../src/store/index.js';
import { CHANNEL, channelProfile, NOW, realDigestBuilder, seedPapers } from './digest-fixture.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { testConfig, testPoster } from './test-app.js';

describe('stopGracefully', () => {
  let fake: FakeSlackApi;
  let store: Store;
  beforeEach(async () => {
    fake = await new FakeSlackApi(() => NOW.getTime()).start();
    store = await openStore({ memory: true });
  });
  afterEach(async () => fake.stop());

  it('stops jobs and the receiver, finishes the digest being posted, then closes the store', async () => {
    await seedPapers(store);
    await store.channels.put(channelProfile());
    const poster = testPoster(testConfig(fake), store, realDigestBuilder(store), { now: () => NOW });
    const order: string[] = [];
    fake.hold();
    const posting = poster.post(CHANNEL, '2026-W49');
    await fake.until(() => fake.arrived > 0); // the digest is built and its post is on the wire

    const stopped = stopGracefully(
      {
        jobs: [{ stop: async () => void order.push('jobs') }],
        slack: {
          stop: async () => {
            order.push('slack');
            fake.release(); // Slack answers the post while the app is shutting down
          },
        },
        poster: {
          drain: async () => {
            await poster.drain();
            order.push('posts');
          },
        },
        store: {
          close: async () => {
            order.push('store');
            await store.close();
          },
        },
      },
      silentLogger,
    );

    expect(await stopped).toBe(true);
    expect(order).toEqual(['jobs', 'slack', 'posts', 'store']);
    expect(await posting).toMatchObject({ status: 'posted' });
    expect(await poster.post(CHANNEL, '2026-W50')).toMatchObject({ status: 'failed' });
  });

  it('keeps going when a step fails and reports it', async () => {
    const closed: string[] = [];
    const clean = await stopGracefully(
      {
        jobs: [{ stop: async () => Promise.reject(new Error('cron broke')) }],
        slack: { stop: async () => void closed.push('slack') },
        poster: { drain: async () => void closed.push('posts') },
        store: { close: async () => void closed.push('store') },
      },
      silentLogger,
    );
    await store.close();
    expect(clean).toBe(false);
    expect(closed).toEqual(['slack', 'posts', 'store']);
  });
});
