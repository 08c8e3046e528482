import cron, { type ScheduledTask } from 'node-cron';
import type { Config } from '../config/index.js';
import type { DigestSummarizer } from '../digest/summarizer.js';
import { runLivingNotices } from '../living/notice-job.js';
import type { Logger } from '../log.js';
import type { PaperIndex } from '../search/paper-index.js';
import type { SlackClient } from '../slack/web-client.js';
import { findRecruitingTrials, type RecruitingTrial } from '../sources/clinicaltrials.js';
import type { FetchBody } from '../sources/http.js';
import type { EutilsClient } from '../sources/pubmed/eutils.js';
import type { Store } from '../store/index.js';
import { AgendaStore } from './agenda.js';
import { buildBrief } from './brief.js';
import { type BoardJobResult, runBoardDuties } from './brief-job.js';
import { createBriefPoster } from './brief-poster.js';
import { createBoardPubmedSearch } from './live-pubmed.js';

/** Often enough that a brief posts within minutes of its lead time; cheap when nothing is due. */
const SWEEP_CRON = '*/5 * * * *';
const LOCK_KEY = 'board:sweep';
const LEASE_MS = 4 * 60_000;

export interface BoardRuntimeOptions {
  config: Config;
  store: Store;
  logger: Logger;
  /** Unique per process: the lease owner. */
  owner: string;
  /** A background client (may wait out 429s): nobody is waiting on a brief post. */
  client: SlackClient;
  /** The current search index (it is rebuilt after each ingest). */
  index: () => PaperIndex;
  summarizer: () => DigestSummarizer;
  eutils: EutilsClient;
  fetchBody: FetchBody;
  now?: () => Date;
}

export interface BoardRuntime {
  start(): void;
  /** One sweep: due briefs, cleared agendas, then living-digest notices for every channel. */
  runOnce(): Promise<BoardJobResult[]>;
  stop(): Promise<void>;
}

/** The board briefs and living-digest notices, swept every five minutes by one replica at a time. */
export function createBoardRuntime(options: BoardRuntimeOptions): BoardRuntime {
  const { config, store, logger, owner, client } = options;
  const now = options.now ?? (() => new Date());
  const agendas = new AgendaStore(store, now);
  const searchPubmed = createBoardPubmedSearch(options.eutils, now);
  const trialsCache = store.namespace<RecruitingTrial[]>('trials');
  const postBrief = createBriefPoster({ client, store, logger, owner, now });
  let task: ScheduledTask | undefined;

  async function runOnce(): Promise<BoardJobResult[]> {
    if (!(await store.locks.acquire(LOCK_KEY, owner, LEASE_MS))) return [];
    try {
      const results = await runBoardDuties(
        {
          agendas,
          leadHours: config.board.briefLeadHours,
          logger,
          postBrief,
          buildBrief: (input) =>
            buildBrief(input, {
              corpus: options.index(),
              summarizer: options.summarizer(),
              searchPubmed,
              findTrials: (query) =>
                findRecruitingTrials(query, {
                  baseUrl: config.sources.clinicalTrialsUrl,
                  fetch: options.fetchBody,
                  cache: trialsCache,
                }),
              logger,
            }),
        },
        now(),
      );
      const channels = [...new Set([...(await store.channels.ids()), ...(await agendas.channelIds())])];
      await runLivingNotices({ store, client, logger, owner, now, index: options.index() }, channels);
      return results;
    } finally {
      await store.locks.release(LOCK_KEY, owner);
    }
  }

  return {
    start() {
      task = cron.schedule(SWEEP_CRON, () => runOnce().then(() => undefined), {
        name: 'board-sweep',
        noOverlap: true,
      });
    },
    runOnce,
    async stop() {
      await task?.destroy();
    },
  };
}
