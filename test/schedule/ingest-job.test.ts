import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createFeedIngestJob, unionOfFeeds } from '../../src/schedule/ingest-job.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { FeedSubscription } from '../../src/types.js';
import { channelProfile } from '../slack/digest-fixture.js';

const feed = (id: string): FeedSubscription => ({
  id,
  kind: 'rss',
  target: `https://example.org/${id}.xml`,
  addedAt: '2026-11-01T00:00:00Z',
});

describe('feed ingest job', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ memory: true });
  });
  afterEach(async () => store.close());

  it('ingests the union of every channel’s feeds, each feed once', async () => {
    await store.channels.put(channelProfile({ channelId: 'C1', feeds: [feed('a'), feed('b')] }));
    await store.channels.put(channelProfile({ channelId: 'C2', feeds: [feed('b'), feed('c')] }));
    const seen: string[][] = [];
    const job = createFeedIngestJob({
      store,
      logger: silentLogger,
      ingest: async (feeds) => void seen.push(feeds.map((f) => f.id)),
    });
    expect(await job.runOnce()).toBe('ran');
    expect(seen).toEqual([['a', 'b', 'c']]);
  });

  it('skips a run while another replica holds the ingest lock', async () => {
    await store.locks.acquire('ingest:feeds', 'other-replica', 60_000);
    let calls = 0;
    const job = createFeedIngestJob({ store, logger: silentLogger, ingest: async () => void calls++ });
    expect(await job.runOnce()).toBe('busy');
    expect(calls).toBe(0);
  });

  it('releases the lock after a failed run so the next one can go', async () => {
    let calls = 0;
    const job = createFeedIngestJob({
      store,
      logger: silentLogger,
      ingest: async () => {
        calls++;
        throw new Error('feed server down');
      },
    });
    await job.runOnce();
    await job.runOnce();
    expect(calls).toBe(2);
  });

  it('unionOfFeeds keeps the first subscription of a shared feed', () => {
    expect(
      unionOfFeeds([{ feeds: [feed('x')] }, { feeds: [feed('x'), feed('y')] }]).map((f) => f.id),
    ).toEqual(['x', 'y']);
  });
});
