import type { PaperDocument } from './paper-document.js';

export interface RankedId {
  id: string;
  score: number;
}

/**
 * Where BM25 over the corpus runs: in this thread (CLI, tests) or in a worker thread (the
 * Slack app, so a search over 100,000 papers never holds up a slash command's acknowledgement).
 * Adds and searches are applied in the order they are made.
 */
export interface SearchEngine {
  /** Adds a paper's document, or replaces it when it was merged or retracted since. */
  add(document: PaperDocument, retracted: boolean): void;
  search(query: string, options: { limit: number; includeRetracted: boolean }): Promise<RankedId[]>;
  /** Papers indexed. */
  readonly size: number;
  close(): Promise<void>;
}
