import type { Config } from '../config/index.js';
import type { SummaryContext } from '../digest/summarizer.js';
import type { LlmClient } from '../llm/types.js';
import type { Logger } from '../log.js';
import type { AppMetrics } from '../metrics/metrics.js';
import type { TermIndex } from '../qa/corpus-terms.js';
import type { LiveServices } from '../qa/live-services.js';
import type { DigestPoster } from '../schedule/digest-poster.js';
import type { PaperHit } from '../search/paper-index.js';
import type { Store } from '../store/index.js';
import type { PaperReference } from '../text/identifiers.js';
import type { Clock } from '../time.js';
import type { ChannelProfile, Digest, FeedSubscription, ItemSummary, Paper } from '../types.js';

/** What keeps channel jobs in step with stored profiles; the scheduler implements it. */
export interface ScheduleControl {
  reschedule(channelId: string): Promise<void>;
}

/**
 * Everything the listeners need, built once in `src/index.ts`. Domain work (search, build,
 * fetch, feed probing) arrives as functions so handlers stay thin and tests fake only I/O.
 */
export interface SlackDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  poster: DigestPoster;
  schedules: ScheduleControl;
  /** The digest that would post now, not saved (`/lit digest preview`). */
  previewDigest(profile: ChannelProfile, now: Date): Promise<Digest>;
  searchPapers(query: string, limit: number): Promise<PaperHit[]>;
  /** How many indexed papers use a word or phrase (the search index), for reading questions. */
  termCounts: TermIndex;
  /** One paper's summary for `/lit paper` (LLM when configured, extractive otherwise). */
  summarizePaper(paper: Paper, context: SummaryContext): Promise<ItemSummary>;
  /** A paper from the store, or found online (PubMed, Europe PMC) and stored when it is not yet. */
  findPaper(reference: PaperReference): Promise<Paper | undefined>;
  /**
   * PubMed and Europe PMC on demand (questions the stored papers cannot answer, `/lit search
   * --pubmed`) and open-access full text for Q&A; absent when LIVE_LOOKUPS is off.
   */
  live?: Pick<LiveServices, 'lookup' | 'fullText'>;
  /** Checks a feed URL (http(s), public address, really a feed) and returns its subscription. */
  probeFeed(url: string, addedBy: string): Promise<FeedSubscription>;
  /**
   * The app's one model client (digests and Q&A share it, and so its LLM_CONCURRENCY limit);
   * null when none is configured. Left out, Q&A builds its own from config (tests).
   */
  llm?: LlmClient | null;
  /** Prometheus metrics, served at /metrics when present. */
  metrics?: AppMetrics;
}
