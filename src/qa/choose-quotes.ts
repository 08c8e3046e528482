import { labelKind } from '../text/index.js';
import { contentKeysOf } from '../vocabulary/index.js';
import { COUNT_ASKED, NUMBER_WORD } from './figure-forms.js';
import type { PaperVerdict } from './paper-verdict.js';
import { answerProbability as probability, type RankedPassage, rankPassagesForPart } from './passage-rank.js';
import type { AskedPart, UnderstoodQuestion } from './understand.js';

/** Papers tried, in rank order, for a part the best paper cannot answer (a figure it lacks). */
const PAPERS_PER_PART = 2;
/**
 * A one-part question gets its best sentence and, when it scores at least this share of it,
 * the best sentence of another section: the result beside the conclusion that reads it.
 */
const SECOND_QUOTE_RATIO = 0.5;
/**
 * Another sentence at least this share as likely to answer as the best: close calls are shown,
 * not guessed. The sentence chooser is often unsure between its top three: for a one-part
 * question up to two more are shown. Tuned on the tune halves of the clinician dev set.
 */
const CLOSE_QUOTE_RATIO = 0.3;
/**
 * A part of a multi-part question shows a third sentence only when the chooser can hardly tell
 * it from the best. On the 23 batches' tune halves (at 0.9) 785 → 787 of 948 answered right,
 * holdout halves 688 → 692 of 891; on the 30 batches' (0.9 → 0.8) 1,018 → 1,022 of 1,221 and
 * 889 → 892 of 1,143, with 1% more quotes shown (0.7 added two more on the tune halves only).
 */
const TIED_RATIO = 0.8;
/** Sentences less likely than this to answer say nothing about the part. */
const MIN_ANSWER_PROBABILITY = 0.1;
/**
 * A finding's best concluding sentence, shown when at least this share as likely to answer as the
 * best. On the 22 batches' tune halves 0.3 and 0.15 both answered 4 more (746 → 750 of 909); the
 * holdout halves 0 and 1 more (659 → 660 of 855); refusals unchanged.
 */
const CONCLUSION_RATIO = 0.15;
/** A figure question's best sentence without a number, shown when about as likely to answer as the best with one. */
const IN_WORDS_RATIO = 0.9;
/** Near-identical sentences (a scraped page's highlights and body) are shown once. */
const SAME_SENTENCE = 0.7;
const SAME_FIGURES_SHARED = 0.5;

export interface ChosenQuotes {
  quotes: RankedPassage[];
  /** Parts of a multi-part question that no sentence answers: the answer says so rather than skip them. */
  unanswered: AskedPart[];
}

/**
 * The verbatim sentences an extractive answer quotes: for each part of the question, the best
 * sentence of the best paper that addresses the question; a figure part only from a sentence
 * that states a quantity, in the unit asked when one was. No quotes when no part can be answered.
 */
export function chooseQuotes(question: UnderstoodQuestion, verdicts: PaperVerdict[]): ChosenQuotes {
  const addressed = verdicts.filter((v) => v.addressed).map((v) => v.candidate.paper);
  const chosen: RankedPassage[] = [];
  const unanswered: AskedPart[] = [];
  const isNew = (r: RankedPassage) => !chosen.some((c) => sameSentence(c, r));
  for (const part of question.parts) {
    let answered = false;
    for (const paper of addressed.slice(0, PAPERS_PER_PART)) {
      const likely = rankPassagesForPart(paper, part, question).filter(
        (r) => probability(r) >= MIN_ANSWER_PROBABILITY,
      );
      const ranked = likely.filter((r) => part.kind !== 'figure' || (r.quantity && r.inAskedUnit));
      const best = ranked[0];
      if (!best) continue;
      answered = true;
      // "which relapse site had the best survival", "how much of the mass is mucosa": a figure
      // question's answer may be a finding in words that ranks above every sentence with a number.
      // "How many" and "what %" want the count itself.
      const inWords =
        part.kind !== 'figure' || COUNT_ASKED.test(part.text) ? undefined : likely.find((r) => !r.quantity);
      if (inWords && probability(inWords) >= IN_WORDS_RATIO * probability(best) && isNew(inWords))
        chosen.push(inWords);
      if (isNew(best)) chosen.push(best);
      if (question.parts.length === 1) {
        const second = ranked.find((r) => isNew(r) && sectionOf(r) !== sectionOf(best));
        if (second && probability(second) >= SECOND_QUOTE_RATIO * probability(best)) chosen.push(second);
      }
      // A close runner-up is shown rather than guessed away; for a multi-part question it is also
      // this part's own sentence when its best already answered an earlier part.
      const close = (r: RankedPassage | undefined) =>
        r !== undefined && probability(r) >= CLOSE_QUOTE_RATIO * probability(best);
      const next = ranked.find((r) => r !== best && isNew(r));
      if (next && close(next)) chosen.push(next);
      const third = ranked.find((r) => r !== best && r !== next && isNew(r));
      const tied = (r: RankedPassage) => probability(r) >= TIED_RATIO * probability(best);
      if (third && close(third) && (question.parts.length === 1 || tied(third))) chosen.push(third);
      // "does X beat Y", "is there really…": what the authors conclude is the answer a reader
      // looks for beside the result that supports it.
      const concluding = ranked.find((r) => sectionOf(r) === 'conclusion');
      if (
        part.kind === 'finding' &&
        concluding &&
        !chosen.some((c) => sectionOf(c) === 'conclusion') &&
        probability(concluding) >= CONCLUSION_RATIO * probability(best) &&
        isNew(concluding)
      )
        chosen.push(concluding);
      break;
    }
    if (!answered) unanswered.push(part);
  }
  return { quotes: chosen, unanswered };
}

/**
 * The same finding twice: most content words shared, or the same figures with half of them
 * ("approaches 50% within 5 years" in the abstract and "remains as high as 50% within 5 years"
 * in the introduction of a scraped page).
 */
function sameSentence(a: RankedPassage, b: RankedPassage): boolean {
  if (a.passage.id === b.passage.id) return true;
  const keysA = new Set(contentKeysOf(a.passage.text));
  const keysB = new Set(contentKeysOf(b.passage.text));
  const shared =
    [...keysA].filter((k) => keysB.has(k)).length / Math.max(1, Math.min(keysA.size, keysB.size));
  const figuresA = figuresOf(a.passage.text);
  const figuresB = figuresOf(b.passage.text);
  const sameFigures = figuresA.length > 0 && figuresA === figuresB;
  // "…of IAC was 15 months…" and "…of ISCC was 38 months…": the same words, other findings.
  if (figuresA.length > 0 && figuresB.length > 0 && !sameFigures) return false;
  return shared >= SAME_SENTENCE || (sameFigures && shared >= SAME_FIGURES_SHARED);
}

/** Figures in digits and in words: "Eighty-four of 134" is not the "134" of the methods. */
const FIGURE = new RegExp(`\\d+(?:[.,]\\d+)?|\\b(?:${NUMBER_WORD})(?:-(?:${NUMBER_WORD}))?\\b`, 'gi');

function figuresOf(text: string): string {
  return (text.match(FIGURE) ?? [])
    .map((figure) => figure.toLowerCase())
    .sort()
    .join(' ');
}

function sectionOf(ranked: RankedPassage): string {
  return labelKind(ranked.passage.section) ?? ranked.passage.section ?? '';
}
