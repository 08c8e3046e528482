import { z } from 'zod';
import type { Store } from '../store/index.js';
import { contentHash } from '../text/index.js';
import type { Prompt } from './prompts.js';

/** One stored model answer: the validated JSON and what producing it cost. */
const cachedAnswerSchema = z.object({
  value: z.unknown(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  cachedAt: z.string(),
});

export type CachedAnswer = z.infer<typeof cachedAnswerSchema>;

export const LLM_CACHE_NAMESPACE = 'llm-cache';

export interface AnswerCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer): Promise<void>;
}

/**
 * The cache identity of a call: what was asked (prompt name, version and file hash, the filled
 * values, the output schema) and who was asked (model). Same inputs, same key, no second call.
 */
export function answerCacheKey(parts: {
  prompt: Prompt;
  model: string;
  vars: Record<string, string>;
  jsonSchema: unknown;
}): string {
  const vars = Object.keys(parts.vars)
    .sort()
    .map((name) => `${name}=${parts.vars[name]}`);
  return [
    parts.prompt.name,
    `v${parts.prompt.version}`,
    contentHash(parts.prompt.contentHash, parts.model, JSON.stringify(parts.jsonSchema), ...vars),
  ].join(':');
}

/** The store namespace as a cache; a record that no longer parses counts as a miss. */
export function createAnswerCache(store: Store): AnswerCache {
  const namespace = store.namespace<CachedAnswer>(LLM_CACHE_NAMESPACE);
  return {
    async get(key) {
      const parsed = cachedAnswerSchema.safeParse(await namespace.get(key));
      return parsed.success ? parsed.data : undefined;
    },
    set: (key, answer) => namespace.set(key, answer),
  };
}
