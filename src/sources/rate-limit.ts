import { abortableSleep, type Sleep } from './http.js';

/** NCBI E-utilities allow 3 requests/s per client without an API key and 10/s with one. */
export const NCBI_RATE_WITHOUT_KEY = 3;
export const NCBI_RATE_WITH_KEY = 10;

export interface RateLimiter {
  /** Resolves when the caller may send one request; concurrent callers are spaced evenly. */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface RateLimiterOptions {
  perSecond: number;
  now?: () => number;
  sleep?: Sleep;
}

/**
 * Spaces requests at least 1/perSecond apart across every caller sharing this limiter.
 * Slots are reserved synchronously, so concurrent callers never claim the same slot.
 */
export function createRateLimiter({
  perSecond,
  now = Date.now,
  sleep = abortableSleep,
}: RateLimiterOptions): RateLimiter {
  const intervalMs = 1000 / perSecond;
  let nextSlot = Number.NEGATIVE_INFINITY;
  return {
    async acquire(signal) {
      const current = now();
      const slot = Math.max(current, nextSlot);
      nextSlot = slot + intervalMs;
      if (slot > current) await sleep(slot - current, signal);
    },
  };
}

/**
 * Requests spaced exactly 1/3 s apart when they leave can arrive four in one second after
 * network jitter, and NCBI answers the fourth with 429. A 10% wider spacing absorbs ~30 ms of
 * jitter per request at 3/s for a 10% longer ingest.
 */
const NCBI_SPACING_MARGIN = 1.1;

const ncbiLimiters = new Map<number, RateLimiter>();

/** The process-wide NCBI limiter: the limit is per client, so every feed and lookup shares it. */
export function sharedNcbiLimiter(apiKey: string | undefined): RateLimiter {
  const perSecond = apiKey ? NCBI_RATE_WITH_KEY : NCBI_RATE_WITHOUT_KEY;
  let limiter = ncbiLimiters.get(perSecond);
  if (!limiter) {
    limiter = createRateLimiter({ perSecond: perSecond / NCBI_SPACING_MARGIN });
    ncbiLimiters.set(perSecond, limiter);
  }
  return limiter;
}
