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
 * Digest posts run in the background: they may wait out a 429's Retry-After and retry 5xx
 * for a few minutes (exactly-once is kept by the claim and message metadata, not by luck).
 */
export function createPosterClient(config: Config, logger: Logger): SlackClient {
  return new webApi.WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes,
    rejectRateLimitedCalls: false,
    timeout: 30_000,
    logger: boltLogger(logger),
  });
}
