import type { Store } from '../store/index.js';
import type { TermFrequencies } from '../vocabulary/index.js';
import { spellingsOf, termsOf, withExtraTerms } from './corpus-terms.js';
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
  const indexed = termsOf(deps.index);
  const frequencies = deps.extraTerms ? withExtraTerms(indexed, deps.extraTerms) : indexed;
  const first = await understandQuestion(question, context.previousQuestion, { frequencies });
  // Read again with the words the likely papers use, so "nasopharyngael" is read as theirs.
  const candidates = await findCandidates(deps, first.searchText, context.scope);
  const spellings = spellingsOf(candidates.map((candidate) => candidate.paper));
  const understood = await understandQuestion(question, context.previousQuestion, { frequencies, spellings });
  return { understood, verdicts: await rankPapers(deps, understood, context.scope) };
}

/**
 * The question's candidate papers, judged: the thread's own first when the message leans on the
 * thread, the corpus when they do not address it.
 */
export async function rankPapers(
  deps: { store: Store; index: PaperSearch },
  understood: UnderstoodQuestion,
  scope: RetrievalScope,
): Promise<PaperVerdict[]> {
  if (understood.leansOnThread) {
    const onThread = judgePapers(
      understood,
      await findCandidates(deps, understood.searchText, scope, { threadOnly: true }),
    );
    // "rituximab in DLBCL?" after a question on another paper is short but not a follow-up.
    if (onThread.some((verdict) => verdict.addressed)) return onThread;
  }
  return judgePapers(understood, await findCandidates(deps, understood.searchText, scope));
}
