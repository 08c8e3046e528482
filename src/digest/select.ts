import type { Store } from '../store/index.js';
import { isoWeeksBetween } from '../time.js';
import type { ChannelProfile, Paper } from '../types.js';
import { normalizeJournal } from './topic-match.js';

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 7;
/** A channel paused for months gets the recent weeks, not a year of backlog (and reads stay bounded). */
const MAX_WINDOW_DAYS = 35;

export interface SelectOptions {
  now: Date;
  /** Overrides the window start (the last digest, or 7 days back), e.g. the demo corpus load time. */
  since?: Date;
}

/**
 * The papers a channel's next digest may show: ingested since its last digest (or in the last
 * 7 days), never delivered to it, not retracted, preprints only when wanted and only while no
 * published version exists, excluded journals removed. Reads the week index for the window
 * only, so the cost follows the window, not the size of the history.
 */
export async function selectCandidates(
  store: Store,
  profile: ChannelProfile,
  options: SelectOptions,
): Promise<Paper[]> {
  const { now } = options;
  const since = windowStart(profile, options);
  const ids = await idsIngestedBetween(store, since, now);
  const fresh = await undelivered(store, profile.channelId, ids);
  const papers = (await store.papers.getMany(fresh)).filter((paper) => {
    const ingested = Date.parse(paper.ingestedAt);
    return ingested >= since.getTime() && ingested <= now.getTime();
  });
  const withPublished = await preferPublishedVersions(store, profile, papers);
  const excluded = excludedJournals(profile);
  return withPublished.filter(
    (paper) =>
      !paper.retracted &&
      (profile.includePreprints || !paper.isPreprint) &&
      !(paper.journal && excluded.has(normalizeJournal(paper.journal))),
  );
}

function windowStart(profile: ChannelProfile, options: SelectOptions): Date {
  if (options.since) return options.since;
  const now = options.now.getTime();
  const requested = profile.lastDigestAt
    ? Date.parse(profile.lastDigestAt)
    : now - DEFAULT_WINDOW_DAYS * DAY_MS;
  return new Date(Math.max(now - MAX_WINDOW_DAYS * DAY_MS, requested));
}

async function idsIngestedBetween(store: Store, since: Date, now: Date): Promise<string[]> {
  const weeks = isoWeeksBetween(since, now);
  const perWeek = await Promise.all(weeks.map((week) => store.papers.idsInWeek(week)));
  return [...new Set(perWeek.flat())];
}

async function undelivered(store: Store, channelId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const delivered = await store.digests.deliveredIn(channelId, ids);
  return ids.filter((_, index) => !delivered[index]);
}

/**
 * A preprint whose journal version is stored is replaced by that version (when the channel
 * has not seen it yet), so the digest shows the peer-reviewed paper.
 */
async function preferPublishedVersions(
  store: Store,
  profile: ChannelProfile,
  papers: Paper[],
): Promise<Paper[]> {
  const present = new Set(papers.map((paper) => paper.id));
  const wanted = [
    ...new Set(
      papers.flatMap((paper) =>
        paper.isPreprint && paper.publishedVersionId && !present.has(paper.publishedVersionId)
          ? [paper.publishedVersionId]
          : [],
      ),
    ),
  ];
  const published = await store.papers.getMany(wanted);
  const stored = new Set([...present, ...published.map((paper) => paper.id)]);
  const fresh = new Set(
    await undelivered(
      store,
      profile.channelId,
      published.map((paper) => paper.id),
    ),
  );
  const kept = papers.filter(
    (paper) => !(paper.isPreprint && paper.publishedVersionId && stored.has(paper.publishedVersionId)),
  );
  return [...kept, ...published.filter((paper) => fresh.has(paper.id))];
}

function excludedJournals(profile: ChannelProfile): Set<string> {
  return new Set(
    profile.topics.flatMap((topic) =>
      topic.kind === 'journal' && topic.exclude ? [normalizeJournal(topic.name)] : [],
    ),
  );
}
