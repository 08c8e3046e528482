import type { Paper } from '../types.js';
import type { TermGroup } from './query-plan.js';

export interface RankedId {
  id: string;
  score: number;
}

/** A quotable passage of a paper (a sentence), as Q&A's `Passage` plus its score. */
export interface PassageHit {
  /** `${paperId}#${n}`: the same id Q&A's `splitIntoPassages` gives this sentence. */
  id: string;
  paperId: string;
  /** Abstract section label ("RESULTS"), "full text", or absent for an unstructured abstract. */
  section?: string;
  basis: 'abstract' | 'full text';
  /** Verbatim text of the paper. */
  text: string;
  score: number;
}

/** How a paper matches a digest topic. */
export interface TopicMatch {
  /** bm25 (higher is better), comparable within one query. */
  score: number;
  /** Every term is in the title, MeSH or keywords: the paper is about it, not mentioning it. */
  named: boolean;
}

export interface PassageSearchOptions {
  limit: number;
  /** Only passages of these papers; omitted, the whole corpus. */
  paperIds?: string[];
  includeRetracted: boolean;
}

/**
 * The full-text index behind `PaperIndex`: SQLite FTS5 on disk (in memory for a memory
 * store). Queries come as planned term groups (see `query-plan.ts`). Writes and the searches
 * made after them are applied in the order they are made.
 */
export interface SearchEngine {
  /** Adds papers, or replaces their rows when they were merged or retracted since. */
  add(papers: Paper[]): Promise<void>;
  /** Takes papers out (records deleted from the store). */
  remove(paperIds: string[]): Promise<void>;
  search(groups: TermGroup[], options: { limit: number; includeRetracted: boolean }): Promise<RankedId[]>;
  passages(groups: TermGroup[], options: PassageSearchOptions): Promise<PassageHit[]>;
  topicMatches(groups: TermGroup[], paperIds: string[]): Promise<Map<string, TopicMatch>>;
  /** Papers containing each term, keyed by the term as given (see `TermStatistics`). */
  documentFrequency(terms: string[]): Promise<Map<string, number>>;
  /** The index's own tokens of each text (lowercased, folded, Porter-stemmed). */
  tokensOf(texts: string[]): Promise<string[][]>;
  /** Papers indexed. */
  readonly size: number;
  close(): Promise<void>;
}
