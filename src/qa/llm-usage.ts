import type { CallUsage } from '../llm/types.js';
import type { LlmUsage } from '../types.js';

/** What a model call cost, counted per question: calls, cached calls, tokens and dollars. */

export interface Pricing {
  inputPerMTok: number;
  outputPerMTok: number;
}

export function toUsage(usage: CallUsage | undefined, pricing: Pricing | undefined): LlmUsage | undefined {
  if (!pricing || !usage) return undefined;
  const cost = usage.cached
    ? 0
    : (usage.promptTokens * pricing.inputPerMTok + usage.completionTokens * pricing.outputPerMTok) /
      1_000_000;
  return {
    calls: usage.cached ? 0 : 1,
    cachedCalls: usage.cached ? 1 : 0,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    estimatedCostUsd: cost,
  };
}

export function addUsage(a: LlmUsage | undefined, b: LlmUsage | undefined): LlmUsage | undefined {
  if (!a || !b) return a ?? b;
  return {
    calls: a.calls + b.calls,
    cachedCalls: a.cachedCalls + b.cachedCalls,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    estimatedCostUsd: a.estimatedCostUsd + b.estimatedCostUsd,
  };
}
