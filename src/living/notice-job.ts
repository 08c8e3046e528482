import type { Logger } from '../log.js';
import type { PaperIndex } from '../search/paper-index.js';
import { renderLivingReply } from '../slack/blocks/living.js';
import { postWithRetries } from '../slack/post-with-retries.js';
import type { SlackClient } from '../slack/web-client.js';
import type { DigestRecord, Store } from '../store/index.js';
import type { Paper } from '../types.js';
import { markRetracted } from './mark-retracted.js';
import { type LivingNotice, noticesOf } from './notices.js';

const LEASE_MS = 5 * 60_000;

export interface LivingNoticeDeps {
  store: Store;
  client: SlackClient;
  logger: Logger;
  /** Unique per process: the lease owner. */
  owner: string;
  now: () => Date;
  /** The in-memory search index, refreshed so a retracted paper leaves free-text results. */
  index?: Pick<PaperIndex, 'add'>;
}

export interface NoticeReply {
  channelId: string;
  digestId: string;
  paperId: string;
  kind: LivingNotice['kind'];
}

/**
 * Replies once in a digest's thread for each paper it posted that was since retracted,
 * corrected, or published in a journal. "Once" is a store record per channel, paper and
 * notice, written after Slack accepted the reply, under a lease so two replicas never both
 * post it. A paper posted in several digests of a channel is announced in the latest one.
 */
export async function runLivingNotices(deps: LivingNoticeDeps, channelIds: string[]): Promise<NoticeReply[]> {
  const replies: NoticeReply[] = [];
  for (const channelId of channelIds) {
    try {
      replies.push(...(await channelNotices(deps, channelId)));
    } catch (error) {
      deps.logger.error({ err: error, channel: channelId }, 'living digest notices failed for a channel');
    }
  }
  return replies;
}

async function channelNotices(deps: LivingNoticeDeps, channelId: string): Promise<NoticeReply[]> {
  const { store } = deps;
  const announced = store.namespace<string>('living-notice');
  const records = (
    await Promise.all((await store.digests.idsForChannel(channelId)).map((id) => store.digests.get(id)))
  )
    .filter((record): record is DigestRecord => Boolean(record?.posted))
    .reverse();
  const latestRecordOf = new Map<string, DigestRecord>();
  for (const record of records) {
    for (const item of record.digest.items)
      if (!latestRecordOf.has(item.paperId)) latestRecordOf.set(item.paperId, record);
  }
  const papers = await store.papers.getMany([...latestRecordOf.keys()]);
  const replies: NoticeReply[] = [];
  for (const paper of papers) {
    const record = latestRecordOf.get(paper.id) as DigestRecord;
    const published = paper.publishedVersionId ? await store.papers.get(paper.publishedVersionId) : undefined;
    for (const notice of noticesOf(paper, published)) {
      const key = `${channelId}:${notice.key}`;
      if (await announced.has(key)) continue;
      if (!(await store.locks.acquire(`living:${key}`, deps.owner, LEASE_MS))) continue;
      try {
        if (await announced.has(key)) continue;
        await reply(deps, record, paper, notice);
        await announced.set(key, deps.now().toISOString());
        if (notice.kind === 'retraction') await markEverywhere(deps, records, paper);
        replies.push({ channelId, digestId: record.digest.id, paperId: paper.id, kind: notice.kind });
      } finally {
        await store.locks.release(`living:${key}`, deps.owner);
      }
    }
  }
  return replies;
}

async function reply(
  deps: LivingNoticeDeps,
  record: DigestRecord,
  paper: Paper,
  notice: LivingNotice,
): Promise<void> {
  const posted = record.posted as NonNullable<DigestRecord['posted']>;
  const postedOn = new Date(posted.postedAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const message = renderLivingReply(notice, paper, postedOn);
  await postWithRetries(deps.client, {
    channel: posted.channelId,
    thread_ts: posted.ts,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  deps.logger.info(
    { channel: posted.channelId, paperId: paper.id, notice: notice.kind },
    'living digest notice posted',
  );
}

/** Marks the retracted paper in every stored digest of the channel, and in the search index. */
async function markEverywhere(deps: LivingNoticeDeps, records: DigestRecord[], paper: Paper): Promise<void> {
  for (const record of records) {
    if (!record.digest.items.some((item) => item.paperId === paper.id)) continue;
    const current = (await deps.store.digests.get(record.digest.id)) ?? record;
    await deps.store.digests.save({ ...current, digest: markRetracted(current.digest, paper.id) });
  }
  deps.index?.add(paper);
}
