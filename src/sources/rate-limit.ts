import { monitorEventLoopDelay } from 'node:perf_hooks';
import { abortableSleep, type Sleep } from './http.js';

/** NCBI E-utilities allow 3 requests/s per client without an API key and 10/s with one. */
export const NCBI_RATE_WITHOUT_KEY = 3;
export const NCBI_RATE_WITH_KEY = 10;

export interface RateLimiter {
  /** Resolves when the caller may send one request; concurrent callers are spaced evenly. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** How long a caller arriving now would wait for its slot: the queue ahead of it (0 when free). */
  waitMs?(): number;
}

export interface RateLimiterOptions {
  perSecond: number;
  /**
   * A hard cap checked at the moment each caller is released: never more than `requests`
   * releases within any `ms`. Spacing alone cannot promise this, because callers whose
   * timers fire late (the event loop was busy parsing) would all be released together.
   */
  window?: { requests: number; ms: number };
  /**
   * Extra milliseconds the window must span right now. A request leaves its process only when
   * the event loop gets to it: when the loop is busy (many answers computed at once), one
   * released early may leave late and arrive bunched with the ones after it.
   */
  extraWindowMs?: () => number;
  now?: () => number;
  sleep?: Sleep;
}

/**
 * Spaces requests at least 1/perSecond apart across every caller sharing this limiter.
 * Slots are reserved synchronously, so concurrent callers never claim the same slot; a caller
 * released late does not push back the slots of those behind it, so a busy moment costs no
 * throughput, and the window cap keeps that catching up within the limit.
 */
export function createRateLimiter({
  perSecond,
  window,
  extraWindowMs = () => 0,
  now = Date.now,
  sleep = abortableSleep,
}: RateLimiterOptions): RateLimiter {
  const intervalMs = 1000 / perSecond;
  let nextSlot = Number.NEGATIVE_INFINITY;
  /** Release times of the last `window.requests` callers, oldest first. */
  const released: number[] = [];

  const windowOpensAt = (): number => {
    if (!window || released.length < window.requests) return Number.NEGATIVE_INFINITY;
    return (released[released.length - window.requests] as number) + window.ms + extraWindowMs();
  };

  return {
    waitMs: () => Math.max(0, nextSlot - now()),
    async acquire(signal) {
      const current = now();
      const slot = Math.max(current, nextSlot);
      nextSlot = slot + intervalMs;
      if (slot > current) await sleep(slot - current, signal);
      if (!window) return;
      // Checking and recording happen in one synchronous step, so two callers woken together cannot both pass.
      for (let opensAt = windowOpensAt(); opensAt > now(); opensAt = windowOpensAt()) {
        await sleep(opensAt - now(), signal);
      }
      released.push(now());
      if (released.length > window.requests) released.shift();
    },
  };
}

/**
 * Requests spaced exactly 1/3 s apart when they leave can arrive four in one second after
 * network jitter, and NCBI answers the fourth with 429. A 10% wider spacing, and a window
 * 10% longer than NCBI's second, absorb ~100 ms of jitter between any request and the third
 * after it, for a 10% longer ingest.
 */
const NCBI_SPACING_MARGIN = 1.1;
/** The jitter that margin already absorbs. */
const ABSORBED_LAG_MS = 100;
/** How far back the event loop's delays count. */
const LAG_PERIOD_MS = 2_000;

const ncbiLimiters = new Map<number, RateLimiter>();

/** The process-wide NCBI limiter: the limit is per client, so every feed and lookup shares it. */
export function sharedNcbiLimiter(apiKey: string | undefined): RateLimiter {
  const perSecond = apiKey ? NCBI_RATE_WITH_KEY : NCBI_RATE_WITHOUT_KEY;
  let limiter = ncbiLimiters.get(perSecond);
  if (!limiter) {
    const lag = recentEventLoopLag();
    limiter = createRateLimiter({
      perSecond: perSecond / NCBI_SPACING_MARGIN,
      window: { requests: perSecond, ms: 1000 * NCBI_SPACING_MARGIN },
      // Beyond the jitter the margin absorbs, the window widens by how long the loop was just held up.
      extraWindowMs: () => Math.max(0, lag() - ABSORBED_LAG_MS),
    });
    ncbiLimiters.set(perSecond, limiter);
  }
  return limiter;
}

/**
 * The longest the event loop was held up in the last two to four seconds, in ms (Node's own
 * event-loop delay histogram, sampled every 10 ms).
 */
function recentEventLoopLag(): () => number {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let previousMaxMs = 0;
  let periodStart = Date.now();
  return () => {
    if (Date.now() - periodStart >= LAG_PERIOD_MS) {
      previousMaxMs = histogram.max / 1e6;
      histogram.reset();
      periodStart = Date.now();
    }
    return Math.max(previousMaxMs, histogram.max / 1e6);
  };
}
