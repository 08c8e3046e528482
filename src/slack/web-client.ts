import { webApi } from '@slack/bolt';
import type { Config } from '../config/index.js';
import type { Logger } from '../log.js';
import { boltLogger } from './bolt-logger.js';

/** Bolt's own Web API client type (Bolt bundles its @slack/web-api version). */
export type SlackClient = webApi.WebClient;

/**
 * Listener calls happen while a user waits (a slash command, a modal trigger_id that expires
 * in 3 s): one quick retry, and a 429 fails fast instead of sleeping through the deadline.
 */
export const INTERACTIVE_CLIENT_OPTIONS = {
  retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 500 },
  rejectRateLimitedCalls: true,
  timeout: 10_000,
} satisfies webApi.WebClientOptions;

/**
 * Background posts (digests, briefs, notices). The client itself never re-sends: a re-sent
 * chat.postMessage whose first answer was lost posts twice. `postWithRetries` waits out 429s
 * and looks for the message by its metadata before sending again.
 */
export function createPosterClient(
  config: Config,
  logger: Logger,
  options: { timeoutMs?: number } = {},
): SlackClient {
  return new webApi.WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 30_000,
    logger: boltLogger(logger),
  });
}
