import { webApi } from '@slack/bolt';

/** Bolt's own Web API client type (Bolt bundles its @slack/web-api version). */
export type SlackClient = webApi.WebClient;

/** Where the delivery client talks to Slack, and how its calls are logged. */
export interface DeliveryClientOptions {
  botToken: string | undefined;
  slackApiUrl: string;
  logger?: webApi.WebClientOptions['logger'];
  timeoutMs?: number;
}

/**
 * The client for scheduled posts (digests, briefs, notices). It never re-sends by itself:
 * chat.postMessage has no idempotency key, so a re-sent post whose first answer was lost
 * posts twice. It neither waits out 429s: the delivery module does, with its claim renewed
 * and its wait cut short at shutdown. Slack answers a post in well under a second; after 10 s
 * the delivery module looks for the message instead of waiting on.
 */
export function createDeliveryClient(options: DeliveryClientOptions): SlackClient {
  return new webApi.WebClient(options.botToken, {
    slackApiUrl: options.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    logger: options.logger,
  });
}
