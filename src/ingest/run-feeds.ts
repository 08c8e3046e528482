import type { Config } from '../config/index.js';
import { isTbdError, userMessageOf } from '../errors.js';
import type { Logger } from '../log.js';
import { createSource, type FetchBody, type RateLimiter, type Source } from '../sources/index.js';
import type { Store } from '../store/index.js';
import type { FeedHealth, FeedSubscription } from '../types.js';
import { ingestPapers } from './ingest.js';

const DEFAULT_CONCURRENCY = 4;
const BASE_BACKOFF_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 24 * 60 * 60_000;

export interface FeedRunResult {
  feedId: string;
  status: 'ok' | 'unchanged' | 'failed' | 'skipped';
  added: number;
  merged: number;
  unchanged: number;
  /** User-facing reason, when the feed failed or was skipped for backoff. */
  error?: string;
}

export interface IngestFeedsDeps {
  config: Config;
  logger: Logger;
  now?: () => Date;
  concurrency?: number;
  fetchBody?: FetchBody;
  limiter?: RateLimiter;
  /** Builds the adapter for a subscription; tests may pass fakes. */
  createSource?: (subscription: FeedSubscription) => Source;
  signal?: AbortSignal;
}

/**
 * Fetches every feed (a few at a time) and stores what each returns. Each feed is isolated:
 * its failure is logged with its id, recorded in its health (with exponential backoff before
 * the next attempt) and never stops the others; a feed's cursor is saved only after its
 * papers are stored, so a failure never skips items. Store writes run one feed at a time so
 * two feeds carrying the same paper merge instead of racing.
 */
export async function ingestFeeds(
  store: Store,
  subscriptions: FeedSubscription[],
  deps: IngestFeedsDeps,
): Promise<FeedRunResult[]> {
  const now = deps.now ?? (() => new Date());
  const build =
    deps.createSource ??
    ((subscription: FeedSubscription) =>
      createSource(subscription, {
        config: deps.config,
        logger: deps.logger,
        fetchBody: deps.fetchBody,
        limiter: deps.limiter,
      }));
  const writes = serialQueue();
  const unique = [...new Map(subscriptions.map((subscription) => [subscription.id, subscription])).values()];
  const results = await mapWithConcurrency(unique, deps.concurrency ?? DEFAULT_CONCURRENCY, (subscription) =>
    runFeed(store, subscription, { ...deps, now, build, writes }),
  );
  await store.feeds.setLastIngestAt(now().toISOString());
  return results;
}

async function runFeed(
  store: Store,
  subscription: FeedSubscription,
  deps: IngestFeedsDeps & { now: () => Date; build: (s: FeedSubscription) => Source; writes: SerialQueue },
): Promise<FeedRunResult> {
  const feedId = subscription.id;
  const empty = { feedId, added: 0, merged: 0, unchanged: 0 };
  const started = deps.now();
  let health: FeedHealth = { feedId, consecutiveFailures: 0 };
  try {
    health = (await store.feeds.getHealth(feedId)) ?? health;
    if (health.nextAttemptAt && Date.parse(health.nextAttemptAt) > started.getTime()) {
      return { ...empty, status: 'skipped', error: `backing off until ${health.nextAttemptAt}` };
    }
    const cursor = await store.feeds.getCursor(feedId);
    const result = await deps.build(subscription).fetch({ cursor, now: started, signal: deps.signal });
    const summary = await deps.writes(async () => {
      const stored = await ingestPapers(store, result.papers, { now: started, logger: deps.logger });
      await store.feeds.setCursor(feedId, result.cursor);
      return stored;
    });
    await store.feeds.setHealth({
      feedId,
      lastSuccessAt: started.toISOString(),
      consecutiveFailures: 0,
      lastItemCount: result.papers.length,
    });
    deps.logger.info(
      { feed: feedId, items: result.papers.length, ...summary, ids: undefined },
      'feed ingested',
    );
    return { ...empty, ...pick(summary), status: result.unchanged ? 'unchanged' : 'ok' };
  } catch (error) {
    const failed = failureHealth(health, error, started);
    await store.feeds.setHealth(failed).catch((cause: unknown) => {
      deps.logger.error({ feed: feedId, err: cause }, 'could not record feed health');
    });
    deps.logger.error(
      { feed: feedId, err: isTbdError(error) ? error.message : error, failures: failed.consecutiveFailures },
      `feed failed: ${userMessageOf(error)}`,
    );
    return { ...empty, status: 'failed', error: failed.lastError };
  }
}

/** Doubles the wait after each consecutive failure (5 min, 10 min, …, at most a day); permanent errors wait the longest. */
export function failureHealth(previous: FeedHealth, error: unknown, at: Date): FeedHealth {
  const failures = previous.consecutiveFailures + 1;
  const permanent = isTbdError(error) && 'retryable' in error && error.retryable === false;
  const delay = permanent ? MAX_BACKOFF_MS : Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (failures - 1));
  return {
    ...previous,
    lastErrorAt: at.toISOString(),
    lastError: userMessageOf(error),
    consecutiveFailures: failures,
    nextAttemptAt: new Date(at.getTime() + delay).toISOString(),
  };
}

function pick(summary: { added: number; merged: number; unchanged: number }) {
  return { added: summary.added, merged: summary.merged, unchanged: summary.unchanged };
}

type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs tasks one after another, whatever order they are submitted in. */
function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function mapWithConcurrency<T, R>(
  items: T[],
  limit: number,
  worker: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}
