import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { InvalidInputError, SearchError } from '../errors.js';
import { type Logger, silentLogger } from '../log.js';
import type { Store } from '../store/index.js';
import { parsePaperReference } from '../text/index.js';
import type { Paper } from '../types.js';
import { FullTextIndex, IN_MEMORY } from './full-text-index.js';
import { type BuildProgress, IndexSync } from './index-sync.js';
import { type ExpandTerm, type QueryInput, termGroupsOf } from './query-plan.js';
import type { PassageHit, SearchEngine, TopicMatch } from './search-engine.js';

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

export interface PassageOptions {
  limit?: number;
  /** Only passages of these papers (a thread's papers, a shortlist); omitted, the whole corpus. */
  paperIds?: string[];
  includeRetracted?: boolean;
}

/** The store's read side the index needs; `Store.papers` satisfies it. */
export interface PaperLookup {
  getMany(ids: string[]): Promise<Paper[]>;
  findId(keys: { pmid?: string; doi?: string }): Promise<string | undefined>;
}

export interface PaperIndexOptions {
  /** Alternatives for each typed word (clinical abbreviations, synonyms); none by default. */
  expand?: ExpandTerm;
  /** Keeps the index up to date with a store; without it, papers come only through `add`. */
  sync?: IndexSync;
}

export interface OpenIndexOptions {
  logger?: Logger;
  expand?: ExpandTerm;
  onProgress?: (progress: BuildProgress) => void;
}

const DEFAULT_LIMIT = 10;
const DEFAULT_PASSAGES = 20;
/** How often a replica looks for papers other processes stored: one cheap read of the change log. */
const POLL_MS = 5_000;
const RETRY_MS = 30_000;

/**
 * Full-text search over every stored paper (title, MeSH, keywords, abstract, full text,
 * authors) and their passages, in a SQLite FTS5 index on disk next to the store (see
 * `FullTextIndex`). Papers themselves are read from the store for each result page.
 */
export class PaperIndex {
  private readonly engine: Promise<SearchEngine>;
  private opened: SearchEngine | undefined;
  private writes: Promise<void> = Promise.resolve();
  private writeError: unknown;

  constructor(
    private readonly papers: PaperLookup,
    engine: SearchEngine | Promise<SearchEngine> = FullTextIndex.open(IN_MEMORY),
    private readonly options: PaperIndexOptions = {},
  ) {
    this.engine = Promise.resolve(engine).then((opened) => {
      this.opened = opened;
      return opened;
    });
  }

  /**
   * The store's index, up to date and ready: built first if this process has none (the CLI,
   * tests). The Slack app uses `openServingIndex`, which answers while it builds.
   */
  static async load(store: Store, options: OpenIndexOptions = {}): Promise<PaperIndex> {
    const { index, sync } = await openSynced(store, options);
    try {
      await sync.prepare();
    } catch (error) {
      await index.close();
      throw error;
    }
    return index;
  }

  /** Papers indexed. */
  get size(): number {
    return this.opened?.size ?? 0;
  }

  /** Papers indexed: the N of document frequencies. */
  get documentCount(): number {
    return this.size;
  }

  /** How far a build has got, while search is warming up; undefined once it serves. */
  get warming(): BuildProgress | undefined {
    return this.options.sync?.progress;
  }

  /** Resolves once the index serves searches (at once for an index without a store). */
  async ready(): Promise<void> {
    await this.options.sync?.whenReady;
  }

  /** Adds a paper, or replaces its entry when it was merged or retracted since. Searches made after see it. */
  add(paper: Paper): void {
    this.writes = this.writes
      .then(async () => (await this.engine).add([paper]))
      .catch((error: unknown) => {
        this.writeError = error;
      });
  }

  /** Applies papers the store logged since the index last looked (after an ingest, or on a timer). */
  async sync(): Promise<void> {
    if (this.options.sync?.isReady) await this.options.sync.catchUp();
  }

  async search(query: QueryInput, options: PaperSearchOptions = {}): Promise<PaperHit[]> {
    const exact = typeof query === 'string' ? await this.findByIdentifier(query) : undefined;
    if (exact) return [{ paper: exact, score: Number.POSITIVE_INFINITY, exact: true }];
    const engine = await this.serving();
    const results = await engine.search(this.groupsOf(query), {
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

  /**
   * The best passages (sentences) for a query, of the given papers or of the whole corpus:
   * what Q&A quotes from. Retracted papers' passages are left out unless asked.
   */
  async passages(query: QueryInput, options: PassageOptions = {}): Promise<PassageHit[]> {
    const engine = await this.serving();
    return engine.passages(this.groupsOf(query), {
      limit: options.limit ?? DEFAULT_PASSAGES,
      paperIds: options.paperIds,
      includeRetracted: options.includeRetracted ?? false,
    });
  }

  /**
   * How each of these papers matches a topic (every term present), for ranking a digest's
   * candidates: bm25 and whether the topic names the paper's subject. Papers not matching are absent.
   */
  async topicMatches(topic: QueryInput, paperIds: string[]): Promise<Map<string, TopicMatch>> {
    const engine = await this.serving();
    return engine.topicMatches(this.groupsOf(topic), paperIds);
  }

  /**
   * Papers containing each term, keyed by the term as given. Pass words as written: the
   * index lowercases, folds diacritics and Porter-stems them itself, as it did the papers.
   */
  async documentFrequency(terms: string[]): Promise<Map<string, number>> {
    return (await this.serving()).documentFrequency(terms);
  }

  /** The index's terms for each text: what `documentFrequency` and matching see. */
  async indexTerms(texts: string[]): Promise<string[][]> {
    return (await this.engine).tokensOf(texts);
  }

  async close(): Promise<void> {
    this.options.sync?.stop();
    await this.writes;
    await (await this.engine).close();
  }

  private groupsOf(query: QueryInput) {
    return termGroupsOf(query, this.options.expand);
  }

  /** The engine once it is ready, after the writes made so far. */
  private async serving(): Promise<SearchEngine> {
    const warming = this.warming;
    if (warming) {
      throw new SearchError(
        `Search is warming up (${Math.floor(warming.share * 100)}% of the stored papers indexed); try again in a minute.`,
        { detail: `${warming.indexed} papers indexed so far` },
      );
    }
    await this.writes;
    if (this.writeError) {
      const error = this.writeError;
      this.writeError = undefined;
      throw new SearchError('The search index could not be updated.', { cause: error });
    }
    return this.engine;
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

/**
 * The Slack app's index: it answers at once ("warming up" until built), builds in the
 * background with progress in the logs, then follows the store's change log every `pollMs`.
 */
export async function openServingIndex(
  store: Store,
  options: OpenIndexOptions & { logger: Logger; pollMs?: number; retryMs?: number },
): Promise<PaperIndex> {
  const { index, sync } = await openSynced(store, options);
  sync.start({ pollMs: options.pollMs ?? POLL_MS, retryMs: options.retryMs ?? RETRY_MS });
  return index;
}

/** The store's index file (in memory for a memory store) with its sync, not yet prepared. */
export async function openSynced(
  store: Store,
  options: OpenIndexOptions,
): Promise<{ index: PaperIndex; sync: IndexSync }> {
  const file = store.searchIndexPath ?? IN_MEMORY;
  let engine: FullTextIndex;
  try {
    if (file !== IN_MEMORY) mkdirSync(path.dirname(file), { recursive: true });
    engine = await FullTextIndex.open(file);
  } catch (cause) {
    throw new SearchError(`Cannot open the search index at ${file}. Check DATA_DIR and its permissions.`, {
      cause,
    });
  }
  const sync = new IndexSync(engine, store.papers, {
    logger: options.logger ?? silentLogger,
    onProgress: options.onProgress,
  });
  return { index: new PaperIndex(store.papers, engine, { expand: options.expand, sync }), sync };
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
