import type { Deliverer } from '../delivery/deliverer.js';
import { markRetracted } from '../living/mark-retracted.js';
import { type LivingNotice, noticesOf } from '../living/notices.js';
import type { Logger } from '../log.js';
import type { PaperIndex } from '../search/paper-index.js';
import { renderLivingReply } from '../slack/blocks/living.js';
import { LIVING_NOTICE_NAMESPACE } from '../store/channel-data.js';
import type { DigestRecord, Store } from '../store/index.js';
import type { Paper } from '../types.js';

export interface LivingNoticeDeps {
  store: Store;
  deliverer: Deliverer;
  logger: Logger;
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
 * corrected, or published in a journal. Each reply is a scheduled post of the delivery module,
 * keyed by channel, paper and notice; its record is written after Slack accepted the reply.
 * A paper posted in several digests of a channel is announced in the latest one.
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
  const announced = store.namespace<string>(LIVING_NOTICE_NAMESPACE);
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
      const outcome = await deps.deliverer.deliver(noticeJob(deps, { records, record, paper, notice, key }));
      if (outcome.status === 'failed') throw outcome.error;
      if (outcome.status !== 'posted') continue;
      replies.push({ channelId, digestId: record.digest.id, paperId: paper.id, kind: notice.kind });
    }
  }
  return replies;
}

interface NoticeTarget {
  /** The channel's posted digests, newest first. */
  records: DigestRecord[];
  /** The latest of them that carried the paper: the notice replies in its thread. */
  record: DigestRecord;
  paper: Paper;
  notice: LivingNotice;
  key: string;
}

function noticeJob(deps: LivingNoticeDeps, { records, record, paper, notice, key }: NoticeTarget) {
  const posted = record.posted as NonNullable<DigestRecord['posted']>;
  const announced = deps.store.namespace<string>(LIVING_NOTICE_NAMESPACE);
  return {
    kind: 'notice' as const,
    postId: key,
    channelId: posted.channelId,
    threadTs: posted.ts,
    isDone: () => announced.has(key),
    async prepare() {
      const postedOn = new Date(posted.postedAt).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      });
      return { messages: [renderLivingReply(notice, paper, postedOn)] };
    },
    async record() {
      // Before the notice's own record, so a crash in between marks the digests on the next run.
      if (notice.kind === 'retraction') await markEverywhere(deps, records, paper);
      await announced.set(key, deps.now().toISOString());
      deps.logger.info(
        { channel: posted.channelId, paperId: paper.id, notice: notice.kind },
        'living digest notice posted',
      );
    },
  };
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
