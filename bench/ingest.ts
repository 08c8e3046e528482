import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { ingestFeeds } from '../src/ingest/run-feeds.js';
import { silentLogger } from '../src/log.js';
import { NCBI_RATE_WITH_KEY, NCBI_RATE_WITHOUT_KEY } from '../src/sources/rate-limit.js';
import { openStore } from '../src/store/index.js';
import type { FeedSubscription } from '../src/types.js';
import { startFakeEutils } from './fakes/fake-eutils.js';
import { peakRssMiB, round, timed } from './stats.js';

/** One run of a PubMed subscription fetches at most this many records (src/sources/pubmed/source.ts). */
const RECORDS_PER_FEED = 1000;

export interface IngestFigures {
  records: number;
  feeds: number;
  stored: number;
  requests: number;
  wallMs: number;
  /** The least time NCBI's limit allows for `requests` requests: (requests − 1) / rate. */
  rateBoundMs: number;
  /** wall / bound (the goal is at most 1.2). */
  wallOverBound: number;
  /** Requests the fake NCBI answered 429 because more than the limit arrived within one second. */
  rateLimitViolations: number;
  /** Feeds whose run failed (e.g. still rate limited after the client's retries), with the reason. */
  failedFeeds: string[];
  peakRssMiB: number;
  store: 'sqlite';
}

/**
 * Ingests `records` generated PubMed records through the real PubMed source, the shared NCBI
 * limiter and `ingestFeeds` into a fresh SQLite store, against the fake E-utilities.
 */
export async function runIngestBench(options: { records: number; apiKey?: string }): Promise<IngestFigures> {
  const feeds = Math.ceil(options.records / RECORDS_PER_FEED);
  const eutils = await startFakeEutils({
    total: options.records,
    entrezDate: new Date(),
    matches: (term) => {
      const block = Number(/synthetic-block-(\d+)/.exec(term)?.[1] ?? 0);
      return { start: block * RECORDS_PER_FEED, count: RECORDS_PER_FEED };
    },
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-bench-ingest-'));
  const store = await openStore({ dataDir });
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      NCBI_EUTILS_URL: eutils.url,
      ALLOW_PRIVATE_FEED_URLS: 'true',
      ...(options.apiKey ? { NCBI_API_KEY: options.apiKey } : {}),
    });
    const subscriptions: FeedSubscription[] = Array.from({ length: feeds }, (_, i) => ({
      id: `pubmed:synthetic-block-${i}`,
      kind: 'pubmed',
      target: `synthetic-block-${i}`,
      addedAt: new Date().toISOString(),
    }));
    const { result, ms } = await timed(() =>
      ingestFeeds(store, subscriptions, { config, logger: silentLogger }),
    );
    const failed = result.filter((r) => r.status === 'failed');
    const rate = options.apiKey ? NCBI_RATE_WITH_KEY : NCBI_RATE_WITHOUT_KEY;
    const requests = eutils.requests.length;
    const bound = ((requests - 1) / rate) * 1000;
    return {
      records: options.records,
      feeds,
      stored: result.reduce((sum, r) => sum + r.added + r.merged + r.unchanged, 0),
      requests,
      wallMs: round(ms, 0),
      rateBoundMs: round(bound, 0),
      wallOverBound: round(ms / bound, 3),
      rateLimitViolations: eutils.violations(),
      failedFeeds: failed.map((r) => `${r.feedId}: ${r.error}`),
      peakRssMiB: peakRssMiB(),
      store: 'sqlite',
    };
  } finally {
    await store.close();
    await eutils.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
