import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DeliveryKind, DeliveryOutcome } from '../delivery/deliverer.js';
import type { CallUsage } from '../llm/types.js';
import type { FeedHealth } from '../types.js';

/** Everything `/metrics` reports, on a registry of its own (tests build as many as they like). */
export interface AppMetrics {
  registry: Registry;
  /** A scheduled post finished (posted, already posted, stopped, failed…). */
  delivery(kind: DeliveryKind, outcome: DeliveryOutcome): void;
  /** Seconds from a slash command's arrival to its acknowledgement. */
  ackSeconds: Histogram<'surface'>;
  /** One model call: tokens paid for, and their cost at the configured prices. */
  llmCall(usage: CallUsage): void;
  /** `/lit` commands waiting for a worker, per the fair queue. */
  setQueueDepth(waiting: number): void;
}

export interface MetricsOptions {
  prices: { priceInputPerMTok: number; priceOutputPerMTok: number };
  /** Read at scrape time: feed health from the store. */
  feedHealth: () => Promise<FeedHealth[]>;
}

/** Prometheus metrics in the text format, through prom-client. */
export function createMetrics(options: MetricsOptions): AppMetrics {
  const registry = new Registry();
  const posts = new Counter({
    name: 'tbd_posts_total',
    help: 'Scheduled posts that went out (digests, briefs, notices).',
    labelNames: ['kind'],
    registers: [registry],
  });
  const outcomes = new Counter({
    name: 'tbd_post_attempts_total',
    help: 'Attempts at scheduled posts, by outcome.',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'tbd_post_failures_total',
    help: 'Scheduled post attempts that failed (retried by the next sweep).',
    labelNames: ['kind'],
    registers: [registry],
  });
  const ackSeconds = new Histogram({
    name: 'tbd_slash_command_ack_seconds',
    help: 'Time from a slash command arriving to its acknowledgement (Slack allows 3 s).',
    labelNames: ['surface'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'tbd_llm_tokens_total',
    help: 'Model tokens paid for (cache hits excluded).',
    labelNames: ['type'],
    registers: [registry],
  });
  const cost = new Counter({
    name: 'tbd_llm_cost_usd_total',
    help: 'Estimated model cost at LLM_PRICE_INPUT_PER_MTOK / LLM_PRICE_OUTPUT_PER_MTOK.',
    registers: [registry],
  });
  const queueDepth = new Gauge({
    name: 'tbd_lit_queue_depth',
    help: '/lit commands acknowledged and waiting for a worker.',
    registers: [registry],
  });
  const feedFailures = new Gauge({
    name: 'tbd_feed_consecutive_failures',
    help: 'Consecutive failed fetches per feed (0 when its last fetch worked).',
    labelNames: ['feed'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const health of await options.feedHealth().catch(() => [])) {
        this.set({ feed: health.feedId }, health.consecutiveFailures);
      }
    },
  });
  void feedFailures;

  return {
    registry,
    delivery(kind, outcome) {
      outcomes.inc({ kind, outcome: outcome.status });
      if (outcome.status === 'posted') posts.inc({ kind });
      if (outcome.status === 'failed') failures.inc({ kind });
    },
    ackSeconds,
    llmCall(usage) {
      if (usage.cached) return;
      tokens.inc({ type: 'prompt' }, usage.promptTokens);
      tokens.inc({ type: 'completion' }, usage.completionTokens);
      cost.inc(
        (usage.promptTokens * options.prices.priceInputPerMTok +
          usage.completionTokens * options.prices.priceOutputPerMTok) /
          1e6,
      );
    },
    setQueueDepth: (waiting) => queueDepth.set(waiting),
  };
}
