import type { Config } from '../src/config/index.js';
import { createDeliveryClient } from '../src/delivery/client.js';
import { createDeliverer } from '../src/delivery/deliverer.js';
import { buildDigest } from '../src/digest/build.js';
import { createExtractiveSummarizer } from '../src/digest/extractive.js';
import { InvalidInputError } from '../src/errors.js';
import type { Logger } from '../src/log.js';
import { createDigestPoster } from '../src/schedule/digest-poster.js';
import { openServingIndex } from '../src/search/paper-index.js';
import type { SlackDeps } from '../src/slack/deps.js';
import type { Store } from '../src/store/index.js';
import { systemClock } from '../src/time.js';

/**
 * The Slack app's dependencies wired to the real domain modules with the extractive
 * summarizer (no LLM), search as in `src/index.ts`: what the benchmarks
 * and fault tests drive. Adding feeds is the one
 * thing left out, because it needs the network.
 */
export async function benchSlackDeps(config: Config, store: Store, logger: Logger): Promise<SlackDeps> {
  const index = await openServingIndex(store, { logger });
  // The bench times a serving app, not one still warming up.
  await index.ready();
  const deliverer = createDeliverer({
    client: createDeliveryClient({ botToken: config.slack.botToken, slackApiUrl: config.slack.apiUrl }),
    store,
    logger,
    owner: `bench-${process.pid}`,
  });
  const build = (profile: Parameters<SlackDeps['previewDigest']>[0], period: string, now: Date) =>
    buildDigest({ store, profile, now, period, summarizer: createExtractiveSummarizer(), logger });
  return {
    config,
    store,
    logger,
    clock: systemClock,
    poster: createDigestPoster({ deliverer, store, buildDigest: build, logger }),
    schedules: { reschedule: async () => undefined },
    previewDigest: (profile, now) => build(profile, `preview-${now.getTime()}`, now),
    searchPapers: (query, limit) => index.search(query, { limit }),
    termCounts: index,
    summarizePaper: async (paper, context) => createExtractiveSummarizer().summarize(paper, context),
    findPaper: async (reference) => {
      if (reference.kind !== 'pmid' && reference.kind !== 'doi') return undefined;
      const id = await store.papers.findId({ [reference.kind]: reference.value });
      return id ? store.papers.get(id) : undefined;
    },
    probeFeed: async () => {
      throw new InvalidInputError('Adding feeds is not part of the benchmark.');
    },
  };
}
