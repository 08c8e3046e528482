import type { Config } from '../config/index.js';
import type { Logger } from '../log.js';
import type { FeedCursor } from '../store/index.js';
import type { FeedKind, Paper } from '../types.js';
import type { FetchBody } from './http.js';
import type { RateLimiter } from './rate-limit.js';

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
