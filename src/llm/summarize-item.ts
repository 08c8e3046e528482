import type { SummaryContext } from '../digest/summarizer.js';
import { LlmError } from '../errors.js';
import type { Logger } from '../log.js';
import { paperText } from '../text/index.js';
import type { ItemSummary, Paper, Topic } from '../types.js';
import { checkItemDraft, INSUFFICIENT_TEXT_PHRASE, withStatusLimitations } from './check-item.js';
import { itemDraftSchema, MAX_HEADLINE_WORDS, MAX_TAKEAWAY_WORDS } from './item-schema.js';
import { InvalidModelOutputError, TokenBudgetExhaustedError } from './llm-errors.js';
import { fenceData } from './sanitize-output.js';
import type { LlmClient, TokenBudget } from './types.js';
import type { UsageTally } from './usage-tally.js';

export const DIGEST_ITEM_PROMPT = 'digest-item';
/** Beyond this the paper text sent is cut at a sentence end; quotes are still checked against all of it. */
const MAX_PAPER_CHARS = 16_000;
const ITEM_MAX_OUTPUT_TOKENS = 1_000;

export interface ItemSummaryDeps {
  client: LlmClient;
  budget: TokenBudget;
  tally: UsageTally;
  logger: Logger;
  /** The extractive summary of the same paper: the fallback, and the source of evidence level. */
  extractive: (paper: Paper, context: SummaryContext) => Promise<ItemSummary>;
  /** Called once per item that fell back because the budget was spent. */
  onBudgetFallback: () => void;
}

/**
 * One digest item written by the model and checked by code; any failure (budget, timeout,
 * bad JSON twice, an unverifiable quote or number) yields the extractive summary instead.
 */
export async function summarizeItemWithLlm(
  paper: Paper,
  context: SummaryContext,
  deps: ItemSummaryDeps,
): Promise<ItemSummary> {
  const base = await deps.extractive(paper, context);
  const fallback = () => ({ ...base, limitations: withStatusLimitations(base.limitations, paper) });
  const log = deps.logger.child({ paperId: paper.id, channel: context.channelName });

  let draft: Awaited<ReturnType<typeof callModel>>;
  try {
    draft = await callModel(paper, context, deps);
  } catch (error) {
    if (error instanceof TokenBudgetExhaustedError) {
      deps.onBudgetFallback();
      return fallback();
    }
    if (error instanceof InvalidModelOutputError) deps.tally.addRejected(error.usage);
    if (!(error instanceof LlmError)) throw error;
    log.warn(
      { err: { code: error.code, retryable: error.retryable, message: error.message } },
      'llm item failed; extractive summary used',
    );
    return fallback();
  }

  const check = checkItemDraft(draft, paper, base);
  if (!check.ok) {
    log.warn(
      {
        reason: check.reason,
        droppedQuotes: check.droppedQuotes,
        unsupportedNumbers: check.unsupportedNumbers,
      },
      'llm item rejected by checks; extractive summary used',
    );
    return fallback();
  }
  if (check.droppedQuotes > 0 || check.droppedKeyNumbers > 0) {
    log.info(
      { droppedQuotes: check.droppedQuotes, droppedKeyNumbers: check.droppedKeyNumbers },
      'llm item: unverified parts dropped',
    );
  }
  return check.summary;
}

async function callModel(paper: Paper, context: SummaryContext, deps: ItemSummaryDeps) {
  const { value, usage } = await deps.client.callStructured({
    prompt: DIGEST_ITEM_PROMPT,
    vars: {
      channel_name: context.channelName,
      channel_topics: describeTopics(context.topics),
      publication_types: paper.publicationTypes.join(', ') || 'none recorded',
      paper_text: fenceData(truncateAtSentence(paperText(paper), MAX_PAPER_CHARS), 'paper_text'),
      max_headline_words: String(MAX_HEADLINE_WORDS),
      max_takeaway_words: String(MAX_TAKEAWAY_WORDS),
      insufficient_text_phrase: INSUFFICIENT_TEXT_PHRASE,
    },
    schema: itemDraftSchema,
    maxOutputTokens: ITEM_MAX_OUTPUT_TOKENS,
    budget: deps.budget,
  });
  deps.tally.add(usage);
  return value;
}

/** The channel's topics in words, for "why it matters"; excluded journals are not topics. */
export function describeTopics(topics: Topic[]): string {
  const words = topics.flatMap(topicWords);
  return words.length > 0 ? words.join('; ') : 'oncology in general';
}

function topicWords(topic: Topic): string[] {
  if (topic.kind === 'text') return [topic.query];
  if (topic.kind === 'mesh') return [`${topic.term} (MeSH)`];
  if (topic.kind === 'author') return [`work by ${topic.name}`];
  return topic.exclude ? [] : [`the journal ${topic.name}`];
}

function truncateAtSentence(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('\n'));
  return end > maxChars / 2 ? cut.slice(0, end + 1) : cut;
}
