import MiniSearch from 'minisearch';
import type { LlmClient } from '../llm/types.js';
import type { Logger } from '../log.js';
import { fuzzinessOf, prefixOf, processSearchTerm } from '../search/paper-document.js';
import type { PaperHit } from '../search/paper-index.js';
import type { Store } from '../store/index.js';
import type { Paper } from '../types.js';
import { type Passage, splitIntoPassages } from './passages.js';
import { coverage, questionClauses, type TermStats } from './terms.js';

/** Papers searched beyond the thread's own, shortlisted by the corpus index. */
const SHORTLIST = 12;
const MAX_PASSAGES_PER_PAPER = 4;
/** Passages the embedding model re-ranks; the rest keep their lexical order. */
const RERANK_DEPTH = 24;
/** How much being the clicked paper, or a paper of this thread, lifts a passage. */
const FOCUS_BONUS = 0.3;
const THREAD_BONUS = 0.15;
/** The abstract is the authors' own summary: on a tie it is the better quote. */
const ABSTRACT_BONUS = 0.05;

export interface RetrievalScope {
  /** The paper(s) the question was asked about ("Ask about this"). */
  focusPaperIds: string[];
  /** The thread's digest items and papers cited earlier in the thread. */
  threadPaperIds: string[];
}

export interface RankedPassage {
  passage: Passage;
  paper: Paper;
  score: number;
  /** Share of the question's weighted terms found in the paper title plus this passage. */
  relevance: number;
}

/** The corpus search the answers shortlist papers with; `PaperIndex` is one. */
export interface PaperSearch {
  search(query: string, options: { limit: number }): Promise<PaperHit[]>;
  /** Papers indexed, when known: a change refreshes the term statistics. */
  readonly size?: number;
}

export interface RetrieveDeps {
  store: Store;
  index: PaperSearch;
  stats: TermStats;
  llm?: LlmClient;
  logger: Logger;
}

export interface RetrieveQuery {
  question: string;
  /** Earlier questions of the thread: they steer the search but do not count for relevance. */
  context?: string;
  scope: RetrievalScope;
}

/**
 * Ranks sentence passages for a question: the thread's papers first, then papers the corpus
 * index shortlists; BM25 over passages, weighted term coverage and the paper's own rank,
 * optionally re-ranked by embeddings. Retracted papers are never evidence.
 */
export async function retrievePassages(
  deps: RetrieveDeps,
  query: RetrieveQuery,
  limit = 8,
): Promise<RankedPassage[]> {
  const searchText = [query.question, query.context]
    .filter(Boolean)
    .join(' ')
    .replace(/\[[^\]]*\]/g, ' ');
  const candidates = await candidatePapers(deps, searchText, query.scope);
  const passages = [...candidates.values()].flatMap(({ paper }) => splitIntoPassages(paper));
  if (passages.length === 0) return [];

  const clauses = questionClauses(query.question);
  const lexical = bm25Scores(passages, candidates, searchText);
  const focus = new Set(query.scope.focusPaperIds);
  const thread = new Set(query.scope.threadPaperIds);
  const ranked = passages.map((passage) => {
    const { paper, prior } = candidates.get(passage.paperId) as Candidate;
    const relevance = Math.max(
      ...clauses.map((terms) => coverage(terms, `${paper.title}\n${passage.text}`, deps.stats)),
    );
    const inPassage = Math.max(...clauses.map((terms) => coverage(terms, passage.text, deps.stats)));
    const bonus = focus.has(paper.id) ? FOCUS_BONUS : thread.has(paper.id) ? THREAD_BONUS : 0;
    const basisBonus = passage.basis === 'abstract' ? ABSTRACT_BONUS : 0;
    const score =
      0.3 * (lexical.get(passage.id) ?? 0) +
      0.25 * inPassage +
      0.15 * relevance +
      0.3 * prior +
      bonus +
      basisBonus;
    return { passage, paper, score, relevance };
  });
  ranked.sort((a, b) => b.score - a.score);
  const embed = deps.llm?.embed?.bind(deps.llm);
  const reranked = embed ? await rerankByEmbedding(embed, deps.logger, query.question, ranked) : ranked;
  return diversify(reranked, limit);
}

interface Candidate {
  paper: Paper;
  /** 0..1: the paper's standing for this question before looking at passages. */
  prior: number;
}

async function candidatePapers(
  deps: RetrieveDeps,
  searchText: string,
  scope: RetrievalScope,
): Promise<Map<string, Candidate>> {
  const hits = await deps.index.search(searchText, { limit: SHORTLIST });
  const top = Math.max(...hits.map((hit) => (Number.isFinite(hit.score) ? hit.score : 0)), 1e-9);
  const candidates = new Map<string, Candidate>();
  for (const hit of hits) {
    const prior = Number.isFinite(hit.score) ? hit.score / top : 1;
    if (!hit.paper.retracted) candidates.set(hit.paper.id, { paper: hit.paper, prior });
  }
  const scoped = [...new Set([...scope.focusPaperIds, ...scope.threadPaperIds])].filter(
    (id) => !candidates.has(id),
  );
  for (const paper of await deps.store.papers.getMany(scoped)) {
    if (!paper.retracted) candidates.set(paper.id, { paper, prior: 0 });
  }
  return candidates;
}

/** BM25 over the candidate passages, scaled so the best passage scores 1. */
function bm25Scores(
  passages: Passage[],
  candidates: Map<string, Candidate>,
  searchText: string,
): Map<string, number> {
  const search = new MiniSearch<{ id: string; text: string; title: string; section: string }>({
    fields: ['text', 'title', 'section'],
    processTerm: processSearchTerm,
    searchOptions: {
      boost: { text: 2, title: 1, section: 0.5 },
      fuzzy: fuzzinessOf,
      prefix: prefixOf,
      weights: { fuzzy: 0.3, prefix: 0.6 },
    },
  });
  search.addAll(
    passages.map((p) => ({
      id: p.id,
      text: p.text,
      title: candidates.get(p.paperId)?.paper.title ?? '',
      section: p.section ?? '',
    })),
  );
  const results = search.search(searchText);
  const best = results[0]?.score ?? 1;
  return new Map(results.map((result) => [String(result.id), result.score / best]));
}

async function rerankByEmbedding(
  embed: (texts: string[]) => Promise<number[][]>,
  logger: Logger,
  question: string,
  ranked: RankedPassage[],
): Promise<RankedPassage[]> {
  const head = ranked.slice(0, RERANK_DEPTH);
  try {
    const [questionVector, ...vectors] = await embed([question, ...head.map((r) => r.passage.text)]);
    const rescored = head.map((r, i) => ({
      ...r,
      score: 0.7 * r.score + 0.3 * cosine(questionVector ?? [], vectors[i] ?? []),
    }));
    rescored.sort((a, b) => b.score - a.score);
    return [...rescored, ...ranked.slice(RERANK_DEPTH)];
  } catch (error) {
    logger.warn({ err: error }, 'embedding re-rank failed; keeping lexical order');
    return ranked;
  }
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += (a[i] as number) * (b[i] as number);
    na += (a[i] as number) ** 2;
    nb += (b[i] as number) ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Keeps the order but no more than a few passages of any one paper. */
function diversify(ranked: RankedPassage[], limit: number): RankedPassage[] {
  const perPaper = new Map<string, number>();
  const out: RankedPassage[] = [];
  for (const item of ranked) {
    const count = perPaper.get(item.paper.id) ?? 0;
    if (count >= MAX_PASSAGES_PER_PAPER) continue;
    perPaper.set(item.paper.id, count + 1);
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
