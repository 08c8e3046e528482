import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTopic } from '../src/digest/profile.js';
import { rankPapers } from '../src/digest/rank.js';
import { SPECIALTY_STARTERS } from '../src/digest/specialty-starters.js';
import { loadDemoCorpus } from '../src/ingest/demo-corpus.js';
import { createLogger } from '../src/log.js';
import { openStore } from '../src/store/index.js';
import type { Paper } from '../src/types.js';
import { round } from './stats.js';

const DEV_SET = fileURLToPath(new URL('./relevance/dev-set.json', import.meta.url));
const TOP = 5;

const devSetSchema = z.object({
  specialties: z.record(z.string(), z.array(z.string())),
  channels: z.array(
    z.object({
      half: z.enum(['tune', 'held']),
      specialty: z.string(),
      name: z.string(),
      topics: z.array(z.string()),
    }),
  ),
});

export interface ChannelFigure {
  name: string;
  half: 'tune' | 'held' | 'starter';
  shown: number;
  onTopic: number;
  precisionAt5: number;
  /** Titles shown that the judgments do not list, to read when a figure drops. */
  offTopic: string[];
}

export interface RelevanceFigures {
  tune: { meanPrecisionAt5: number; minPrecisionAt5: number; channels: number };
  held: { meanPrecisionAt5: number; minPrecisionAt5: number; channels: number };
  /** The specialty starters (`/lit setup`), judged with the same lists. */
  starters: { meanPrecisionAt5: number; minPrecisionAt5: number; channels: number };
  channels: ChannelFigure[];
}

/**
 * Precision@5 of the digest ranking over the demo corpus for the dev set's channels: each
 * channel's top five papers (or fewer, when fewer pass the minimum relevance) judged against
 * the set's on-topic list. An empty digest scores 0. Both halves are reported; only "tune" was
 * looked at while the matcher was tuned.
 */
export async function runRelevanceBench(papers?: Paper[]): Promise<RelevanceFigures> {
  const devSet = devSetSchema.parse(JSON.parse(readFileSync(DEV_SET, 'utf8')));
  const corpus = papers ?? (await demoPapers());
  const now = new Date();
  const starters = SPECIALTY_STARTERS.map((starter) => ({
    half: 'starter' as const,
    specialty: starter.id,
    name: `setup ${starter.id}`,
    topics: starter.topics,
  }));
  const channels = [...devSet.channels, ...starters].map((channel): ChannelFigure => {
    const judged = new Set(devSet.specialties[channel.specialty] ?? []);
    const ranked = rankPapers(corpus, { topics: channel.topics.map(parseTopic) }, { now }).slice(0, TOP);
    const onTopic = ranked.filter((entry) => judged.has(entry.paper.id)).length;
    return {
      name: channel.name,
      half: channel.half,
      shown: ranked.length,
      onTopic,
      precisionAt5: ranked.length === 0 ? 0 : round(onTopic / ranked.length, 2),
      offTopic: ranked
        .filter((entry) => !judged.has(entry.paper.id))
        .map((entry) => entry.paper.title.slice(0, 90)),
    };
  });
  return {
    tune: summary(channels, 'tune'),
    held: summary(channels, 'held'),
    starters: summary(channels, 'starter'),
    channels,
  };
}

function summary(channels: ChannelFigure[], half: ChannelFigure['half']) {
  const values = channels.filter((channel) => channel.half === half).map((channel) => channel.precisionAt5);
  return {
    meanPrecisionAt5: round(values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length), 3),
    minPrecisionAt5: Math.min(...values),
    channels: values.length,
  };
}

async function demoPapers(): Promise<Paper[]> {
  const store = await openStore({ memory: true });
  await loadDemoCorpus(store, { now: new Date(), logger: createLogger({ level: 'silent' }) });
  const papers: Paper[] = [];
  for await (const paper of store.papers.all()) papers.push(paper);
  await store.close();
  return papers;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await runRelevanceBench();
  for (const channel of figures.channels) {
    process.stdout.write(`${channel.half} ${channel.name}: ${channel.onTopic}/${channel.shown}\n`);
    for (const title of channel.offTopic) process.stdout.write(`    off: ${title}\n`);
  }
  process.stdout.write(
    `tune ${JSON.stringify(figures.tune)}\nheld ${JSON.stringify(figures.held)}\nstarters ${JSON.stringify(figures.starters)}\n`,
  );
}
