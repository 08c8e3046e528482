import type { Store } from '../store/index.js';
import { corpusTerms } from './corpus-terms.js';
import { judgePapers, type PaperVerdict } from './paper-verdict.js';
import { findCandidates, type PaperSearch, type RetrievalScope } from './retrieve.js';
import { type UnderstoodQuestion, understandQuestion } from './understand.js';

export interface Evidence {
  understood: UnderstoodQuestion;
  /** Candidate papers, those that address the question first. */
  verdicts: PaperVerdict[];
}

/** Reads a (redacted) question and ranks the papers that may answer it. */
export async function findEvidence(
  deps: { store: Store; index: PaperSearch },
  question: string,
  context: { previousQuestion?: string; scope: RetrievalScope },
): Promise<Evidence> {
  const terms = await corpusTerms(deps.store, deps.index);
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
