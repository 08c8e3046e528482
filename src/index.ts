import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { type Config, loadConfig } from './config/index.js';
import { createDeliveryClient } from './delivery/client.js';
import { buildDigest } from './digest/build.js';
import { withFreshSources } from './digest/fresh-sources.js';
import { isTbdError, userMessageOf } from './errors.js';
import { ingestFeeds } from './ingest/run-feeds.js';
import { stopGracefully } from './lifecycle.js';
import { withUpdateFlags } from './living/earlier-highlights.js';
import { createLlmClient } from './llm/client.js';
import { createSummarizerFactory } from './llm/summarizer.js';
import { createLogger, type Logger } from './log.js';
import { meteredLlmClient } from './metrics/metered-llm.js';
import { createMetrics } from './metrics/metrics.js';
import { preparePhiGuard } from './privacy/index.js';
import { createLiveServices } from './qa/live-services.js';
import type { DigestBuilder } from './schedule/digest-poster.js';
import { unionOfFeeds } from './schedule/ingest-job.js';
import { createScheduledJobs } from './schedule/jobs.js';
import { openServingIndex } from './search/paper-index.js';
import { assertSlackTokens, createSlackApp } from './slack/app.js';
import { boltLogger } from './slack/bolt-logger.js';
import type { SlackDeps } from './slack/deps.js';
import { subscriptionFromProbe } from './slack/feed-subscription.js';
import { createPaperLookup } from './slack/paper-lookup.js';
import { configuredFetchBody, probeFeedUrl } from './sources/index.js';
import { createEutilsClient } from './sources/pubmed/eutils.js';
import { sharedNcbiLimiter } from './sources/rate-limit.js';
import { openStore } from './store/index.js';
import { systemClock } from './time.js';
import { preloadVocabulary } from './vocabulary/index.js';

const ENV_FILE = '.env';

/**
 * Signals are handled before anything else happens: a SIGTERM during start-up stops the app as
 * soon as what it opened can be closed, and never lets a scheduled post begin. A second signal
 * (npm, a wrapper or an impatient operator sending it again) is ignored: the first stop runs to
 * its deadline.
 */
const shutdown = {
  signal: undefined as NodeJS.Signals | undefined,
  stop: undefined as (() => Promise<boolean>) | undefined,
  logger: undefined as Logger | undefined,
};

function onSignal(signal: NodeJS.Signals): void {
  if (shutdown.signal) {
    shutdown.logger?.warn({ signal }, 'already shutting down; signal ignored');
    return;
  }
  shutdown.signal = signal;
  shutdown.logger?.info({ signal }, 'shutting down');
  if (shutdown.stop) stopAndExit(shutdown.stop);
}

function stopAndExit(stop: () => Promise<boolean>): void {
  void stop().then(
    (clean) => process.exit(clean ? 0 : 1),
    () => process.exit(1),
  );
}

process.on('SIGTERM', onSignal);
process.on('SIGINT', onSignal);

/** `npm start`: the Slack app, its scheduled posts and the periodic feed ingest. */
async function main(): Promise<void> {
  // `cp .env.example .env && npm start`: variables already set in the environment win.
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  const config = loadConfig();
  assertSlackTokens(config);
  const logger = createLogger({ level: config.logLevel });
  shutdown.logger = logger;
  const store = await openStore({ dataDir: config.dataDir, redisUrl: config.redisUrl });
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const metrics = createMetrics({
    prices: config.llm,
    feedHealth: async () => {
      const feeds = unionOfFeeds(await store.channels.all());
      const health = await Promise.all(feeds.map((feed) => store.feeds.getHealth(feed.id)));
      return health.filter((entry) => entry !== undefined);
    },
  });
  // One model client for digests, briefs and Q&A, so LLM_CONCURRENCY bounds them together.
  const unmetered = createLlmClient(config, store, logger);
  const llm = unmetered ? meteredLlmClient(unmetered, metrics.llmCall) : undefined;
  const summarizers = createSummarizerFactory(config, store, logger, { client: llm ?? null });
  const paperIndex = await openServingIndex(store, { logger });
  preloadVocabulary();

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
        await paperIndex.sync();
      },
    },
  );
  const jobs = createScheduledJobs({
    config,
    store,
    logger,
    owner,
    client: createDeliveryClient({
      botToken: config.slack.botToken,
      slackApiUrl: config.slack.apiUrl,
      logger: boltLogger(logger),
    }),
    buildDigest: build,
    ingest: async (feeds) => {
      await ingestFeeds(store, feeds, { config, logger });
      await paperIndex.sync();
    },
    index: () => paperIndex,
    summarizer: summarizers,
    eutils: eutilsFor(config),
    fetchBody: configuredFetchBody(config),
    onDelivery: metrics.delivery,
  });

  const live = config.sources.liveLookups ? createLiveServices(config, store, logger) : undefined;
  const deps: SlackDeps = {
    config,
    store,
    logger,
    clock: systemClock,
    poster: jobs.poster,
    schedules: jobs.scheduler,
    previewDigest: (profile, now) => build(profile, `preview-${now.getTime()}`, now),
    searchPapers: (query, limit) => paperIndex.search(query, { limit }),
    termCounts: paperIndex,
    summarizePaper: (paper, context) => summarizers().summarize(paper, context),
    findPaper: createPaperLookup({ store, live, logger }),
    live,
    probeFeed: async (url, addedBy) =>
      subscriptionFromProbe(
        await probeFeedUrl(url, { config, fetchBody: configuredFetchBody(config) }),
        addedBy,
        new Date(),
      ),
    llm: llm ?? null,
    metrics,
  };
  preparePhiGuard();
  const slack = createSlackApp(config, deps);
  const port = await slack.start();
  // The index's own SQLite file closes before the store whose change log it follows.
  const closeAll = {
    close: async () => {
      await paperIndex.close();
      await store.close();
    },
  };
  const stop = () => stopGracefully({ jobs, slack, store: closeAll }, logger, config.delivery.drainMs);
  shutdown.stop = stop;
  if (shutdown.signal) {
    stopAndExit(stop);
    return;
  }
  logger.info({ mode: slack.mode, port, store: store.kind, owner }, 'Tumor Board Digest is running');
  await jobs.start();
}

function eutilsFor(config: Config) {
  return createEutilsClient({
    config,
    fetchBody: configuredFetchBody(config),
    limiter: sharedNcbiLimiter(config.sources.ncbiApiKey),
    feedId: 'pubmed:lookup',
  });
}

main().catch((error: unknown) => {
  // Startup problems (missing token, unreachable store) are one readable line, not a stack.
  process.stderr.write(`Tumor Board Digest could not start: ${userMessageOf(error)}\n`);
  if (!isTbdError(error)) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
