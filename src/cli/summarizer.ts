import type { DigestSummarizer } from '../digest/summarizer.js';
import { createLlmClient } from '../llm/client.js';
import { createSummarizerFactory } from '../llm/summarizer.js';
import type { LlmClient } from '../llm/types.js';
import type { Store } from '../store/index.js';
import type { CliContext } from './context.js';

/** A fresh summarizer for one digest: the model when configured, extractive otherwise. */
export function summarizerFor(context: CliContext, store: Store): DigestSummarizer {
  return createSummarizerFactory(context.config, store, context.logger)();
}

/** The model client for answers, or undefined (extractive answers) when none is configured. */
export function llmClientFor(context: CliContext, store: Store): LlmClient | undefined {
  return createLlmClient(context.config, store, context.logger);
}
