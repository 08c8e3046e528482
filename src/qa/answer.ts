import type { LlmClient } from '../llm/types.js';
import type { Logger } from '../log.js';
import { redactPhi } from '../privacy/index.js';
import type { Store } from '../store/index.js';
import type { Answer, Citation, LlmUsage } from '../types.js';
import type { TermFrequencies } from '../vocabulary/index.js';
import { chooseQuotes } from './choose-quotes.js';
import { citationFor } from './citations.js';
import { composeAnswer, notReported } from './compose.js';
import { covers, paperKeys } from './concept-match.js';
import { undictated } from './dictation.js';
import { referencedItem } from './digest-reference.js';
import { findEvidence, rankPapers } from './evidence.js';
import { type FullTextReader, withFullTexts } from './full-text.js';
import { answerFromLiveSearch, listedIndex } from './live-answer.js';
import type { LiveLookup } from './live-lookup.js';
import { addUsage, type Pricing, toUsage } from './llm-usage.js';
import { draftWithModel, type ThreadTurn } from './model-answer.js';
import type { PaperVerdict } from './paper-verdict.js';
import { passagesForModel, rankPassagesForPart } from './passage-rank.js';
import { asksTreatmentForPatient, PATIENT_NOTE } from './patient-request.js';
import { rerankByEmbedding } from './rerank.js';
import type { PaperSearch, RetrievalScope } from './retrieve.js';
import { rewriteQuery } from './rewrite-query.js';
import type { UnderstoodQuestion } from './understand.js';
import { verifyDraft } from './verify.js';

/** Who relies on it: the Slack renderer and the eval tell a refusal by `answered`, users by this line. */
export const NOT_IN_DIGEST = "The papers in this digest don't address that.";
export const NOT_IN_CORPUS = "The papers I have don't address that.";
/** Passages a model reads: most of the leading paper, the best of three runners-up. */
const PASSAGES_FOR_MODEL = { total: 16, leading: 6, others: 2 };
const PAPERS_FOR_MODEL = 4;

export interface AnswerDeps {
  store: Store;
  /** The corpus index (`PaperIndex`), or any search with its shape. */
  index: PaperSearch;
  llm?: LlmClient;
  logger: Logger;
  /** Prices per million tokens, to report an answer's estimated cost. */
  pricing?: Pricing;
  /** Searches PubMed and Europe PMC when the stored papers cannot answer; absent: refuse. */
  live?: LiveLookup;
  /** Fetches the open-access full text of the papers an answer reads; absent: abstracts only. */
  fullText?: FullTextReader;
  /** Papers counted beside the corpus: set by the live path for the papers it found. */
  extraTerms?: TermFrequencies;
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
 * has checked. The question is read for what it is about (its disease, drug, population and the
 * outcome asked), and the papers that are about all of it answer; a name no stored paper
 * mentions means the papers cannot. With a model, the model reads the best passages and says
 * whether they answer; without one, or when the model's answer fails verification, the answer
 * is the best verbatim sentences. The question is redacted before anything else sees it.
 */
export async function answerQuestion(deps: AnswerDeps, input: AnswerInput): Promise<Answer> {
  const { text: redacted, redactions } = redactPhi(input.question);
  // Spelled-out letters are read only after the guard has seen them: "pt J S" is a patient.
  const question = undictated(redacted);
  const thread: ThreadTurn[] = (input.history ?? []).map((turn) => ({
    role: turn.role,
    text: undictated(redactPhi(turn.text).text),
  }));
  const log = deps.logger.child({ module: 'qa', digestId: input.digestId });
  const digest = input.digestId ? await deps.store.digests.get(input.digestId) : undefined;
  const items = digest?.digest.items ?? [];
  // "#2", "the 3rd one": the item the message names by its place is the paper it is about.
  const reference = input.paperIds ? undefined : referencedItem(question, items.length);
  const pointedAt = reference ? items[reference.index]?.paperId : undefined;
  const scope = {
    focusPaperIds: input.paperIds ?? (pointedAt ? [pointedAt] : []),
    threadPaperIds: pointedAt ? [] : items.map((item) => item.paperId),
    citedPaperIds: (input.history ?? []).flatMap((turn) => turn.paperIds ?? []),
  };
  const previousQuestion = thread.filter((turn) => turn.role === 'user').at(-1)?.text;
  const evidence = await findEvidence(deps, pointedAt && reference ? reference.rest : question, {
    previousQuestion,
    scope,
  });
  const { understood } = evidence;
  const base = { question, redactions };
  const inDigest = Boolean(input.digestId);
  /** Where the stored papers cannot answer: a live search may, else the refusal says what was tried. */
  const refuse = async (detail: RefusalDetail, usage?: LlmUsage): Promise<Answer> => {
    const live = deps.live
      ? await answerFromLiveSearch({
          lookup: deps.live,
          understood,
          inDigest,
          log,
          answerFrom: (papers, extraTerms) =>
            answerQuestion(
              { ...deps, live: undefined, index: listedIndex(papers, deps.index), extraTerms },
              { question: input.question, history: input.history?.map(({ role, text }) => ({ role, text })) },
            ),
        })
      : undefined;
    if (live?.answered) return { ...live.answer, usage: addUsage(usage, live.answer.usage) };
    const refused = refusal(base, inDigest, detail);
    return {
      ...refused,
      ...(live?.note ? { text: `${refused.text} ${live.note}` } : {}),
      ...(usage ? { usage } : {}),
    };
  };

  // The index counts words as written; a paper may still state the name another way
  // ("IC(50)" for "IC50"), which its own keys show.
  const unmentioned = understood.unknown.filter(
    (concept) => !evidence.verdicts.some((v) => covers(paperKeys(v.candidate.paper), concept)),
  );
  if (unmentioned.length > 0) {
    log.info(
      { answered: false, reason: 'unknown-name', redactions },
      'question names what no paper mentions',
    );
    return refuse({ unknownNames: unmentioned.map((c) => c.text) });
  }
  // "#2 - how many pts?": the item the message points at answers, or none does; another paper's
  // figure would be read as that item's.
  const pointed = onlyPointed(evidence.verdicts, pointedAt);
  const verdicts = deps.fullText ? await withFullTexts(deps.fullText, understood, pointed) : pointed;

  const prefix = asksTreatmentForPatient(question, redactions) ? `${PATIENT_NOTE} ` : '';
  if (deps.llm) {
    const outcome = await answerWithModel(deps, deps.llm, {
      question,
      thread,
      understood,
      scope,
      pointedAt,
      redactions,
      log,
    });
    if (outcome?.answered)
      return { ...base, ...outcome.answer, answered: true, text: prefix + outcome.answer.text };
    if (outcome) return refuse({ closest: outcome.closest }, outcome.usage);
  }

  const { quotes, unanswered } = chooseQuotes(understood, verdicts);
  if (quotes.length === 0) {
    log.info(
      { answered: false, candidates: verdicts.length, redactions },
      'question not addressed by the papers',
    );
    return refuse({ closest: closestOf(verdicts, understood) });
  }
  const { text, citations } = composeAnswer(
    quotes.map((r) => ({
      text: r.passage.text,
      sources: [{ paper: r.paper, quote: r.passage.text, section: r.passage.section }],
    })),
  );
  log.info(
    {
      answered: true,
      mode: 'extractive',
      citations: citations.length,
      unanswered: unanswered.length,
      redactions,
    },
    'question answered',
  );
  return {
    ...base,
    answered: true,
    text: prefix + text + notReported(unanswered),
    citations,
    mode: 'extractive',
  };
}

interface ModelRun {
  question: string;
  thread: ThreadTurn[];
  understood: UnderstoodQuestion;
  scope: RetrievalScope;
  /** The digest item the message names by its place: the only paper that may answer. */
  pointedAt?: string;
  redactions: string[];
  log: Logger;
}

type ModelOutcome =
  | { answered: true; answer: Pick<Answer, 'text' | 'citations' | 'mode' | 'usage'> }
  | { answered: false; usage?: LlmUsage; closest?: Citation };

/**
 * The model path: one query rewrite, retrieval, the best passages without a lexical gate, and
 * the model's own verdict on whether they answer. Undefined when the model failed or none of
 * its sentences survived verification, so the extractive path answers instead.
 */
async function answerWithModel(
  deps: AnswerDeps,
  llm: LlmClient,
  run: ModelRun,
): Promise<ModelOutcome | undefined> {
  try {
    // The rewrite only widens the search: without it the question's own words still search.
    const rewrite = await rewriteQuery(llm, run.question, run.thread).catch((error: unknown) => {
      run.log.warn({ err: error }, 'query rewrite failed; searching with the question as asked');
      return { query: '', usage: undefined };
    });
    const understood = { ...run.understood, searchText: `${run.understood.searchText} ${rewrite.query}` };
    const verdicts = onlyPointed(await rankPapers(deps, understood, run.scope), run.pointedAt);
    const papers = verdicts.slice(0, PAPERS_FOR_MODEL).map((v) => v.candidate.paper);
    const lexical = passagesForModel(understood, papers, PASSAGES_FOR_MODEL);
    const passages = llm.embed
      ? await rerankByEmbedding(llm.embed.bind(llm), run.log, run.question, lexical)
      : lexical;
    if (passages.length === 0) return undefined;
    const patientRequest = asksTreatmentForPatient(run.question, run.redactions);
    const drafted = await draftWithModel(llm, {
      question: run.question,
      thread: run.thread,
      passages,
      patientRequest,
    });
    const usage = addUsage(toUsage(rewrite.usage, deps.pricing), toUsage(drafted.usage, deps.pricing));
    if (!drafted.draft.answered) {
      run.log.info({ answered: false, mode: 'llm' }, 'model found no answer in the passages');
      return { answered: false, usage, closest: closestOf(verdicts, understood) };
    }
    const verified = verifyDraft(drafted.draft, drafted.papersByPassage);
    run.log.info(
      {
        quotesChecked: verified.quotesChecked,
        quotesVerified: verified.quotesVerified,
        dropped: verified.droppedSentences,
      },
      'answer quotes verified',
    );
    if (verified.sentences.length === 0) {
      run.log.warn('no model sentence survived verification; answering with passages');
      return undefined;
    }
    const { text, citations } = composeAnswer(verified.sentences);
    return { answered: true, answer: { text, citations, mode: 'llm', usage } };
  } catch (error) {
    run.log.warn({ err: error }, 'model answer failed; answering with passages');
    return undefined;
  }
}

interface RefusalDetail {
  closest?: Citation;
  unknownNames?: string[];
}

function refusal(
  base: { question: string; redactions: string[] },
  inDigest: boolean,
  detail: RefusalDetail,
): Answer {
  const names = detail.unknownNames?.length
    ? ` None of them mentions ${detail.unknownNames.join(' or ')}.`
    : '';
  return {
    ...base,
    answered: false,
    text: `${inDigest ? NOT_IN_DIGEST : NOT_IN_CORPUS}${names}`,
    citations: [],
    mode: 'none',
    closest: detail.closest,
  };
}

function onlyPointed(verdicts: PaperVerdict[], pointedAt: string | undefined): PaperVerdict[] {
  return pointedAt ? verdicts.filter((v) => v.candidate.paper.id === pointedAt) : verdicts;
}

/** The most relevant sentence of the best-ranked paper, shown beside a refusal. */
function closestOf(verdicts: PaperVerdict[], understood: UnderstoodQuestion): Citation | undefined {
  const top = verdicts[0];
  const part = understood.parts[0];
  if (!top || !part) return undefined;
  const best = rankPassagesForPart(top.candidate.paper, part, understood)[0];
  return best ? citationFor(best.paper, best.passage.text, best.passage.section) : undefined;
}
