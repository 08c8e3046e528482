import type { LlmUsage } from '../types.js';
import type { CallUsage } from './types.js';

export interface UsagePrices {
  priceInputPerMTok: number;
  priceOutputPerMTok: number;
}

export interface UsageTally {
  /** Adds one structured call; a cached call counts as cached and costs nothing. */
  add(usage: CallUsage): void;
  /** Adds tokens paid for by requests whose answer was rejected. */
  addRejected(tokens: { promptTokens: number; completionTokens: number; requests: number }): void;
  snapshot(): LlmUsage;
}

/** Running totals of one digest's model use: requests made, cache hits, tokens paid for, cost. */
export function createUsageTally(prices: UsagePrices): UsageTally {
  const totals = { calls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0 };
  const paid = (t: { promptTokens: number; completionTokens: number; requests: number }) => {
    totals.calls += t.requests;
    totals.promptTokens += t.promptTokens;
    totals.completionTokens += t.completionTokens;
  };
  return {
    add(usage) {
      if (usage.cached) totals.cachedCalls += 1;
      else paid({ ...usage, requests: usage.requests ?? 1 });
    },
    addRejected: paid,
    snapshot: () => ({
      ...totals,
      estimatedCostUsd: roundToMicroDollars(
        (totals.promptTokens * prices.priceInputPerMTok +
          totals.completionTokens * prices.priceOutputPerMTok) /
          1e6,
      ),
    }),
  };
}

/** Micro-dollar precision: enough for a per-digest figure, without float noise in logs. */
function roundToMicroDollars(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}
