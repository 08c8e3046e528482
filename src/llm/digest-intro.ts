import type { SummaryContext } from '../digest/summarizer.js';
import { LlmError } from '../errors.js';
import type { Logger } from '../log.js';
import { extractNumbers } from '../text/index.js';
import type { DigestItem } from '../types.js';
import { introDraftSchema } from './item-schema.js';
import { InvalidModelOutputError, TokenBudgetExhaustedError } from './llm-errors.js';
import { fenceData, sanitizeModelText } from './sanitize-output.js';
import { describeTopics } from './summarize-item.js';
import type { LlmClient, TokenBudget } from './types.js';
import type { UsageTally } from './usage-tally.js';

export const DIGEST_INTRO_PROMPT = 'digest-intro';
const INTRO_MAX_OUTPUT_TOKENS = 200;

/** Counts written as words are checked like digits ("two trials" must be true too). */
const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const NUMBER_WORD_RE = new RegExp(`\\b(${NUMBER_WORDS.join('|')})\\b`, 'gi');

export interface IntroDeps {
  client: LlmClient;
  budget: TokenBudget;
  tally: UsageTally;
  logger: Logger;
  extractiveIntro: (items: DigestItem[], context: SummaryContext) => Promise<string>;
}

/**
 * The digest's opening line written by the model. Every count in it must be one the items
 * bear out (the item count, or how many items share a study type or a label); otherwise, or on
 * any model failure, the extractive intro is used.
 */
export async function writeIntroWithLlm(
  items: DigestItem[],
  context: SummaryContext,
  deps: IntroDeps,
): Promise<string> {
  const log = deps.logger.child({ channel: context.channelName });
  if (items.length === 0) return deps.extractiveIntro(items, context);
  try {
    const { value, usage } = await deps.client.callStructured({
      prompt: DIGEST_INTRO_PROMPT,
      vars: {
        channel_name: context.channelName,
        channel_topics: describeTopics(context.topics),
        item_count: String(items.length),
        items: fenceData(items.map(describeItem).join('\n'), 'items'),
      },
      schema: introDraftSchema,
      maxOutputTokens: INTRO_MAX_OUTPUT_TOKENS,
      budget: deps.budget,
    });
    deps.tally.add(usage);
    const intro = sanitizeModelText(value.intro);
    const wrong = countsNotBorneOut(intro, items);
    if (intro && wrong.length === 0) return intro;
    log.warn({ unsupportedCounts: wrong.length }, 'llm intro rejected by checks; extractive intro used');
  } catch (error) {
    if (error instanceof InvalidModelOutputError) deps.tally.addRejected(error.usage);
    if (!(error instanceof LlmError)) throw error;
    if (!(error instanceof TokenBudgetExhaustedError)) {
      log.warn(
        { err: { code: error.code, retryable: error.retryable, message: error.message } },
        'llm intro failed; extractive intro used',
      );
    }
  }
  return deps.extractiveIntro(items, context);
}

function describeItem(item: DigestItem): string {
  const labels = item.labels.length > 0 ? ` (${item.labels.join(', ')})` : '';
  return `${item.summary.studyType}${labels} | ${item.summary.headline}`;
}

/** The counts in the intro that no grouping of the items gives. */
export function countsNotBorneOut(intro: string, items: DigestItem[]): string[] {
  const allowed = new Set<string>([String(items.length)]);
  const tally = (key: string, counts: Map<string, number>) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const byType = new Map<string, number>();
  const byLabel = new Map<string, number>();
  for (const item of items) {
    tally(item.summary.studyType, byType);
    for (const label of item.labels) tally(label, byLabel);
  }
  for (const count of [...byType.values(), ...byLabel.values()]) allowed.add(String(count));

  const words = [...intro.matchAll(NUMBER_WORD_RE)].map((m) =>
    String(NUMBER_WORDS.indexOf((m[1] as string).toLowerCase())),
  );
  return [...extractNumbers(intro), ...words].filter((n) => !allowed.has(n));
}
