import type OpenAI from 'openai';
import { z } from 'zod';
import { LlmError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { contentHash } from '../text/index.js';
import type { CallLimiter } from './call-limiter.js';
import { toLlmError } from './llm-errors.js';

export const EMBEDDING_CACHE_NAMESPACE = 'llm-embeddings';
/** Inputs per embeddings request; OpenAI accepts up to 2048, local servers often far fewer. */
const BATCH_SIZE = 64;

const vectorSchema = z.array(z.number());
const responseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: vectorSchema })),
});

export interface EmbedderDeps {
  openai: OpenAI;
  model: string;
  store: Store;
  limiter: CallLimiter;
  logger: Logger;
}

/** Embeds texts, reading and writing each vector in the store by (model, text hash). */
export function createEmbedder(deps: EmbedderDeps): (texts: string[]) => Promise<number[][]> {
  const vectors = deps.store.namespace<number[]>(EMBEDDING_CACHE_NAMESPACE);
  const keyOf = (text: string) => contentHash(deps.model, text);

  return async (texts) => {
    const keys = texts.map(keyOf);
    const stored = await vectors.getMany(keys);
    const result = stored.map((vector) => (vectorSchema.safeParse(vector).success ? vector : undefined));
    const missing = [...new Set(texts.filter((_, i) => result[i] === undefined))];

    for (let start = 0; start < missing.length; start += BATCH_SIZE) {
      const batch = missing.slice(start, start + BATCH_SIZE);
      const embedded = await deps.limiter.run(() => embedBatch(deps, batch));
      await Promise.all(batch.map((text, i) => vectors.set(keyOf(text), embedded[i] as number[])));
      texts.forEach((text, i) => {
        const at = batch.indexOf(text);
        if (at >= 0) result[i] = embedded[at];
      });
    }
    if (missing.length > 0)
      deps.logger.info({ embedded: missing.length, cached: texts.length - missing.length }, 'llm embeddings');
    return result as number[][];
  };
}

async function embedBatch(deps: EmbedderDeps, batch: string[]): Promise<number[][]> {
  let raw: unknown;
  try {
    raw = await deps.openai.embeddings.create({ model: deps.model, input: batch, encoding_format: 'float' });
  } catch (error) {
    throw toLlmError(error);
  }
  const parsed = responseSchema.safeParse(raw);
  if (!parsed.success || parsed.data.data.length !== batch.length) {
    throw new LlmError('The embedding server sent a response that cannot be read.', { retryable: true });
  }
  const ordered: number[][] = [];
  for (const item of parsed.data.data) ordered[item.index] = item.embedding;
  if (batch.some((_, i) => ordered[i] === undefined)) {
    throw new LlmError('The embedding server sent vectors that do not match the inputs.', {
      retryable: true,
    });
  }
  return ordered;
}
