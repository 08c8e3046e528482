import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, type PaperDocument } from './paper-document.js';
import type { RankedId, SearchEngine } from './search-engine.js';

/** BM25 over paper documents in memory: the index itself, whichever thread it lives in. */
export class Bm25Index {
  private readonly index = new MiniSearch<PaperDocument>(INDEX_OPTIONS);
  private readonly retracted = new Set<string>();

  get size(): number {
    return this.index.documentCount;
  }

  add(document: PaperDocument, retracted: boolean): void {
    if (this.index.has(document.id)) this.index.discard(document.id);
    this.index.add(document);
    if (retracted) this.retracted.add(document.id);
    else this.retracted.delete(document.id);
  }

  /** Free-text results leave retracted papers out unless asked. */
  search(query: string, options: { limit: number; includeRetracted: boolean }): RankedId[] {
    return this.index
      .search(query)
      .filter((result) => options.includeRetracted || !this.retracted.has(String(result.id)))
      .slice(0, options.limit)
      .map((result) => ({ id: String(result.id), score: result.score }));
  }
}

/** The index in this thread: for one-shot commands and tests, where nothing else waits on the loop. */
export function inThreadEngine(): SearchEngine {
  const index = new Bm25Index();
  return {
    add: (document, retracted) => index.add(document, retracted),
    search: async (query, options) => index.search(query, options),
    get size() {
      return index.size;
    },
    close: async () => undefined,
  };
}
