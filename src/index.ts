import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { createBoardRuntime } from './board/runtime.js';
import { type Config, loadConfig } from './config/index.js';
import { buildDigest } from './digest/build.js';
import { withFreshSources } from './digest/fresh-sources.js';
import { isTbdError, userMessageOf } from './errors.js';
import { ingestFeeds } from './ingest/run-feeds.js';
import { withUpdateFlags } from './living/earlier-highlights.js';
import { createSummarizerFactory } from './llm/summarizer.js';
import { createLogger, type Logger } from './log.js';
import { createLiveServices } from './qa/live-services.js';
import { createFeedIngestJob } from './schedule/ingest-job.js';
import { createDigestScheduler } from './schedule/scheduler.js';
import { openLiveIndex } from './search/live-index.js';
import { assertSlackTokens, createSlackApp } from './slack/app.js';
import type { SlackDeps } from './slack/deps.js';
import { subscriptionFromProbe } from './slack/feed-subscription.js';
import { stopGracefully } from './slack/lifecycle.js';
import { createPaperLookup } from './slack/paper-lookup.js';
import { createDigestPoster, type DigestBuilder } from './slack/poster.js';
import { createPosterClient } from './slack/web-client.js';
import { configuredFetchBody, probeFeedUrl } from './sources/index.js';
import { createEutilsClient } from './sources/pubmed/eutils.js';
import { sharedNcbiLimiter } from './sources/rate-limit.js';
import { openStore } from './store/index.js';
import { systemClock } from './time.js';

const ENV_FILE = '.env';

/** `npm start`: the Slack app, its digest scheduler and the periodic feed ingest. */
async function main(): Promise<void> {
  // `cp .env.example .env && npm start`: variables already set in the environment win.
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  const config = loadConfig();
  assertSlackTokens(config);
  const logger = createLogger({ level: config.logLevel });
  const store = await openStore({ dataDir: config.dataDir, redisUrl: config.redisUrl });
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const summarizers = createSummarizerFactory(config, store, logger);
  const paperIndex = await openLiveIndex(store, logger);

  const build: DigestBuilder = withFreshSources(
    async (profile, period, now) =>
      withUpdateFlags(
        store,
        await buildDigest({ store, profile, now, period, summarizer: summarizers(), logger }),
      ),
    {
      store,
      logger,
      ingest: async (feeds) => {
        await ingestFeeds(store, feeds, { config, logger });
        await paperIndex.reload();
      },
    },
  );
  const poster = createDigestPoster({
    client: createPosterClient(config, logger),
    store,
    buildDigest: build,
    logger,
    owner,
  });
  const scheduler = createDigestScheduler({
    store,
    poster,
    logger,
    catchUpGraceHours: config.digest.catchUpGraceHours,
  });
  const ingestJob = createFeedIngestJob({
    store,
    logger,
    ingest: async (feeds) => {
      await ingestFeeds(store, feeds, { config, logger });
      await paperIndex.reload();
    },
  });

  const board = createBoardRuntime({
    config,
    store,
    logger,
    owner,
    client: createPosterClient(config, logger),
    index: () => paperIndex.current(),
    summarizer: summarizers,
    eutils: eutilsFor(config),
    fetchBody: configuredFetchBody(config),
  });

  const live = config.sources.liveLookups ? createLiveServices(config, store, logger) : undefined;
  const deps: SlackDeps = {
    config,
    store,
    logger,
    clock: systemClock,
    poster,
    schedules: scheduler,
    previewDigest: (profile, now) => build(profile, `preview-${now.getTime()}`, now),
    searchPapers: (query, limit) => paperIndex.current().search(query, { limit }),
    summarizePaper: (paper, context) => summarizers().summarize(paper, context),
    findPaper: createPaperLookup({ store, live, logger }),
    live,
    probeFeed: async (url, addedBy) =>
      subscriptionFromProbe(
        await probeFeedUrl(url, { config, fetchBody: configuredFetchBody(config) }),
        addedBy,
        new Date(),
      ),
  };
  const slack = createSlackApp(config, deps);
  const port = await slack.start();
  await scheduler.start();
  ingestJob.start();
  board.start();
  logger.info({ mode: slack.mode, port, store: store.kind, owner }, 'Tumor Board Digest is running');

  onSignals(logger, () =>
    stopGracefully({ jobs: [scheduler, ingestJob, board], slack, poster, store }, logger),
  );
}

function eutilsFor(config: Config) {
  return createEutilsClient({
    config,
    fetchBody: configuredFetchBody(config),
    limiter: sharedNcbiLimiter(config.sources.ncbiApiKey),
    feedId: 'pubmed:lookup',
  });
}

function onSignals(logger: Logger, stop: () => Promise<boolean>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void stop().then((clean) => process.exit(clean ? 0 : 1));
  };
  process.once('SIGTERM', handle);
  process.once('SIGINT', handle);
}

main().catch((error: unknown) => {
  // Startup problems (missing token, unreachable store) are one readable line, not a stack.
  process.stderr.write(`Tumor Board Digest could not start: ${userMessageOf(error)}\n`);
  if (!isTbdError(error)) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
