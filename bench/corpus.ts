import { openStore, type Store } from '../src/store/index.js';
import { bulkSeedSyntheticPapers } from './generate/papers.js';
import { round, timed } from './stats.js';

/** Papers per ingestion week in the synthetic history: a big PubMed subscription set. */
export const PAPERS_PER_WEEK = 1000;

export interface BenchCorpus {
  store: Store;
  papers: number;
  seedMs: number;
}

/**
 * An in-memory store holding `papers` synthetic records. Memory, because seeding 100,000
 * records through SQLite's one-commit-per-write would take longer than the whole bench; the
 * figures taken over it (reads per build, search latency) do not depend on the backend.
 */
export async function openBenchCorpus(
  papers: number,
  now: Date,
  options: { dataDir?: string } = {},
): Promise<BenchCorpus> {
  // SQLite when asked: its reads are real I/O that let the event loop turn, as in production.
  const store = await openStore(options.dataDir ? { dataDir: options.dataDir } : { memory: true });
  const { ms } = await timed(() => bulkSeedSyntheticPapers(store, papers, { now, perWeek: PAPERS_PER_WEEK }));
  return { store, papers, seedMs: round(ms, 0) };
}
