import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import type { FeedSubscription } from '../types.js';

/** Fetches the given feeds into the store; `src/index.ts` wires it to `ingestFeeds`. */
export type FeedIngester = (feeds: FeedSubscription[]) => Promise<void>;

export interface FeedIngestJobOptions {
  store: Store;
  ingest: FeedIngester;
  logger: Logger;
  /** 5-field cron; every 30 minutes by default (feeds back off on their own after errors). */
  cron?: string;
  /** Longest an ingest run may hold the cross-replica lock. */
  leaseMs?: number;
}

export interface FeedIngestJob {
  start(): void;
  /** One ingest of the union of every channel's feeds, unless another replica is running one. */
  runOnce(): Promise<'ran' | 'busy'>;
  stop(): Promise<void>;
}

const LOCK_KEY = 'ingest:feeds';

/** The periodic feed ingest, run by one replica at a time. */
export function createFeedIngestJob(options: FeedIngestJobOptions): FeedIngestJob {
  const { store, ingest, logger } = options;
  const leaseMs = options.leaseMs ?? 25 * 60_000;
  let task: ScheduledTask | undefined;

  async function runOnce(): Promise<'ran' | 'busy'> {
    const owner = randomUUID();
    if (!(await store.locks.acquire(LOCK_KEY, owner, leaseMs))) return 'busy';
    try {
      const feeds = unionOfFeeds(await store.channels.all());
      logger.info({ feeds: feeds.length }, 'feed ingest started');
      await ingest(feeds);
      return 'ran';
    } catch (error) {
      logger.error({ err: error }, 'feed ingest failed');
      return 'ran';
    } finally {
      await store.locks.release(LOCK_KEY, owner);
    }
  }

  return {
    start() {
      task = cron.schedule(options.cron ?? '*/30 * * * *', runOnce, { name: 'feed-ingest', noOverlap: true });
    },
    runOnce,
    async stop() {
      await task?.destroy();
    },
  };
}

/** Every channel's feeds, each once (channels following the same feed share one fetch). */
export function unionOfFeeds(profiles: { feeds: FeedSubscription[] }[]): FeedSubscription[] {
  const byId = new Map<string, FeedSubscription>();
  for (const profile of profiles)
    for (const feed of profile.feeds) if (!byId.has(feed.id)) byId.set(feed.id, feed);
  return [...byId.values()];
}
