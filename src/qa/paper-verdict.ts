import { type Concept, contentKeysOf, saysForm } from '../vocabulary/index.js';
import { covers, paperKeys, weightedCoverage } from './concept-match.js';
import { answerProbability, rankPassagesForPart } from './passage-rank.js';
import type { Candidate } from './retrieve.js';
import type { UnderstoodQuestion } from './understand.js';

/**
 * Share of the question's weighted concepts a paper must cover, besides every name (drug, gene,
 * trial) the question uses. Tuned on the tune half of the clinician dev set (bench/qa-eval.ts).
 */
export const MIN_PAPER_COVERAGE = 0.55;
/**
 * A paper just short of the floor still addresses the question when, for every part, one of its
 * sentences says most of what the part asks (`NEAR_FLOOR_SAYS`) and reads as its answer
 * (`NEAR_FLOOR_ANSWERS`): the question's other words were lay or chat words no paper uses.
 */
const NEAR_FLOOR = 0.5;
const NEAR_FLOOR_SAYS = 0.5;
const NEAR_FLOOR_ANSWERS = 0.8;
/** A follow-up on the thread's own papers: the thread chose the paper, the message only narrows it. */
export const MIN_THREAD_PAPER_COVERAGE = 0.3;
/** How much the index's own ranking counts beside concept coverage. */
const PRIOR_WEIGHT = 0.2;
/**
 * A paper the user clicked, or one the thread is about, is what a short question means. It
 * orders papers and never makes one answer: "were the recon pts a different population to
 * start with?" after an answer from the reconstruction paper is about that paper. Tune halves:
 * 0.2 → 0.3 answered one more follow-up, the holdout halves and the unanswerables asked in a
 * digest's thread did not move.
 */
const SCOPE_BONUS = { focus: 0.4, cited: 0.3, thread: 0.3 };
/** What still matching the thread's earlier question is worth for a follow-up. */
const CONTEXT_WEIGHT = 0.2;
/**
 * What saying the question's words together is worth: "electronic stability control" names one
 * thing, which a paper that has the three words apart does not. It orders the papers that
 * address the question and never makes one address it. On the 31 batches' tune halves 1,056 →
 * 1,057 of 1,260 answered right, holdout 919 → 921 of 1,179 (0.2: −1 / 0; 1: +3 / −1).
 */
const PHRASE_WEIGHT = 0.5;

export interface PaperVerdict {
  candidate: Candidate;
  /** The paper is about what the question asks: every name it uses, enough of the rest. */
  addressed: boolean;
  /** Addressed only because one of its sentences answers every part, its coverage short of the floor. */
  nearFloor: boolean;
  coverage: number;
  /** Names (drugs, genes, trials) of the question the paper never mentions. */
  missing: Concept[];
  score: number;
}

/** Every candidate judged and ranked, papers that address the question first. */
export function judgePapers(question: UnderstoodQuestion, candidates: Candidate[]): PaperVerdict[] {
  // A follow-up asked of the thread's own papers is about them already; one that reaches past
  // them must still be about what the thread was about.
  const threadOnly = question.leansOnThread && candidates.length > 0 && candidates.every((c) => c.scope);
  const own = question.concepts.filter((c) => c.role !== 'generic');
  const asked = threadOnly ? own : [...own, ...question.context.filter((c) => c.role !== 'generic')];
  const considered = asked.length > 0 ? asked : question.context.filter((c) => c.role !== 'generic');
  const minimum = threadOnly ? MIN_THREAD_PAPER_COVERAGE : MIN_PAPER_COVERAGE;
  // A paper about another drug or trial does not answer for this one, however close otherwise.
  const keyConcepts = considered.filter((c) => c.role === 'code');
  const pairs = question.parts.flatMap((part) => adjacentPairs(part.text));
  const verdicts = candidates.map((candidate) => {
    const keys = paperKeys(candidate.paper);
    const phrases =
      pairs.length === 0 ? 0 : pairs.filter((pair) => saysForm(keys, pair)).length / pairs.length;
    const missing = keyConcepts.filter((concept) => !covers(keys, concept));
    const coverage = considered.length > 0 ? weightedCoverage(keys, considered) : 1;
    const context = question.context.length > 0 ? weightedCoverage(keys, question.context) : 0;
    // The paper the user pointed at ("#3", "the 4th one", "Ask about this") was chosen as a
    // thread's own paper is: the message only narrows it. So was one the thread's answer quoted:
    // "did the young carriers get AF too" after it is about that paper. Tune halves 1,001 →
    // 1,005 of 1,221 answered right, holdout 879 → 882 of 1,143; refusals unchanged.
    const floor =
      candidate.scope === 'focus' || candidate.scope === 'cited'
        ? Math.min(minimum, MIN_THREAD_PAPER_COVERAGE)
        : minimum;
    const named = (threadOnly || considered.length > 0) && missing.length === 0;
    const nearFloor =
      named && coverage < floor && coverage >= NEAR_FLOOR && answersEveryPart(candidate, question);
    const addressed = (named && coverage >= floor) || nearFloor;
    const score =
      coverage +
      PRIOR_WEIGHT * candidate.prior +
      CONTEXT_WEIGHT * context +
      (candidate.scope ? SCOPE_BONUS[candidate.scope] : 0) +
      PHRASE_WEIGHT * phrases;
    return { candidate, addressed, nearFloor, coverage, missing, score };
  });
  // A paper that clears the floor answers before one that only a sentence of its own lifted.
  return verdicts.sort(
    (a, b) =>
      Number(b.addressed) - Number(a.addressed) ||
      Number(a.nearFloor) - Number(b.nearFloor) ||
      b.score - a.score,
  );
}

function answersEveryPart(candidate: Candidate, question: UnderstoodQuestion): boolean {
  return question.parts.every((part) =>
    rankPassagesForPart(candidate.paper, part, question).some(
      (r) =>
        (part.kind !== 'figure' || (r.quantity && r.inAskedUnit)) &&
        r.says >= NEAR_FLOOR_SAYS &&
        answerProbability(r) >= NEAR_FLOOR_ANSWERS,
    ),
  );
}

/** Each two words the question says one after the other ("stability control"), as word keys. */
function adjacentPairs(text: string): string[][] {
  const keys = contentKeysOf(text);
  return keys.slice(1).flatMap((key, i) => (keys[i] === key ? [] : [[keys[i] as string, key]]));
}
