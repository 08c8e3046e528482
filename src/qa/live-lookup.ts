import { FeedError } from '../errors.js';
import type { StorePapers } from '../ingest/serial-ingest.js';
import type { Logger } from '../log.js';
import type { PaperHit } from '../search/paper-index.js';
import type { LiteratureSearch, LiveService } from '../sources/live-search.js';
import type { Store } from '../store/index.js';
import { contentHash } from '../text/index.js';
import type { LiveSearchNote, Paper } from '../types.js';
import { type LiveQuery, liveQueriesFor } from './live-query.js';
import type { UnderstoodQuestion } from './understand.js';

/** Papers fetched per search: enough to find the one that answers, few enough for one efetch. */
export const LIVE_RESULTS = 8;
/** A repeated question within a day reuses the papers found, without asking again. */
const CACHE_TTL_MS = 24 * 3_600_000;
/**
 * How long PubMed may take, its queue behind the shared NCBI limit included, before Europe PMC
 * (which mirrors PubMed and has no such limit) answers instead; and the whole search's budget.
 * A live answer must reach a clinician in a few seconds, also when many ask at once.
 */
const BUDGET_MS = { pubmed: 4_000, total: 6_500 };

/** Papers a live search found as search hits, in the service's order (its best first). */
export function liveHits(papers: Paper[]): PaperHit[] {
  return papers.map((paper, i) => ({ paper, score: papers.length - i, exact: false }));
}

export type LiveOutcome =
  | { kind: 'found'; note: LiveSearchNote; papers: Paper[] }
  | { kind: 'nothing'; note: LiveSearchNote }
  | { kind: 'unavailable'; message: string }
  | { kind: 'no-query' };

/** Searches PubMed (then Europe PMC) for what the stored papers cannot answer, and stores what it finds. */
export interface LiveLookup {
  /** For a question: the search its concepts stand for, strictest first. */
  forQuestion(question: UnderstoodQuestion): Promise<LiveOutcome>;
  /** For `/lit search --pubmed`: the words as typed. */
  forWords(words: string, limit: number): Promise<LiveOutcome>;
}

export interface LiveLookupDeps {
  search: LiteratureSearch;
  store: Store;
  storePapers: StorePapers;
  logger: Logger;
  budgetMs?: { pubmed: number; total: number };
  now?: () => number;
}

interface CachedSearch {
  ids: string[];
}

export function createLiveLookup(deps: LiveLookupDeps): LiveLookup {
  const budget = deps.budgetMs ?? BUDGET_MS;
  const now = deps.now ?? Date.now;
  const cache = deps.store.namespace<CachedSearch>('live-search');
  const inFlight = new Map<string, Promise<Paper[] | undefined>>();

  /**
   * One service's papers for one query: from the cache, a search already running, or a new
   * search; undefined when PubMed's queue is too long to answer in time (Europe PMC then does).
   */
  const papersFor = (
    service: LiveService,
    query: string,
    limit: number,
    deadline: number,
  ): Promise<Paper[] | undefined> => {
    const key = contentHash(service, query, String(limit));
    const running = inFlight.get(key);
    if (running) return running;
    const search = (async () => {
      const cached = await cache.get(key);
      if (cached) return deps.store.papers.getMany(cached.ids);
      // A search and a fetch must both get through the NCBI queue: when waiting for the first
      // already takes half the time left, the answer would come too late.
      if (service === 'PubMed' && 2 * deps.search.pubmedWaitMs() >= deadline - now()) return undefined;
      const signal = AbortSignal.timeout(Math.max(1, deadline - now()));
      const found =
        service === 'PubMed'
          ? await deps.search.searchPubmed(query, limit, signal)
          : await deps.search.searchEuropePmc(query, limit, signal);
      const stored = await deps.storePapers(found);
      await cache.set(key, { ids: stored.map((paper) => paper.id) }, CACHE_TTL_MS);
      return stored;
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, search);
    return search;
  };

  const run = async (queries: LiveQuery[], limit: number): Promise<LiveOutcome> => {
    if (queries.length === 0) return { kind: 'no-query' };
    const started = now();
    const failures = new Map<LiveService, string>();
    const searched = new Set<LiveService>();
    for (const query of queries) {
      const attempts: [LiveService, string, number][] = [
        ['PubMed', query.pubmed, started + budget.pubmed],
        ['Europe PMC', query.europePmc, started + budget.total],
      ];
      for (const [service, text, deadline] of attempts) {
        if (failures.has(service) || now() >= deadline) continue;
        try {
          const found = await papersFor(service, text, limit, deadline);
          if (found) searched.add(service);
          const papers = (found ?? []).filter((paper) => !paper.retracted);
          if (papers.length > 0) return { kind: 'found', note: { service, query: query.core }, papers };
        } catch (error) {
          if (!(error instanceof FeedError)) throw error;
          failures.set(service, error.userMessage);
          // The user-facing reason only: the request URL carries the query and NCBI's api_key.
          deps.logger.warn({ service, reason: error.userMessage }, 'live search failed');
        }
      }
    }
    if (failures.size === 2) return { kind: 'unavailable', message: [...failures.values()].join(' ') };
    return {
      kind: 'nothing',
      note: { service: searched.has('PubMed') ? 'PubMed' : 'Europe PMC', query: queries[0]?.core ?? '' },
    };
  };

  return {
    forQuestion: (question) => run(liveQueriesFor(question), LIVE_RESULTS),
    forWords: (words, limit) => {
      const text = words
        .replace(/["()[\]{}]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      return run(text ? [{ core: text, pubmed: text, europePmc: text }] : [], limit);
    },
  };
}
