import { FIGURE_CUES } from '../vocabulary/index.js';

/** A number ("what % relapsed") or a finding ("does X improve Y"). */
export type AskKind = 'figure' | 'finding';

export interface QuestionPart {
  text: string;
  kind: AskKind;
}

/**
 * Where a message asks a second thing: after a question mark or semicolon, at a comma and "and"
 * ("dropout on FA vs placebo, and nausea at 9 months?"), or at "and" / "&" / "plus" / "also"
 * followed by a question word, an article or a measure ("…ORR and did it hold up for OS?").
 */
const PART_BREAK =
  /\?+\s+|;\s*|,\s+(?:and|plus|also)\s+|,?\s+(?:and|&|plus|also|\+)\s+(?=(?:what|what's|whats|how|did|does|do|is|are|was|were|any|which|whether|if|the|its|their|median|mean|overall|rate|risk|was|can|could|should|also)\b)/gi;

/** Words that make a part only a tail of the previous one ("and?", "and in kids"). */
const MIN_PART_WORDS = 2;

/** The parts a message asks, each with what kind of answer it wants. */
export function questionParts(question: string): QuestionPart[] {
  const pieces = question
    .split(PART_BREAK)
    .map((piece) => piece.trim())
    .filter(Boolean);
  const parts: string[] = [];
  for (const piece of pieces) {
    const words = piece.match(/[\p{L}\p{N}%]+/gu) ?? [];
    if (parts.length > 0 && words.length < MIN_PART_WORDS) parts[parts.length - 1] += ` ${piece}`;
    else parts.push(piece);
  }
  const all = parts.length > 0 ? parts : [question];
  return all.map((text) => ({ text, kind: askKind(text) }));
}

/** "OR", "HR", "RR", "OS" in capitals are figures; in lower case "or" is a conjunction. */
const FIGURE_ABBREVIATIONS = /\b(?:OR|HR|RR|ORR|aOR|aHR|CI|AUC|PPV|NPV)\b/;

/** "…, does polarity itself add suicide risk": a yes/no question, whatever measure it names. */
const ASKS_WHETHER =
  /(?:^|[,:;—–]\s*|\s-\s)(?:does|do|did|is|are|was|were|can|could|should|will|would|has|have)\s/i;
/** "how many", "what %", "which arm": a question word asks for more than whether. */
const ASKS_MORE_THAN_WHETHER = /\b(?:how|what|which)\b|%/i;

/**
 * A yes/no question about a measure ("does X lower the relapse rate") wants the finding, which
 * the paper states in words as often as in figures. On the 30 batches' tune halves 1,005 → 1,011
 * of 1,221 answered right, holdout halves 882 → 888 of 1,143; refusals unchanged.
 */
export function askKind(text: string): AskKind {
  if (ASKS_WHETHER.test(text) && !ASKS_MORE_THAN_WHETHER.test(text)) return 'finding';
  return FIGURE_CUES.test(text) || FIGURE_ABBREVIATIONS.test(text) ? 'figure' : 'finding';
}

/** Pointing back at what the thread discussed: "they", "it", "that one", "the study". */
const POINTS_BACK =
  /\b(?:they|them|their|it|its|this|that|these|those|the (?:study|paper|trial|cohort|authors|same))\b/i;
/** No concept this specific (inverse document frequency): the message names no subject of its own. */
const SPECIFIC_WEIGHT = 3;
const SHORT_MESSAGE_WORDS = 14;
/** "margins?", "OS in the kids?": a fragment only the thread completes. */
const FRAGMENT_WORDS = 4;

/**
 * A message that leans on the thread: it opens with "and", "what about", "also"; or, short, it
 * points back ("any prognostic factor they found?") or names nothing specific of its own ("what %
 * were low risk", "how many got it?").
 */
export function leansOnThread(question: string, ownWeights: number[]): boolean {
  if (/^\s*(?:and|&|also|plus|what about|how about|same for|ok and|so)\b/i.test(question)) return true;
  const words = question.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length <= FRAGMENT_WORDS) return true;
  if (words.length > SHORT_MESSAGE_WORDS) return false;
  return POINTS_BACK.test(question) || !ownWeights.some((weight) => weight >= SPECIFIC_WEIGHT);
}
