import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import type { ChannelProfile, Digest, DigestItem } from '../types.js';
import { loadFeedback } from './feedback.js';
import { digestItemOf } from './item.js';
import { type RankedPaper, rankPapers } from './rank.js';
import { selectCandidates } from './select.js';
import type { DigestSummarizer, SummaryContext } from './summarizer.js';

export interface BuildDigestOptions {
  store: Store;
  profile: ChannelProfile;
  now: Date;
  /** The ISO week in the channel's zone (see `digestPeriod`) or "preview-<timestamp>". */
  period: string;
  summarizer: DigestSummarizer;
  logger: Logger;
  /** Overrides the selection window start (the last digest, or 7 days back). */
  since?: Date;
}

/**
 * Builds what a channel's digest would say now. Reads only: nothing is marked delivered here
 * (the poster does that after Slack confirms), so previews can run any number of times.
 */
export async function buildDigest(options: BuildDigestOptions): Promise<Digest> {
  const { store, profile, now, period, summarizer, logger } = options;
  const log = logger.child({ channel: profile.channelId, period });
  const candidates = await selectCandidates(store, profile, { now, since: options.since });
  const feedback = await loadFeedback(store, profile.channelId);
  const [relevant, notRelevant] = await Promise.all([
    store.papers.getMany(feedback.relevant),
    store.papers.getMany(feedback.notRelevant),
  ]);
  const ranked = rankPapers(candidates, profile, { now, feedback: { relevant, notRelevant } });
  const context: SummaryContext = { channelName: profile.name, topics: profile.topics };
  const items = await summarizeTop(ranked, profile.topN, summarizer, context, log);
  const intro = items.length > 0 ? await summarizer.intro(items, context) : '';
  log.info({ candidates: candidates.length, matching: ranked.length, items: items.length }, 'digest built');
  return {
    id: `${profile.channelId}:${period}`,
    channelId: profile.channelId,
    period,
    generatedAt: now.toISOString(),
    intro,
    items,
    candidateCount: ranked.length,
    usage: summarizer.usage(),
  };
}

/**
 * Summarizes the best papers in rank order; a paper whose summary fails is logged and the
 * next one takes its place, so one bad record never empties a digest.
 */
async function summarizeTop(
  ranked: RankedPaper[],
  topN: number,
  summarizer: DigestSummarizer,
  context: SummaryContext,
  log: Logger,
): Promise<DigestItem[]> {
  const items: DigestItem[] = [];
  let next = 0;
  while (items.length < topN && next < ranked.length) {
    const batch = ranked.slice(next, next + topN - items.length);
    next += batch.length;
    const settled = await Promise.allSettled(
      batch.map((entry) => summarizer.summarize(entry.paper, context)),
    );
    settled.forEach((result, index) => {
      const entry = batch[index] as RankedPaper;
      if (result.status === 'fulfilled')
        items.push(digestItemOf(entry.paper, result.value, Math.round(entry.score * 1000) / 1000));
      else log.warn({ paperId: entry.paper.id, err: result.reason }, 'summary failed; paper skipped');
    });
  }
  return items;
}
