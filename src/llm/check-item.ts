import { findVerbatim, numbersSupported, paperText, splitSentences } from '../text/index.js';
import type { ItemSummary, KeyNumber, Paper } from '../types.js';
import type { ItemDraft } from './item-schema.js';
import { sanitizeModelText } from './sanitize-output.js';

/**
 * The model writes exactly this as the takeaway when a paper's text is too thin to summarize
 * (prompts/digest-item.md gets it through {{insufficient_text_phrase}}); the item then falls
 * back to the extractive summary.
 */
export const INSUFFICIENT_TEXT_PHRASE = 'insufficient text for a summary';

/** Labels code puts on an item whatever the model says; the renderer shows them as written. */
export const RETRACTED_LIMITATION = 'retracted';
export const PREPRINT_LIMITATION = 'preprint, not peer reviewed';
/** A shorter excerpt ("50%", "the") is verbatim almost anywhere and supports nothing. */
const MIN_QUOTE_WORDS = 3;
/** Model limitations about these are replaced by the code's own, from stored metadata. */
const STATUS_WORDS_RE = /retract|preprint|peer[- ]review/i;

export type FallbackReason = 'insufficient-text' | 'no-verified-quote' | 'unsupported-number';

export type ItemCheck =
  | { ok: true; summary: ItemSummary; droppedQuotes: number; droppedKeyNumbers: number }
  | { ok: false; reason: FallbackReason; droppedQuotes: number; unsupportedNumbers: number };

/**
 * Checks a model draft against the paper before anything of it can reach a channel: quotes
 * must be verbatim (others are dropped), at least one must remain, every number the draft
 * shows must occur in the paper, and key-number sentences must be the paper's own.
 * `base` is the extractive summary of the same paper. Its study design (read from the database's
 * publication types first) wins over the model's unless it is "other"; evidence level and sample
 * size are always the code's.
 */
export function checkItemDraft(draft: ItemDraft, paper: Paper, base: ItemSummary): ItemCheck {
  const text = paperText(paper);
  const clean = sanitizeDraft(draft);
  if (!clean.takeaway || !clean.headline || clean.takeaway.toLowerCase().includes(INSUFFICIENT_TEXT_PHRASE)) {
    return { ok: false, reason: 'insufficient-text', droppedQuotes: 0, unsupportedNumbers: 0 };
  }

  const quotes = unique(
    clean.quotes.filter((quote) => quote.split(/\s+/).length >= MIN_QUOTE_WORDS && findVerbatim(quote, text)),
  );
  const droppedQuotes = clean.quotes.length - quotes.length;
  if (quotes.length === 0)
    return { ok: false, reason: 'no-verified-quote', droppedQuotes, unsupportedNumbers: 0 };

  const modelLimitations = clean.limitations.filter((l) => l && !STATUS_WORDS_RE.test(l));
  const shown = [
    clean.headline,
    clean.takeaway,
    clean.population,
    clean.intervention,
    clean.comparator,
    clean.why_it_matters_for_tumor_board,
    ...clean.outcomes,
    ...modelLimitations,
    ...clean.key_numbers.map((k) => k.value),
  ].filter((field): field is string => Boolean(field));
  const unsupportedNumbers = shown.reduce(
    (sum, field) => sum + numbersSupported(field, text).unsupported.length,
    0,
  );
  if (unsupportedNumbers > 0)
    return { ok: false, reason: 'unsupported-number', droppedQuotes, unsupportedNumbers };

  const keyNumbers = clean.key_numbers.flatMap((k) => verifiedKeyNumber(k, text));
  return {
    ok: true,
    droppedQuotes,
    droppedKeyNumbers: clean.key_numbers.length - keyNumbers.length,
    summary: {
      headline: clean.headline,
      takeaway: clean.takeaway,
      studyType: base.studyType === 'other' ? clean.study_type : base.studyType,
      evidence: base.evidence,
      sampleSize: base.sampleSize,
      population: clean.population ?? undefined,
      intervention: clean.intervention ?? undefined,
      comparator: clean.comparator ?? undefined,
      outcomes: clean.outcomes.filter(Boolean),
      keyNumbers,
      whyItMatters: clean.why_it_matters_for_tumor_board || undefined,
      limitations: withStatusLimitations(modelLimitations, paper),
      quotes,
      source: 'llm',
    },
  };
}

/**
 * Puts "retracted" / "preprint, not peer reviewed" first when the stored record says so, and
 * removes any claim about publication status that the record does not back.
 */
export function withStatusLimitations(limitations: string[], paper: Paper): string[] {
  const status = [
    ...(isRetracted(paper) ? [RETRACTED_LIMITATION] : []),
    ...(paper.isPreprint ? [PREPRINT_LIMITATION] : []),
  ];
  return unique([...status, ...limitations.filter((l) => !STATUS_WORDS_RE.test(l))]);
}

function isRetracted(paper: Paper): boolean {
  return paper.retracted || paper.publicationTypes.some((type) => /retracted publication/i.test(type));
}

/** A key number survives when its sentence is the paper's and the value is in that sentence. */
function verifiedKeyNumber(key: ItemDraft['key_numbers'][number], text: string): KeyNumber[] {
  if (!findVerbatim(key.sentence, text)) return [];
  if (!numbersSupported(key.value, key.sentence).ok) return [];
  // Show the paper's own sentence rather than the model's copy of it (same words, the paper's punctuation).
  const own = splitSentences(text).find((sentence) => findVerbatim(key.sentence, sentence));
  return [{ value: key.value, kind: key.kind, sentence: own ?? key.sentence }];
}

function sanitizeDraft(draft: ItemDraft): ItemDraft {
  const orNull = (value: string | null) => (value === null ? null : sanitizeModelText(value) || null);
  return {
    ...draft,
    headline: sanitizeModelText(draft.headline),
    takeaway: sanitizeModelText(draft.takeaway),
    population: orNull(draft.population),
    intervention: orNull(draft.intervention),
    comparator: orNull(draft.comparator),
    outcomes: draft.outcomes.map(sanitizeModelText),
    key_numbers: draft.key_numbers.map((k) => ({ ...k, value: sanitizeModelText(k.value) })),
    why_it_matters_for_tumor_board: sanitizeModelText(draft.why_it_matters_for_tumor_board),
    limitations: draft.limitations.map(sanitizeModelText),
    quotes: draft.quotes.map(sanitizeModelText),
  };
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
