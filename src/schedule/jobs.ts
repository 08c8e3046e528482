import { AgendaStore } from '../board/agenda.js';
import type { Config } from '../config/index.js';
import { takeClaim } from '../delivery/claim.js';
import type { SlackClient } from '../delivery/client.js';
import { createDeliverer, type DelivererOptions } from '../delivery/deliverer.js';
import type { DigestSummarizer } from '../digest/summarizer.js';
import type { Logger } from '../log.js';
import type { PaperIndex } from '../search/paper-index.js';
import type { FetchBody } from '../sources/http.js';
import type { EutilsClient } from '../sources/pubmed/eutils.js';
import type { Store } from '../store/index.js';
import { createBoardSweep } from './board-runtime.js';
import { createDigestPoster, type DigestBuilder, type DigestPoster } from './digest-poster.js';
import { createFeedIngestJob, type FeedIngester } from './ingest-job.js';
import { runLivingNotices } from './notice-job.js';
import { createPeriodicJob } from './periodic.js';
import { createDigestScheduler, type DigestScheduler } from './scheduler.js';

/** Living-digest notices have no time slot; a scan of every posted digest twice a minute is enough. */
const NOTICE_SWEEP_MS = 30_000;
const NOTICE_SWEEP_LOCK = 'living:sweep';

export interface ScheduledJobsOptions {
  config: Config;
  store: Store;
  logger: Logger;
  /** Names this process in claims. */
  owner: string;
  /** The no-resend delivery client. */
  client: SlackClient;
  buildDigest: DigestBuilder;
  ingest: FeedIngester;
  /** The current search index (rebuilt after each ingest). */
  index: () => PaperIndex;
  summarizer: () => DigestSummarizer;
  eutils: EutilsClient;
  fetchBody: FetchBody;
  onDelivery?: DelivererOptions['onOutcome'];
}

export interface ScheduledJobs {
  poster: DigestPoster;
  scheduler: DigestScheduler;
  /** Starts every job; resolves once the start-up catch-up of missed digests has run. */
  start(): Promise<void>;
  /** Stops starting work; then the deliverer's drain (deadline, freed claims) ends what runs. */
  stop(): Promise<void>;
  drain(deadlineMs: number): Promise<void>;
}

/**
 * Every scheduled job of the app in one place: digests on each channel's schedule, tumor-board
 * briefs, living-digest notices and the feed ingest. All posts go through one deliverer.
 */
export function createScheduledJobs(options: ScheduledJobsOptions): ScheduledJobs {
  const { config, store, logger, owner } = options;
  const deliverer = createDeliverer({
    client: options.client,
    store,
    logger,
    owner,
    leaseMs: config.delivery.leaseMs,
    onOutcome: options.onDelivery,
  });
  const poster = createDigestPoster({ deliverer, store, buildDigest: options.buildDigest, logger });
  const scheduler = createDigestScheduler({
    store,
    poster,
    logger,
    catchUpGraceHours: config.digest.catchUpGraceHours,
    sweepIntervalMs: config.delivery.sweepMs,
  });
  const agendas = new AgendaStore(store);
  const boardSweep = createBoardSweep({ ...options, agendas, deliverer });
  const board = createPeriodicJob(boardSweep, config.delivery.sweepMs, { immediately: true });
  const notices = createPeriodicJob(
    async () => {
      // One replica scans at a time; its claim lapses within one lease if it dies.
      const claim = await takeClaim({
        locks: store.locks,
        key: NOTICE_SWEEP_LOCK,
        owner,
        leaseMs: config.delivery.leaseMs,
      });
      if (!claim) return;
      try {
        const channels = [...new Set([...(await store.channels.ids()), ...(await agendas.channelIds())])];
        await runLivingNotices(
          { store, deliverer, logger, now: () => new Date(), index: options.index() },
          channels,
        );
      } finally {
        await claim.release();
      }
    },
    NOTICE_SWEEP_MS,
    { immediately: true },
  );
  const ingest = createFeedIngestJob({ store, logger, ingest: options.ingest });

  return {
    poster,
    scheduler,
    async start() {
      ingest.start();
      board.start();
      notices.start();
      await scheduler.start();
    },
    async stop() {
      await Promise.all([scheduler.stop(), ingest.stop(), board.stop(), notices.stop()]);
    },
    drain: (deadlineMs) => deliverer.drain(deadlineMs),
  };
}
