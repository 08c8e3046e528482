import type { Store } from '../store/index.js';
import type { TermFrequencies } from '../vocabulary/index.js';
import { type CorpusTerms, corpusTerms } from './corpus-terms.js';
import { judgePapers, type PaperVerdict } from './paper-verdict.js';
import { findCandidates, type PaperSearch, type RetrievalScope } from './retrieve.js';
import { type UnderstoodQuestion, understandQuestion } from './understand.js';

export interface Evidence {
  understood: UnderstoodQuestion;
  /** Candidate papers, those that address the question first. */
  verdicts: PaperVerdict[];
}

/**
 * Reads a (redacted) question and ranks the papers that may answer it. `extraTerms` counts
 * papers beside the corpus (the ones a live search just found), so the names they use are known.
 */
export async function findEvidence(
  deps: { store: Store; index: PaperSearch; extraTerms?: TermFrequencies },
  question: string,
  context: { previousQuestion?: string; scope: RetrievalScope },
): Promise<Evidence> {
  const corpus = await corpusTerms(deps.store, deps.index);
  const terms = deps.extraTerms ? withExtraTerms(corpus, deps.extraTerms) : corpus;
  const understood = understandQuestion(question, context.previousQuestion, terms);
  return { understood, verdicts: await rankPapers(deps, understood, context.scope) };
}

/** The question's candidate papers, judged; only the thread's own when the message leans on it. */
export async function rankPapers(
  deps: { store: Store; index: PaperSearch },
  understood: UnderstoodQuestion,
  scope: RetrievalScope,
): Promise<PaperVerdict[]> {
  const candidates = await findCandidates(deps, understood.searchText, scope, {
    threadOnly: understood.leansOnThread,
  });
  return judgePapers(understood, candidates);
}

function withExtraTerms(corpus: CorpusTerms, extra: TermFrequencies): CorpusTerms {
  return {
    spellings: corpus.spellings,
    frequencies: {
      documentCount: corpus.frequencies.documentCount + extra.documentCount,
      documentFrequency: (phrase) =>
        corpus.frequencies.documentFrequency(phrase) + extra.documentFrequency(phrase),
    },
  };
}
