import { webApi } from '@slack/bolt';
import { sleepUnlessStopped } from './abortable.js';
import type { SlackClient } from './client.js';

export type PostArgs = Parameters<SlackClient['chat']['postMessage']>[0];

export interface SendOptions {
  /** Checked (and the claim renewed) before every send; throws to stand down. */
  beforeSend: () => Promise<void>;
  /** The message's ts if an earlier send whose answer never came back did reach Slack. */
  findPosted: () => Promise<string | undefined>;
  /** Aborted at shutdown: every wait ends at once. */
  signal: AbortSignal;
  maxAttempts?: number;
  backoffMs?: number;
}

const DEFAULT_ATTEMPTS = 6;
const DEFAULT_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 60_000;

type Failure = { kind: 'rate-limited'; afterMs: number } | { kind: 'unanswered' } | { kind: 'final' };

/**
 * Sends one message of a scheduled post. A 429 means Slack did not take the message: wait
 * Retry-After and send again. A timeout, network error or 5xx may hide a message that did
 * arrive: look for it by its metadata before sending again. Any other error is final.
 */
export async function sendOnce(client: SlackClient, args: PostArgs, options: SendOptions): Promise<string> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  for (let attempt = 1; ; attempt++) {
    await options.beforeSend();
    try {
      const result = await client.chat.postMessage(args);
      if (!result.ts) throw new Error('Slack accepted the message but returned no ts');
      return result.ts;
    } catch (error) {
      const failure = classify(error);
      if (failure.kind === 'final' || attempt >= maxAttempts) throw error;
      const waitMs =
        failure.kind === 'rate-limited'
          ? failure.afterMs
          : Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
      await sleepUnlessStopped(waitMs, options.signal);
      if (failure.kind === 'unanswered') {
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
