import type { Logger } from '../log.js';
import type { RankedPassage } from './passage-rank.js';

/** Share of a passage's score the embedding similarity replaces. */
const EMBEDDING_SHARE = 0.3;

/**
 * Re-orders passages by their embedding similarity to the question, blended with the lexical
 * score, when an embedding model is configured. A failure keeps the lexical order.
 */
export async function rerankByEmbedding(
  embed: (texts: string[]) => Promise<number[][]>,
  logger: Logger,
  question: string,
  ranked: RankedPassage[],
): Promise<RankedPassage[]> {
  try {
    const [questionVector, ...vectors] = await embed([question, ...ranked.map((r) => r.passage.text)]);
    return ranked
      .map((r, i) => ({
        ...r,
        score:
          (1 - EMBEDDING_SHARE) * r.score + EMBEDDING_SHARE * cosine(questionVector ?? [], vectors[i] ?? []),
      }))
      .sort((a, b) => b.score - a.score);
  } catch (error) {
    logger.warn({ err: error }, 'embedding re-rank failed; keeping lexical order');
    return ranked;
  }
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += (a[i] as number) * (b[i] as number);
    na += (a[i] as number) ** 2;
    nb += (b[i] as number) ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
