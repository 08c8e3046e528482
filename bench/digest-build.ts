import { buildDigest } from '../src/digest/build.js';
import { createExtractiveSummarizer } from '../src/digest/extractive.js';
import { silentLogger } from '../src/log.js';
import type { Store } from '../src/store/index.js';
import { isoWeek } from '../src/time.js';
import type { ChannelProfile } from '../src/types.js';
import type { BenchCorpus } from './corpus.js';
import { pick, TOPIC_TERMS } from './generate/vocabulary.js';
import { percentile, round, timed } from './stats.js';
import { countingStore } from './store-reads.js';

export interface DigestBuildFigures {
  papers: number;
  channels: number;
  totalMs: number;
  perDigestP50Ms: number;
  perDigestP99Ms: number;
  /** Store read calls per digest build (mean), and the records those reads asked for. */
  readsPerDigest: number;
  keysReadPerDigest: number;
  itemsPerDigest: number;
}

export interface DigestBuildOptions {
  channels: number;
  now: Date;
}

/** 50 channel profiles with one or two oncology topics each, weekly on Monday morning. */
export function benchChannels(count: number, now: Date): ChannelProfile[] {
  return Array.from({ length: count }, (_, i) => ({
    channelId: `CBENCH${String(i).padStart(3, '0')}`,
    name: `bench-board-${i}`,
    topics: [
      { kind: 'text', query: pick(TOPIC_TERMS, i) },
      { kind: 'text', query: pick(TOPIC_TERMS, i * 7 + 3) },
    ],
    includePreprints: false,
    feeds: [],
    topN: 5,
    schedule: { cron: '0 7 * * 1', timezone: 'UTC' },
    whenEmpty: 'line',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  }));
}

/**
 * Builds every channel's digest over the corpus, counting the store reads each build makes:
 * the reads must follow the selection window, not the size of the history.
 */
export async function runDigestBuildBench(
  corpus: BenchCorpus,
  options: DigestBuildOptions,
): Promise<DigestBuildFigures> {
  const channels = benchChannels(options.channels, options.now);
  for (const profile of channels) await corpus.store.channels.put(profile);
  return { papers: corpus.papers, ...(await buildAll(corpus.store, channels, options.now)) };
}

async function buildAll(store: Store, channels: ChannelProfile[], now: Date) {
  const counting = countingStore(store);
  const durations: number[] = [];
  let reads = 0;
  let keys = 0;
  let items = 0;
  const total = await timed(async () => {
    for (const profile of channels) {
      counting.reset();
      const { result, ms } = await timed(() =>
        buildDigest({
          store: counting.store,
          profile,
          now,
          period: isoWeek(now, profile.schedule?.timezone),
          summarizer: createExtractiveSummarizer(),
          logger: silentLogger,
        }),
      );
      durations.push(ms);
      reads += counting.count.calls;
      keys += counting.count.keys;
      items += result.items.length;
    }
  });
  return {
    channels: channels.length,
    totalMs: round(total.ms, 0),
    perDigestP50Ms: round(percentile(durations, 50)),
    perDigestP99Ms: round(percentile(durations, 99)),
    readsPerDigest: round(reads / channels.length, 1),
    keysReadPerDigest: round(keys / channels.length, 1),
    itemsPerDigest: round(items / channels.length, 1),
  };
}
