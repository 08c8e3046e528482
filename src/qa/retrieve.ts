import type { PaperHit } from '../search/paper-index.js';
import type { Store } from '../store/index.js';
import type { Paper } from '../types.js';
import type { TermIndex } from './corpus-terms.js';

/** Papers searched beyond the thread's own, shortlisted by the corpus index. */
const SHORTLIST = 12;

export interface RetrievalScope {
  /** The paper(s) the question was asked about ("Ask about this"). */
  focusPaperIds: string[];
  /** The thread's digest items. */
  threadPaperIds: string[];
  /** The papers the thread's earlier answers cited. */
  citedPaperIds?: string[];
}

/** The corpus search the answers shortlist papers with and count words in; `PaperIndex` is one. */
export interface PaperSearch extends TermIndex {
  search(query: string, options: { limit: number }): Promise<PaperHit[]>;
}

export interface Candidate {
  paper: Paper;
  /** 0..1: the index's score relative to its best hit; 0 for a paper only the thread brought. */
  prior: number;
  /**
   * Why the paper is in the running besides the search: the clicked paper, one an earlier answer
   * in the thread cited, or one of the thread's digest.
   */
  scope?: 'focus' | 'cited' | 'thread';
}

/**
 * The papers that may answer: the index's shortlist for the question and the papers of the
 * thread (its digest, the ones cited before, the one clicked); only the thread's papers when the
 * message leans on the thread. Retracted papers are never evidence.
 */
export async function findCandidates(
  deps: { store: Store; index: PaperSearch },
  searchText: string,
  scope: RetrievalScope,
  options: { threadOnly?: boolean } = {},
): Promise<Candidate[]> {
  const cited = scope.citedPaperIds ?? [];
  const scopedIds = [...scope.focusPaperIds, ...cited, ...scope.threadPaperIds];
  // "and the median f/u?" is about the papers the thread is about, not whatever the words find.
  const threadOnly = options.threadOnly === true && scopedIds.length > 0;
  const hits = threadOnly ? [] : await deps.index.search(searchText, { limit: SHORTLIST });
  const top = Math.max(...hits.map((hit) => (Number.isFinite(hit.score) ? hit.score : 0)), 1e-9);
  const candidates = new Map<string, Candidate>();
  for (const hit of hits) {
    const prior = Number.isFinite(hit.score) ? hit.score / top : 1;
    candidates.set(hit.paper.id, { paper: hit.paper, prior });
  }
  const focus = new Set(scope.focusPaperIds);
  const citedBefore = new Set(cited);
  const scoped = [...new Set(scopedIds)];
  const missing = scoped.filter((id) => !candidates.has(id));
  for (const paper of await deps.store.papers.getMany(missing)) candidates.set(paper.id, { paper, prior: 0 });
  for (const id of scoped) {
    const candidate = candidates.get(id);
    if (candidate) candidate.scope = focus.has(id) ? 'focus' : citedBefore.has(id) ? 'cited' : 'thread';
  }
  return [...candidates.values()].filter((candidate) => !candidate.paper.retracted);
}
