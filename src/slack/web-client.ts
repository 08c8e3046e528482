import type { webApi } from '@slack/bolt';

export type { SlackClient } from '../delivery/client.js';

/**
 * Listener calls happen while a user waits (a slash command, a modal trigger_id that expires
 * in 3 s): one quick retry, and a 429 fails fast instead of sleeping through the deadline.
 * Scheduled posts use the delivery module's client instead.
 */
export const INTERACTIVE_CLIENT_OPTIONS = {
  retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 500 },
  rejectRateLimitedCalls: true,
  timeout: 10_000,
} satisfies webApi.WebClientOptions;
