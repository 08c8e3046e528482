import type http from 'node:http';
import { FeedError } from '../errors.js';
import { isAddressRefusal } from './address-guard.js';
import { type RawResponse, RequestFailure, requestOnce } from './http-request.js';

const DEFAULT_ATTEMPTS = 3;
const BASE_BACKOFF_MS = 1_000;
/** A server asking us to wait longer than this is treated as down for this run. */
const MAX_RETRY_AFTER_MS = 60_000;
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const USER_AGENT = 'tumor-board-digest/0.1 (literature digests for tumor boards)';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** What a source asks for; the HTTP policy (timeout, cap, private addresses) comes from config. */
export interface FeedRequest {
  /** Named in every error message, so a log line or Slack reply says which feed failed. */
  feedId: string;
  etag?: string;
  lastModified?: string;
  accept?: string;
  signal?: AbortSignal;
  /** Awaited before each attempt: the shared rate limit of the API being called. */
  beforeAttempt?: () => Promise<void>;
}

export interface FetchBodyOptions extends FeedRequest {
  timeoutMs: number;
  maxBytes: number;
  allowPrivateUrls: boolean;
  maxAttempts?: number;
  sleep?: Sleep;
}

export interface FetchedBody {
  /** True on 304 Not Modified: the validators still match, `body` is empty. */
  unchanged: boolean;
  body: Buffer;
  /** The URL after redirects. */
  url: string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

/** The shape sources depend on, so tests can inject a fake. */
export type FetchBody = (url: string, request: FeedRequest) => Promise<FetchedBody>;

/**
 * GETs a source URL safely: http(s) only, private addresses refused at connect time (also
 * after redirects), a timeout covering connect and body, a size cap enforced while streaming,
 * gzip, conditional GET, and retries of 429/5xx with exponential backoff honoring Retry-After.
 * Every failure is a FeedError whose message names the feed.
 */
export async function fetchBody(url: string, options: FetchBodyOptions): Promise<FetchedBody> {
  const attempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  const sleep = options.sleep ?? abortableSleep;
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: options.accept ?? '*/*',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;

  for (let attempt = 1; ; attempt++) {
    await options.beforeAttempt?.();
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: RawResponse;
    try {
      response = await requestOnce({
        url,
        headers,
        signal,
        maxBytes: options.maxBytes,
        allowPrivateUrls: options.allowPrivateUrls,
      });
    } catch (error) {
      // A dropped connection is worth another try; a timeout already cost the full budget.
      const dropped =
        error instanceof RequestFailure && error.reason === 'network' && !isAddressRefusal(error.cause);
      if (!dropped || attempt >= attempts) throw toFeedError(error, options, timeout.aborted);
      await sleep(backoffMs(attempt), options.signal);
      continue;
    }
    if (response.status === 304) return fetched(response, true);
    if (response.status >= 200 && response.status < 300) return fetched(response, false);

    const retryable = RETRY_STATUSES.has(response.status);
    if (!retryable || attempt >= attempts) {
      throw new FeedError(options.feedId, `Feed ${options.feedId} answered HTTP ${response.status}.`, {
        retryable,
        detail: response.url,
      });
    }
    const wait = retryDelay(response.headers, attempt);
    if (wait > MAX_RETRY_AFTER_MS) {
      throw new FeedError(
        options.feedId,
        `Feed ${options.feedId} is rate limited; it asked us to wait ${Math.ceil(wait / 1000)} s.`,
      );
    }
    await sleep(wait, options.signal);
  }
}

function toFeedError(error: unknown, options: FetchBodyOptions, timedOut: boolean): FeedError {
  const feed = `Feed ${options.feedId}`;
  const make = (message: string, retryable: boolean) =>
    new FeedError(options.feedId, message, { cause: error, retryable, detail: (error as Error).message });
  if (timedOut) return make(`${feed} did not respond within ${formatDuration(options.timeoutMs)}.`, true);
  if (isAddressRefusal(error) || (error instanceof RequestFailure && isAddressRefusal(error.cause)))
    return make(`${feed} points to a private or local network address, which is not allowed.`, false);
  if (!(error instanceof RequestFailure)) return make(`${feed} could not be fetched.`, true);
  switch (error.reason) {
    case 'invalid':
      return make(`${feed}: that is not a valid URL.`, false);
    case 'protocol':
      return make(`${feed}: only http:// and https:// URLs can be fetched.`, false);
    case 'private-address':
      return make(`${feed} points to a private or local network address, which is not allowed.`, false);
    case 'too-large':
      return make(
        `${feed} sent more than ${formatBytes(options.maxBytes)}; the response was refused.`,
        false,
      );
    case 'redirects':
      return make(`${feed} redirected too many times.`, false);
    case 'aborted':
      return make(`${feed}: the fetch was cancelled.`, true);
    case 'network':
      return make(`${feed} could not be reached.`, true);
  }
}

function fetched(response: RawResponse, unchanged: boolean): FetchedBody {
  return {
    unchanged,
    body: response.body,
    url: response.url,
    contentType: header(response.headers, 'content-type'),
    etag: header(response.headers, 'etag'),
    lastModified: header(response.headers, 'last-modified'),
  };
}

function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Exponential backoff (1 s, 2 s, 4 s…), or the server's Retry-After when it asks for longer. */
function retryDelay(headers: http.IncomingHttpHeaders, attempt: number): number {
  const backoff = backoffMs(attempt);
  const retryAfter = header(headers, 'retry-after');
  if (!retryAfter) return backoff;
  const seconds = Number(retryAfter);
  const asked = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
  return Number.isFinite(asked) ? Math.max(backoff, asked) : backoff;
}

function backoffMs(attempt: number): number {
  return BASE_BACKOFF_MS * 2 ** (attempt - 1);
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
