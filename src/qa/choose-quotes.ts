import { labelKind } from '../text/index.js';
import type { PaperVerdict } from './paper-verdict.js';
import { type RankedPassage, rankPassagesForPart } from './passage-rank.js';
import type { UnderstoodQuestion } from './understand.js';

/** Papers tried, in rank order, for a part the best paper cannot answer (a figure it lacks). */
const PAPERS_PER_PART = 2;
/**
 * A one-part question gets its best sentence and, when it scores at least this share of it,
 * the best sentence of another section: the result beside the conclusion that reads it.
 */
const SECOND_QUOTE_RATIO = 0.5;
/** Another sentence about as good as the best: close calls are shown, not guessed. */
const CLOSE_QUOTE_RATIO = 0.85;
/** Sentences scoring below this say nothing about the part. */
const MIN_SENTENCE_SCORE = 0.25;
/** Near-identical sentences (a scraped page's highlights and body) are shown once. */
const SAME_SENTENCE = 0.8;

/**
 * The verbatim sentences an extractive answer quotes: for each part of the question, the best
 * sentence of the best paper that addresses the question; a figure part only from a sentence
 * that states a quantity. Empty when no part can be answered.
 */
export function chooseQuotes(question: UnderstoodQuestion, verdicts: PaperVerdict[]): RankedPassage[] {
  const addressed = verdicts.filter((v) => v.addressed).map((v) => v.candidate.paper);
  const chosen: RankedPassage[] = [];
  const isNew = (r: RankedPassage) => !chosen.some((c) => sameSentence(c, r));
  for (const part of question.parts) {
    for (const paper of addressed.slice(0, PAPERS_PER_PART)) {
      const ranked = rankPassagesForPart(paper, part, question).filter(
        (r) => r.score >= MIN_SENTENCE_SCORE && (part.kind !== 'figure' || r.quantity),
      );
      const best = ranked[0];
      if (!best) continue;
      if (isNew(best)) chosen.push(best);
      if (question.parts.length === 1) {
        const second = ranked.find((r) => isNew(r) && sectionOf(r) !== sectionOf(best));
        if (second && second.score >= SECOND_QUOTE_RATIO * best.score) chosen.push(second);
      }
      // A close runner-up is shown rather than guessed away; for a multi-part question it is also
      // this part's own sentence when its best already answered an earlier part.
      const next = ranked.find((r) => r !== best && isNew(r));
      if (next && next.score >= CLOSE_QUOTE_RATIO * best.score) chosen.push(next);
      break;
    }
  }
  return chosen;
}

function sameSentence(a: RankedPassage, b: RankedPassage): boolean {
  if (a.passage.id === b.passage.id) return true;
  const wordsA = new Set(a.passage.text.toLowerCase().split(/\W+/));
  const wordsB = new Set(b.passage.text.toLowerCase().split(/\W+/));
  const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
  return shared / Math.max(1, Math.min(wordsA.size, wordsB.size)) > SAME_SENTENCE;
}

function sectionOf(ranked: RankedPassage): string {
  return labelKind(ranked.passage.section) ?? ranked.passage.section ?? '';
}
