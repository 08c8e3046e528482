import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openStore } from '../src/store/index.js';
import { type DigestBuildFigures, runDigestBuildBench } from './digest-build.js';

const REPLICA = fileURLToPath(new URL('./search-replica.ts', import.meta.url));
const OVERLAP = fileURLToPath(new URL('./search-overlap.ts', import.meta.url));
const run = promisify(execFile);

export interface SearchFigures {
  papers: number;
  seedMs: number;
  indexBuildMs: number;
  indexMiB: number;
  searchQueries: number;
  searchP50Ms: number;
  searchP99Ms: number;
  /** CPU time of the replica process per search (every thread), apart from waiting for a core. */
  searchCpuP50Ms: number;
  searchCpuP99Ms: number;
  /** The index shortlists 12 papers for a thread question, then ranks their passages. */
  shortlistPassagesP50Ms: number;
  shortlistPassagesP99Ms: number;
  shortlistPassagesCpuP99Ms: number;
  /** Passages searched corpus-wide. */
  corpusPassagesP50Ms: number;
  corpusPassagesP99Ms: number;
  documentFrequencyP50Ms: number;
  documentFrequencyP99Ms: number;
  /** Q&A's evidence for a question over the index: reading it (term counts from the index), shortlist, judging. */
  qaRetrievalP50Ms?: number;
  qaRetrievalP99Ms?: number;
  addedPapers: number;
  /** The index catching up with `addedPapers` papers stored through the store's write path. */
  addMs: number;
  /** Peak RSS of the replica process through build, searches and the catch-up (src/qa's scan apart). */
  indexPeakRssMiB: number;
  peakRssMiB: number;
  /** Digest builds over the same SQLite store (only at sizes the memory-store digest bench does not cover). */
  digest?: DigestBuildFigures;
}

export interface SearchOptions {
  papers: number;
  queries: number;
  now: Date;
  /** Also time src/qa's retrieval (its term statistics scan the whole corpus first). */
  qaRetrieval: boolean;
  /** Also build every channel's digest over the seeded SQLite store. */
  digestChannels?: number;
}

/**
 * `/lit search`, passage retrieval and term statistics on a replica: a SQLite store of
 * synthetic papers is seeded in one child process, then opened by another as the app opens
 * it, so that process's RSS is what a replica holds, not the corpus.
 */
export async function runSearchBench(options: SearchOptions): Promise<SearchFigures> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-search-bench-'));
  try {
    const args = [dataDir, String(options.papers), options.now.toISOString()];
    const { seedMs } = await child<{ seedMs: number }>(REPLICA, ['seed', ...args]);
    const figures = await child<Omit<SearchFigures, 'seedMs'>>(REPLICA, [
      'replica',
      ...args,
      String(options.queries),
      options.qaRetrieval ? '1' : '0',
    ]);
    let digest: DigestBuildFigures | undefined;
    if (options.digestChannels) {
      const store = await openStore({ dataDir });
      try {
        digest = await runDigestBuildBench(
          { store, papers: options.papers, seedMs },
          { channels: options.digestChannels, now: options.now },
        );
      } finally {
        await store.close();
      }
    }
    return { ...figures, seedMs, digest };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface OverlapHalf {
  queries: number;
  overlapAt10: number;
  answeredBefore: number;
  answeredNow: number;
}

export interface OverlapFigures {
  papers: number;
  bench: OverlapHalf;
  demo: Record<string, OverlapHalf>;
}

/** Top-10 agreement with the MiniSearch engine the index replaced (see `search-overlap.ts`). */
export function runOverlapBench(options: { papers: number; queries: number }): Promise<OverlapFigures> {
  return child<OverlapFigures>(OVERLAP, [String(options.papers), String(options.queries)]);
}

async function child<T>(script: string, args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
    maxBuffer: 16 * 2 ** 20,
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as T;
}
