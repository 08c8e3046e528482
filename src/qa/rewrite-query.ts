import { z } from 'zod';
import type { CallUsage, LlmClient } from '../llm/types.js';
import { asDataLine, formatThread, type ThreadTurn } from './model-answer.js';

const MAX_OUTPUT_TOKENS = 120;
/** A rewrite longer than this is not a query; it is ignored. */
const MAX_QUERY_CHARS = 300;

const rewriteSchema = z.object({ query: z.string().max(MAX_QUERY_CHARS) });

export interface Rewrite {
  /** Search words in the papers' vocabulary, added to the question's own; empty when the model gave none. */
  query: string;
  usage?: CallUsage;
}

/**
 * Asks the model once for the question in the words abstracts use ("pts w/ NPC, chemo+RT" →
 * "nasopharyngeal carcinoma patients chemoradiotherapy"). It only widens the search: what
 * the papers must say is still decided on the question itself and the model's answer.
 */
export async function rewriteQuery(llm: LlmClient, question: string, thread: ThreadTurn[]): Promise<Rewrite> {
  const { value, usage } = await llm.callStructured({
    prompt: 'rewrite-query',
    vars: { question: asDataLine(question), thread: formatThread(thread) },
    schema: rewriteSchema,
    maxOutputTokens: MAX_OUTPUT_TOKENS,
  });
  return { query: asDataLine(value.query).replace(/[<>]/g, ' '), usage };
}
