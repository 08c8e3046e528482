import type { DigestItem, ItemSummary, LlmUsage, Paper, Topic } from '../types.js';

/** What a summary may be tailored to: the channel it is for. */
export interface SummaryContext {
  channelName: string;
  topics: Topic[];
}

/**
 * Writes the item summaries and intro of one digest. A new instance per digest build, so a
 * token budget and usage totals belong to that digest. The extractive implementation needs
 * no key; the LLM one falls back to it item by item.
 */
export interface DigestSummarizer {
  summarize(paper: Paper, context: SummaryContext): Promise<ItemSummary>;
  intro(items: DigestItem[], context: SummaryContext): Promise<string>;
  /** Totals for this digest; undefined when no model was involved. */
  usage(): LlmUsage | undefined;
}

export type SummarizerFactory = () => DigestSummarizer;
