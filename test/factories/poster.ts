import { randomUUID } from 'node:crypto';
import { createDeliveryClient, type SlackClient } from '../../src/delivery/client.js';
import { createDeliverer, type Deliverer, type DelivererOptions } from '../../src/delivery/deliverer.js';
import { ChannelPacer } from '../../src/delivery/pacer.js';
import { type Logger, silentLogger } from '../../src/log.js';
import {
  createDigestPoster,
  type DigestBuilder,
  type DigestPoster,
} from '../../src/schedule/digest-poster.js';
import type { Store } from '../../src/store/index.js';
import type { Clock } from '../../src/time.js';

export const TEST_BOT_TOKEN = 'xoxb-1-test';

export interface TestPosterOptions {
  store: Store;
  buildDigest: DigestBuilder;
  /** The fake Slack's API URL; ignored when `client` is given. */
  slackApiUrl?: string;
  botToken?: string;
  client?: SlackClient;
  owner?: string;
  clock?: Clock;
  logger?: Logger;
  leaseMs?: number;
  /** Pacing is off unless a test passes its own pacer. */
  pacer?: ChannelPacer;
  retry?: DelivererOptions['retry'];
}

/** A deliverer on the fake Slack, pacing off: one replica's delivery module. */
export function testDeliverer(
  store: Store,
  slackApiUrl: string,
  options: Partial<Omit<DelivererOptions, 'store' | 'client' | 'logger'>> & { client?: SlackClient } = {},
): Deliverer {
  return createDeliverer({
    client: options.client ?? createDeliveryClient({ botToken: TEST_BOT_TOKEN, slackApiUrl }),
    logger: silentLogger,
    owner: randomUUID(),
    pacer: new ChannelPacer(0),
    ...options,
    store,
  });
}

/** A digest poster on its own deliverer, as `src/schedule/jobs.ts` wires them. */
export function testDigestPoster(options: TestPosterOptions): DigestPoster & { deliverer: Deliverer } {
  const logger = options.logger ?? silentLogger;
  const deliverer = createDeliverer({
    client:
      options.client ??
      createDeliveryClient({
        botToken: options.botToken ?? TEST_BOT_TOKEN,
        slackApiUrl: options.slackApiUrl ?? '',
      }),
    store: options.store,
    logger,
    owner: options.owner ?? randomUUID(),
    clock: options.clock,
    leaseMs: options.leaseMs,
    pacer: options.pacer ?? new ChannelPacer(0),
    retry: options.retry,
  });
  const poster = createDigestPoster({
    deliverer,
    store: options.store,
    buildDigest: options.buildDigest,
    logger,
    clock: options.clock,
  });
  return { ...poster, deliverer };
}
