import { createLlmClient } from '../../../llm/client.js';
import type { LlmClient } from '../../../llm/types.js';
import { type AnswerInput, answerQuestion } from '../../../qa/answer.js';
import type { Answer } from '../../../types.js';
import type { SlackDeps } from '../../deps.js';

export type Answerer = (input: AnswerInput) => Promise<Answer>;

/**
 * The Q&A pipeline over the app's dependencies: the corpus search the app already has, the
 * model client when one is configured (created once per registration), and the live PubMed /
 * Europe PMC look-ups and open-access full text unless they are turned off.
 */
export function answererFor(deps: SlackDeps): Answerer {
  const existing = answerers.get(deps);
  if (existing) return existing;
  const answerer = createAnswerer(deps);
  answerers.set(deps, answerer);
  return answerer;
}

/** One pipeline (one model client) per app, shared by the mention and message listeners. */
const answerers = new WeakMap<SlackDeps, Answerer>();

function createAnswerer(deps: SlackDeps): Answerer {
  let llm: LlmClient | undefined | null = deps.llm === undefined ? null : (deps.llm ?? undefined);
  const index = {
    search: (query: string, options: { limit: number }) => deps.searchPapers(query, options.limit),
    get size() {
      return deps.termCounts.size;
    },
    documentFrequency: (terms: string[]) => deps.termCounts.documentFrequency(terms),
  };
  const pricing = {
    inputPerMTok: deps.config.llm.priceInputPerMTok,
    outputPerMTok: deps.config.llm.priceOutputPerMTok,
  };
  return (input) => {
    if (llm === null) llm = createLlmClient(deps.config, deps.store, deps.logger);
    return answerQuestion(
      {
        store: deps.store,
        index,
        llm,
        logger: deps.logger,
        pricing,
        live: deps.live?.lookup,
        fullText: deps.live?.fullText,
      },
      input,
    );
  };
}
