import type { CallUsage, LlmClient } from '../llm/types.js';
import type { Logger } from '../log.js';
import { redactPhi } from '../privacy/index.js';
import type { Store } from '../store/index.js';
import type { Answer, LlmUsage } from '../types.js';
import { citationFor } from './citations.js';
import { composeAnswer } from './compose.js';
import { corpusTermStats } from './corpus-stats.js';
import { draftWithModel, type ThreadTurn } from './model-answer.js';
import { asksTreatmentForPatient, PATIENT_NOTE } from './patient-request.js';
import { type PaperSearch, type RankedPassage, retrievePassages } from './retrieve.js';
import { searchWordsOf, termsOf } from './terms.js';
import { verifyDraft } from './verify.js';

/**
 * Weighted share of the question's terms a passage (with its paper's title) must cover before
 * the papers count as addressing the question. Calibrated on test/fixtures/qa/questions.json
 * (bench/qa-eval.ts prints the spread): standalone answerable questions there score 0.66 and
 * above, unanswerable ones at most 0.55.
 */
export const RELEVANCE_THRESHOLD = 0.6;
/** Who relies on it: the Slack renderer and the eval tell a refusal by `answered`, users by this line. */
export const NOT_IN_DIGEST = "The papers in this digest don't address that.";
export const NOT_IN_CORPUS = "The papers I have don't address that.";
const PASSAGES_FOR_MODEL = 8;
const EXTRACTIVE_PASSAGES = 2;
/** Share of shared terms above which two passages say the same thing. */
const NEAR_DUPLICATE = 0.7;

export interface AnswerDeps {
  store: Store;
  /** The corpus index (`PaperIndex`), or any search with its shape. */
  index: PaperSearch;
  llm?: LlmClient;
  logger: Logger;
  /** Prices per million tokens, to report an answer's estimated cost. */
  pricing?: { inputPerMTok: number; outputPerMTok: number };
}

export interface AnswerInput {
  question: string;
  /** The digest whose thread the question was asked in: its papers are searched first. */
  digestId?: string;
  /** Papers the question is about ("Ask about this"): searched first of all. */
  paperIds?: string[];
  /** Earlier turns of the thread, oldest first; `paperIds` are the papers an answer cited. */
  history?: { role: 'user' | 'assistant'; text: string; paperIds?: string[] }[];
}

/**
 * Answers a question from the stored papers, citing each claim with a verbatim quote that code
 * has checked. The question is redacted before anything else sees it; the raw text is never
 * logged, stored or sent.
 */
export async function answerQuestion(deps: AnswerDeps, input: AnswerInput): Promise<Answer> {
  const { text: question, redactions } = redactPhi(input.question);
  const thread: ThreadTurn[] = (input.history ?? []).map((turn) => ({
    role: turn.role,
    text: redactPhi(turn.text).text,
  }));
  const log = deps.logger.child({ module: 'qa', digestId: input.digestId });
  const digest = input.digestId ? await deps.store.digests.get(input.digestId) : undefined;
  const threadPaperIds = [
    ...(digest?.digest.items.map((item) => item.paperId) ?? []),
    ...(input.history ?? []).flatMap((turn) => turn.paperIds ?? []),
  ];
  const stats = await corpusTermStats(deps.store, deps.index);
  const ranked = await retrievePassages(
    { ...deps, stats },
    {
      question,
      context: thread.filter((turn) => turn.role === 'user').at(-1)?.text,
      scope: { focusPaperIds: input.paperIds ?? [], threadPaperIds },
    },
    PASSAGES_FOR_MODEL,
  );
  const relevant = ranked.filter((r) => r.relevance >= RELEVANCE_THRESHOLD);
  const base = { question, redactions };
  if (relevant.length === 0) {
    log.info(
      { answered: false, candidates: ranked.length, redactions },
      'question not addressed by the papers',
    );
    return notAddressed(base, ranked, Boolean(input.digestId));
  }

  const patientRequest = asksTreatmentForPatient(question, redactions);
  const prefix = patientRequest ? `${PATIENT_NOTE} ` : '';
  if (deps.llm) {
    try {
      const drafted = await draftWithModel(deps.llm, { question, thread, passages: ranked, patientRequest });
      const usage = toUsage(drafted.usage, deps.pricing);
      if (!drafted.draft.answered) {
        log.info({ answered: false, mode: 'llm' }, 'model found no answer in the passages');
        return { ...notAddressed(base, ranked, Boolean(input.digestId)), usage };
      }
      const verified = verifyDraft(drafted.draft, drafted.papersByPassage);
      log.info(
        {
          quotesChecked: verified.quotesChecked,
          quotesVerified: verified.quotesVerified,
          dropped: verified.droppedSentences,
        },
        'answer quotes verified',
      );
      if (verified.sentences.length > 0) {
        const { text, citations } = composeAnswer(verified.sentences);
        return { ...base, answered: true, text: prefix + text, citations, mode: 'llm', usage };
      }
      log.warn('no model sentence survived verification; answering with passages');
    } catch (error) {
      log.warn({ err: error }, 'model answer failed; answering with passages');
    }
  }
  const { text, citations } = composeAnswer(
    distinctPassages(relevant, EXTRACTIVE_PASSAGES).map((r) => ({
      text: r.passage.text,
      sources: [{ paper: r.paper, quote: r.passage.text }],
    })),
  );
  log.info(
    { answered: true, mode: 'extractive', citations: citations.length, redactions },
    'question answered',
  );
  return { ...base, answered: true, text: prefix + text, citations, mode: 'extractive' };
}

/** Scraped pages repeat a finding in highlights and introduction; show it once. */
function distinctPassages(ranked: RankedPassage[], max: number): RankedPassage[] {
  const chosen: { item: RankedPassage; terms: Set<string> }[] = [];
  for (const item of ranked) {
    const terms = new Set(termsOf(item.passage.text));
    if (chosen.some((c) => overlap(c.terms, terms) > NEAR_DUPLICATE)) continue;
    chosen.push({ item, terms });
    if (chosen.length >= max) break;
  }
  return chosen.map((c) => c.item);
}

function overlap(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((term) => b.has(term)).length;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

function notAddressed(
  base: { question: string; redactions: string[] },
  ranked: RankedPassage[],
  inDigest: boolean,
): Answer {
  // The most relevant passage, not the top-scored one, which may be a funding line of the right paper.
  const closest = ranked.reduce<RankedPassage | undefined>(
    (best, r) => (!best || r.relevance > best.relevance ? r : best),
    undefined,
  );
  const words = searchWordsOf(base.question);
  const hint = words.length > 0 ? ` Try \`/lit search ${words.join(' ')}\` to look wider.` : '';
  return {
    ...base,
    answered: false,
    text: `${inDigest ? NOT_IN_DIGEST : NOT_IN_CORPUS}${hint}`,
    citations: [],
    mode: 'none',
    closest: closest ? citationFor(closest.paper, closest.passage.text) : undefined,
  };
}

function toUsage(usage: CallUsage, pricing: AnswerDeps['pricing']): LlmUsage | undefined {
  if (!pricing) return undefined;
  const cost = usage.cached
    ? 0
    : (usage.promptTokens * pricing.inputPerMTok + usage.completionTokens * pricing.outputPerMTok) /
      1_000_000;
  return {
    calls: usage.cached ? 0 : 1,
    cachedCalls: usage.cached ? 1 : 0,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    estimatedCostUsd: cost,
  };
}
