import { webApi } from '@slack/bolt';
import type { SlackClient } from './web-client.js';

type PostArgs = Parameters<SlackClient['chat']['postMessage']>[0];

export interface PostRetryOptions {
  /**
   * Finds the message if an attempt whose answer never came back did reach Slack. Without it
   * an unanswered post is retried blind, which is only acceptable for messages nobody dedupes.
   */
  findPosted?: () => Promise<string | undefined>;
  maxAttempts?: number;
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_ATTEMPTS = 6;
const DEFAULT_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 60_000;

type Failure = { kind: 'rate-limited'; afterMs: number } | { kind: 'unanswered' } | { kind: 'final' };

/**
 * chat.postMessage has no idempotency key, so the Web API client must not re-send on its own
 * (it is built with retries off). A 429 means Slack did not take the message: wait Retry-After
 * and send again. A timeout, network error or 5xx may hide a message that did arrive: look for
 * it before sending again.
 */
export async function postWithRetries(
  client: SlackClient,
  args: PostArgs,
  options: PostRetryOptions = {},
): Promise<string> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await client.chat.postMessage(args);
      if (!result.ts) throw new Error('Slack accepted the message but returned no ts');
      return result.ts;
    } catch (error) {
      const failure = classify(error);
      if (failure.kind === 'final' || attempt >= maxAttempts) throw error;
      await sleep(
        failure.kind === 'rate-limited'
          ? failure.afterMs
          : Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS),
      );
      if (failure.kind === 'unanswered' && options.findPosted) {
        const ts = await options.findPosted();
        if (ts) return ts;
      }
    }
  }
}

function classify(error: unknown): Failure {
  const code = (error as { code?: unknown }).code;
  if (code === webApi.ErrorCode.RateLimitedError) {
    return {
      kind: 'rate-limited',
      afterMs: Number((error as { retryAfter?: number }).retryAfter ?? 1) * 1000,
    };
  }
  if (code === webApi.ErrorCode.RequestError) return { kind: 'unanswered' };
  if (code === webApi.ErrorCode.HTTPError) {
    const status = Number((error as { statusCode?: number }).statusCode);
    return status >= 500 ? { kind: 'unanswered' } : { kind: 'final' };
  }
  return { kind: 'final' };
}
