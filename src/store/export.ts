import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import type { ChannelProfile, FeedHealth, Paper } from '../types.js';
import { type ChannelRecord, channelRecords, restoreChannelRecords } from './channel-data.js';
import type { FeedCursor } from './feeds.js';
import type { DigestRecord, Store } from './index.js';

/**
 * A portable backup of everything a team configured and everything the app posted:
 * channel profiles (topics, feeds, schedule), digest history with the Slack message each
 * went out as, thread links, each channel's own records (board agenda and meeting time,
 * relevance votes, skipped empty weeks, notices posted), and feed health and cursors. Papers
 * are optional: the corpus can be re-ingested, the history cannot. Not carried: caches (model
 * answers, trials, embeddings) and thread memory, which expires after THREAD_MEMORY_DAYS.
 */

export const SNAPSHOT_FORMAT = 'tbdigest-export';
/** Version 2 added `channelRecords`; version 1 files still import. */
export const SNAPSHOT_VERSION = 2;

export interface ThreadLink {
  channelId: string;
  ts: string;
  digestId: string;
}

export interface FeedState {
  feedId: string;
  cursor?: FeedCursor;
  health?: FeedHealth;
}

export interface StoreSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: 1 | typeof SNAPSHOT_VERSION;
  exportedAt: string;
  channels: ChannelProfile[];
  /** Agendas, votes, notices… of the exported channels (and of boards without a profile). */
  channelRecords?: ChannelRecord[];
  /** Per channel in posting order, so the imported history keeps its order. */
  digests: DigestRecord[];
  threads: ThreadLink[];
  feeds: FeedState[];
  lastIngestAt?: string;
  papers?: Paper[];
}

export interface ExportOptions {
  includePapers?: boolean;
  now?: () => Date;
}

export async function exportStore(store: Store, options: ExportOptions = {}): Promise<StoreSnapshot> {
  const channels = await store.channels.all();
  const digests: DigestRecord[] = [];
  for (const channel of channels) {
    for (const id of await store.digests.idsForChannel(channel.channelId)) {
      const record = await store.digests.get(id);
      if (record) digests.push(record);
    }
  }
  const threads: ThreadLink[] = [];
  for await (const link of store.digests.threadLinks()) threads.push(link);
  threads.sort((a, b) => a.channelId.localeCompare(b.channelId) || a.ts.localeCompare(b.ts));

  const boards = (await store.namespace<string[]>('board-channels').get('all')) ?? [];
  const channelIds = [...new Set([...channels.map((channel) => channel.channelId), ...boards])];
  const snapshot: StoreSnapshot = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    channels,
    channelRecords: await channelRecords(store, channelIds),
    digests,
    threads,
    feeds: await feedStates(store),
    lastIngestAt: await store.feeds.lastIngestAt(),
  };
  if (options.includePapers) snapshot.papers = await allPapers(store);
  return snapshot;
}

export interface ImportSummary {
  channels: number;
  channelRecords: number;
  digests: number;
  threads: number;
  feeds: number;
  papers: number;
}

/**
 * Writes a snapshot into a store. Every write is an upsert by id, so importing the same
 * file twice, or into a store that already holds part of it, changes nothing the second time.
 */
export async function importStore(store: Store, input: unknown): Promise<ImportSummary> {
  const snapshot = parseSnapshot(input);
  for (const channel of snapshot.channels) await store.channels.put(channel);
  for (const record of snapshot.digests) {
    const { posted, ...unposted } = record;
    await store.digests.save(unposted);
    // markPosted rebuilds the thread link and the delivered marks exactly as a live post does.
    if (posted) await store.digests.markPosted(record.digest.id, posted);
  }
  for (const link of snapshot.threads) await store.digests.mapThread(link.channelId, link.ts, link.digestId);
  for (const feed of snapshot.feeds) {
    if (feed.cursor) await store.feeds.setCursor(feed.feedId, feed.cursor);
    if (feed.health) await store.feeds.setHealth(feed.health);
  }
  await restoreChannelRecords(store, snapshot.channelRecords ?? []);
  if (snapshot.lastIngestAt) await store.feeds.setLastIngestAt(snapshot.lastIngestAt);
  for (const paper of snapshot.papers ?? [])
    await store.papers.put(paper, { pmid: paper.pmid, doi: paper.doi });
  return {
    channels: snapshot.channels.length,
    channelRecords: snapshot.channelRecords?.length ?? 0,
    digests: snapshot.digests.length,
    threads: snapshot.threads.length,
    feeds: snapshot.feeds.length,
    papers: snapshot.papers?.length ?? 0,
  };
}

async function feedStates(store: Store): Promise<FeedState[]> {
  const byId = new Map<string, FeedState>();
  for await (const [feedId, cursor] of store.feeds.cursorEntries()) byId.set(feedId, { feedId, cursor });
  for await (const health of store.feeds.healthRecords()) {
    byId.set(health.feedId, { ...(byId.get(health.feedId) ?? { feedId: health.feedId }), health });
  }
  return [...byId.values()].sort((a, b) => a.feedId.localeCompare(b.feedId));
}

async function allPapers(store: Store): Promise<Paper[]> {
  const papers: Paper[] = [];
  for await (const paper of store.papers.all()) papers.push(paper);
  return papers;
}

const isoTime = z.string().min(1);

const channelSchema = z.looseObject({
  channelId: z.string().min(1),
  name: z.string(),
  topics: z.array(z.looseObject({ kind: z.string() })),
  feeds: z.array(z.looseObject({ id: z.string().min(1), kind: z.string(), target: z.string() })),
  topN: z.number(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

const digestRecordSchema = z.looseObject({
  digest: z.looseObject({
    id: z.string().min(1),
    channelId: z.string().min(1),
    period: z.string().min(1),
    generatedAt: isoTime,
    items: z.array(z.looseObject({ paperId: z.string().min(1), title: z.string() })),
  }),
  posted: z
    .looseObject({ channelId: z.string().min(1), ts: z.string().min(1), postedAt: isoTime })
    .optional(),
});

const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.union([z.literal(1), z.literal(SNAPSHOT_VERSION)]),
  exportedAt: isoTime,
  channels: z.array(channelSchema),
  channelRecords: z
    .array(z.object({ namespace: z.string().min(1), id: z.string().min(1), value: z.unknown() }))
    .optional(),
  digests: z.array(digestRecordSchema),
  threads: z.array(
    z.object({ channelId: z.string().min(1), ts: z.string().min(1), digestId: z.string().min(1) }),
  ),
  feeds: z.array(
    z.object({
      feedId: z.string().min(1),
      cursor: z.looseObject({}).optional(),
      health: z.looseObject({ feedId: z.string().min(1), consecutiveFailures: z.number() }).optional(),
    }),
  ),
  lastIngestAt: isoTime.optional(),
  papers: z
    .array(z.looseObject({ id: z.string().min(1), title: z.string(), ingestedAt: isoTime }))
    .optional(),
});

/** Checks the shape of a snapshot file; the error names the first bad field. */
export function parseSnapshot(input: unknown): StoreSnapshot {
  const parsed = snapshotSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the file';
    throw new InvalidInputError(
      `This is not a tbdigest export (problem at ${where}: ${issue?.message ?? 'unreadable'}).`,
      'tbdigest import backup.json, where backup.json came from tbdigest export --out backup.json',
    );
  }
  // The schema checked the fields the import relies on; the rest is the app's own output.
  return parsed.data as unknown as StoreSnapshot;
}
