import type { Config } from '../config/index.js';
import { createExtractiveSummarizer } from '../digest/extractive.js';
import type { DigestSummarizer, SummarizerFactory } from '../digest/summarizer.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { createLlmClient, type LlmClientDeps } from './client.js';
import { writeIntroWithLlm } from './digest-intro.js';
import { summarizeItemWithLlm } from './summarize-item.js';
import { createTokenBudget } from './token-budget.js';
import type { LlmClient } from './types.js';
import { createUsageTally } from './usage-tally.js';

export interface SummarizerFactoryDeps extends LlmClientDeps {
  /** A ready client (tests, or one shared with Q&A); `null` forces the extractive path. */
  client?: LlmClient | null;
  /** The fallback summarizer; H1's extractive one by default. */
  extractive?: SummarizerFactory;
}

/**
 * Summarizers for digest builds: the model-backed one when a key or base URL is configured,
 * otherwise the extractive one. Each call of the factory starts a fresh per-digest budget.
 */
export function createSummarizerFactory(
  config: Config,
  store: Store,
  logger: Logger,
  deps: SummarizerFactoryDeps = {},
): SummarizerFactory {
  const extractive = deps.extractive ?? createExtractiveSummarizer;
  const client = deps.client === undefined ? createLlmClient(config, store, logger, deps) : deps.client;
  if (!client) return extractive;
  return () => createLlmSummarizer({ client, config, logger, extractive: extractive() });
}

export interface LlmSummarizerOptions {
  client: LlmClient;
  config: Config;
  logger: Logger;
  extractive: DigestSummarizer;
}

/** One digest's summarizer: items and intro by the model within the token budget, checked, with fallback. */
export function createLlmSummarizer(options: LlmSummarizerOptions): DigestSummarizer {
  const { client, config, extractive } = options;
  const logger = options.logger.child({ module: 'llm-summarizer', model: client.model });
  const budget = createTokenBudget(config.llm.maxTokensPerDigest);
  const tally = createUsageTally(config.llm);
  let budgetFallbacks = 0;
  const onBudgetFallback = () => {
    if (budgetFallbacks === 0) {
      logger.info(
        { maxTokensPerDigest: config.llm.maxTokensPerDigest },
        'token budget spent; remaining items are extractive',
      );
    }
    budgetFallbacks += 1;
  };

  return {
    summarize: (paper, context) =>
      summarizeItemWithLlm(paper, context, {
        client,
        budget,
        tally,
        logger,
        extractive: async (p, c) => extractive.summarize(p, c),
        onBudgetFallback,
      }),
    async intro(items, context) {
      const intro = await writeIntroWithLlm(items, context, {
        client,
        budget,
        tally,
        logger,
        extractiveIntro: async (i, c) => extractive.intro(i, c),
      });
      // The intro is written last, from the finished items, so this is the digest's total.
      logger.info({ channel: context.channelName, ...tally.snapshot(), budgetFallbacks }, 'llm digest usage');
      return intro;
    },
    usage: () => tally.snapshot(),
  };
}
