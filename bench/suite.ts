import { type AckFigures, runAckBench } from './ack-latency.js';
import { openBenchCorpus } from './corpus.js';
import { type DigestBuildFigures, runDigestBuildBench } from './digest-build.js';
import { type IngestFigures, runIngestBench } from './ingest.js';
import { runSearchBench, type SearchFigures } from './search-latency.js';
import { round } from './stats.js';

export interface BenchSizes {
  ackCommands: number;
  ackCorpusPapers: number;
  ingestRecords: number;
  channels: number;
  /** The history sizes digest builds are compared at (the second is the big store). */
  smallStorePapers: number;
  largeStorePapers: number;
  searchQueries: number;
  /** When set, the search bench runs again at this size with digest builds over it (slow: `BENCH_MILLION=1`). */
  millionPapers?: number;
}

export const FULL_SIZES: BenchSizes = {
  ackCommands: 200,
  ackCorpusPapers: 10_000,
  ingestRecords: 10_000,
  channels: 50,
  smallStorePapers: 10_000,
  largeStorePapers: 100_000,
  searchQueries: 30,
};

export interface DigestScaling {
  small: DigestBuildFigures;
  large: DigestBuildFigures;
  /** Store reads per digest at the large history over the small one (1.0 = does not grow). */
  readsRatio: number;
  keysReadRatio: number;
}

export interface CoreResults {
  ingest: IngestFigures;
  ack: AckFigures;
  digest: DigestScaling;
  search: SearchFigures;
  searchMillion?: SearchFigures;
}

/**
 * Runs benches 1–4 in the order that keeps their figures apart: ingest first (its peak RSS is
 * then its own), the acknowledgement bench in a child process, then the two corpus sizes.
 */
export async function runCoreBenches(
  sizes: BenchSizes,
  progress: (line: string) => void,
): Promise<CoreResults> {
  const now = new Date();
  progress(`ingest: ${sizes.ingestRecords} PubMed records through the fake E-utilities`);
  const ingest = await runIngestBench({ records: sizes.ingestRecords });
  progress(`ack: ${sizes.ackCommands} concurrent /lit search commands`);
  const ack = await runAckBench({ commands: sizes.ackCommands, corpusPapers: sizes.ackCorpusPapers });

  progress(`digest: ${sizes.channels} channels over ${sizes.smallStorePapers} papers`);
  const smallCorpus = await openBenchCorpus(sizes.smallStorePapers, now);
  const small = await runDigestBuildBench(smallCorpus, { channels: sizes.channels, now });
  await smallCorpus.store.close();

  progress(`digest: ${sizes.channels} channels over ${sizes.largeStorePapers} papers`);
  const largeCorpus = await openBenchCorpus(sizes.largeStorePapers, now);
  const large = await runDigestBuildBench(largeCorpus, { channels: sizes.channels, now }).finally(() =>
    largeCorpus.store.close(),
  );
  progress(`search: ${sizes.searchQueries} queries over ${sizes.largeStorePapers} papers on a replica`);
  const search = await runSearchBench({
    papers: sizes.largeStorePapers,
    queries: sizes.searchQueries,
    now,
    qaRetrieval: true,
  });
  let searchMillion: SearchFigures | undefined;
  if (sizes.millionPapers) {
    progress(`search: ${sizes.millionPapers} papers, with digest builds over them (several minutes)`);
    searchMillion = await runSearchBench({
      papers: sizes.millionPapers,
      queries: sizes.searchQueries,
      now,
      qaRetrieval: false,
      digestChannels: sizes.channels,
    });
  }
  return {
    ingest,
    ack,
    digest: {
      small,
      large,
      readsRatio: round(large.readsPerDigest / small.readsPerDigest, 3),
      keysReadRatio: round(large.keysReadPerDigest / small.keysReadPerDigest, 3),
    },
    search,
    searchMillion,
  };
}
