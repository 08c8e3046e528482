import { InvalidInputError } from '../errors.js';
import type { Store } from '../store/index.js';
import { parsePaperReference } from '../text/index.js';
import type { Paper } from '../types.js';
import { inThreadEngine } from './bm25-engine.js';
import { toPaperDocument } from './paper-document.js';
import type { SearchEngine } from './search-engine.js';

export interface PaperSearchOptions {
  limit?: number;
  /** Free-text results leave retracted papers out unless asked; an identifier lookup always finds them. */
  includeRetracted?: boolean;
}

export interface PaperHit {
  paper: Paper;
  score: number;
  /** True for a PMID/DOI query answered by that exact paper. */
  exact: boolean;
}

/** The store's read side the index needs; `Store.papers` satisfies it. */
export interface PaperLookup {
  getMany(ids: string[]): Promise<Paper[]>;
  findId(keys: { pmid?: string; doi?: string }): Promise<string | undefined>;
}

const DEFAULT_LIMIT = 10;

/**
 * BM25 search over every stored paper (title, abstract, MeSH, keywords, authors). The inverted
 * index lives in a SearchEngine (this thread, or a worker thread in the Slack app); papers
 * themselves are read from the store for each result page.
 */
export class PaperIndex {
  constructor(
    private readonly papers: PaperLookup,
    private readonly engine: SearchEngine = inThreadEngine(),
  ) {}

  /** Builds the index from the store, week by week, so memory holds one week of records at a time. */
  static async load(store: Store, engine: SearchEngine = inThreadEngine()): Promise<PaperIndex> {
    const paperIndex = new PaperIndex(store.papers, engine);
    for await (const paper of store.papers.all()) paperIndex.add(paper);
    return paperIndex;
  }

  get size(): number {
    return this.engine.size;
  }

  /** Adds a paper, or replaces its entry when it was merged or retracted since. */
  add(paper: Paper): void {
    this.engine.add(toPaperDocument(paper), Boolean(paper.retracted));
  }

  async search(query: string, options: PaperSearchOptions = {}): Promise<PaperHit[]> {
    const exact = await this.findByIdentifier(query);
    if (exact) return [{ paper: exact, score: Number.POSITIVE_INFINITY, exact: true }];
    const results = await this.engine.search(query, {
      limit: options.limit ?? DEFAULT_LIMIT,
      includeRetracted: options.includeRetracted ?? false,
    });
    const papers = new Map(
      (await this.papers.getMany(results.map((result) => result.id))).map((p) => [p.id, p]),
    );
    return results.flatMap((result) => {
      const paper = papers.get(result.id);
      return paper ? [{ paper, score: result.score, exact: false }] : [];
    });
  }

  close(): Promise<void> {
    return this.engine.close();
  }

  private async findByIdentifier(query: string): Promise<Paper | undefined> {
    const reference = identifierOf(query);
    if (!reference) return undefined;
    const id = await this.papers.findId(reference);
    if (!id) return undefined;
    const [paper] = await this.papers.getMany([id]);
    return paper;
  }
}

function identifierOf(query: string): { pmid?: string; doi?: string } | undefined {
  try {
    const reference = parsePaperReference(query);
    if (reference.kind === 'pmid') return { pmid: reference.value };
    if (reference.kind === 'doi') return { doi: reference.value };
    return undefined;
  } catch (error) {
    if (error instanceof InvalidInputError) return undefined;
    throw error;
  }
}
