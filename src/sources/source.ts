import type { Config } from '../config/index.js';
import type { Logger } from '../log.js';
import type { FeedCursor } from '../store/index.js';
import type { FeedKind, Paper } from '../types.js';
import type { FetchBody } from './http.js';
import type { RateLimiter } from './rate-limit.js';

/**
 * What an on-demand look-up needs (a live search, a full-text fetch): unlike a feed run, it is
 * always handed the guarded HTTP client and the shared NCBI limiter.
 */
export interface LookupDeps {
  config: Config;
  /** The guarded HTTP client: the feeds' size cap, time-out and private-address refusal apply. */
  fetchBody: FetchBody;
  /** The shared NCBI limiter. */
  limiter: RateLimiter;
  now?: () => Date;
}

export interface SourceFetchContext {
  /** What the last successful fetch left behind: validators, window end, cursorMark. */
  cursor?: FeedCursor;
  now: Date;
  signal?: AbortSignal;
}

export interface SourceFetchResult {
  papers: Paper[];
  /** Saved by the caller only after the papers are safely stored. */
  cursor: FeedCursor;
  /** The server said nothing changed since the last fetch (HTTP 304). */
  unchanged?: boolean;
}

/** One subscribed feed, whatever is behind it; callers never ask which implementation they have. */
export interface Source {
  readonly id: string;
  readonly kind: FeedKind;
  fetch(context: SourceFetchContext): Promise<SourceFetchResult>;
}

export interface SourceDeps {
  config: Config;
  logger: Logger;
  /** Defaults to the real, SSRF-guarded HTTP client with the config's timeout and size cap. */
  fetchBody?: FetchBody;
  /** Shared NCBI E-utilities limiter; defaults to the process-wide one. */
  limiter?: RateLimiter;
}
