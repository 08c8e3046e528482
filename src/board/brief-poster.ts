import { digestItemOf } from '../digest/item.js';
import type { Logger } from '../log.js';
import { renderBriefBlocks } from '../slack/blocks/brief.js';
import { ChannelPacer } from '../slack/pacer.js';
import { postWithRetries } from '../slack/post-with-retries.js';
import { digestMetadata, findPostedDigest, slackTsOf } from '../slack/posted-digest-lookup.js';
import type { SlackClient } from '../slack/web-client.js';
import type { Store } from '../store/index.js';
import { dedupeKeys } from '../text/index.js';
import type { Digest, DigestItem } from '../types.js';
import type { Brief } from './brief.js';

const LEASE_MS = 15 * 60_000;
/** Replicas' clocks may disagree; look a little before the brief was built. */
const CLOCK_SKEW_MS = 10 * 60_000;

export type BriefOutcome =
  | { status: 'posted'; briefId: string; ts: string }
  | { status: 'already-posted'; briefId: string; ts?: string }
  | { status: 'claimed-elsewhere'; briefId: string };

export interface BriefPosterOptions {
  client: SlackClient;
  store: Store;
  logger: Logger;
  /** Unique per process: the lease owner. */
  owner: string;
  now: () => Date;
  pacer?: ChannelPacer;
}

/**
 * Posts a board brief exactly once per (channel, meeting date), the way digests are posted: a
 * store lease on the id, the record saved before posting, the message carrying the id as
 * metadata so a successor finds it after a crash. The stored record keeps the papers (for
 * thread Q&A and living notices) but not the case lines, which live only in Slack.
 */
export function createBriefPoster(options: BriefPosterOptions) {
  const { client, store, owner } = options;
  const pacer = options.pacer ?? new ChannelPacer();

  return async function postBrief(
    briefId: string,
    channelId: string,
    timeZone: string,
    build: () => Promise<Brief>,
  ): Promise<BriefOutcome> {
    const log = options.logger.child({ channel: channelId, briefId });
    const earlier = await store.digests.get(briefId);
    if (earlier?.posted) return { status: 'already-posted', briefId, ts: earlier.posted.ts };
    const lock = `brief:${briefId}`;
    if (!(await store.locks.acquire(lock, owner, LEASE_MS))) return { status: 'claimed-elsewhere', briefId };
    try {
      if (earlier) {
        const since = new Date(new Date(earlier.digest.generatedAt).getTime() - CLOCK_SKEW_MS).toISOString();
        const ts = await findPostedDigest(client, channelId, briefId, slackTsOf(since));
        if (ts) {
          log.warn({ ts }, 'brief was already in the channel; recording it instead of posting again');
          await record(earlier.digest, channelId, [ts]);
          return { status: 'already-posted', briefId, ts };
        }
      }
      const brief = await build();
      const digest = briefDigest(brief);
      await storeLivePapers(brief);
      await store.digests.save({ digest });
      const rendered = renderBriefBlocks(brief, timeZone);
      const tss: string[] = [];
      const since = slackTsOf(new Date(options.now().getTime() - CLOCK_SKEW_MS).toISOString());
      for (const [index, blocks] of rendered.messages.entries()) {
        await pacer.wait(channelId);
        const ts = await postWithRetries(
          client,
          {
            channel: channelId,
            text: index === 0 ? rendered.text : 'Tumor board prep (continued)',
            blocks,
            unfurl_links: false,
            unfurl_media: false,
            ...(index === 0 ? { metadata: digestMetadata(briefId) } : { thread_ts: tss[0] }),
          },
          index === 0 ? { findPosted: () => findPostedDigest(client, channelId, briefId, since) } : {},
        );
        tss.push(ts);
      }
      await record(digest, channelId, tss);
      log.info({ cases: brief.cases.length, messages: tss.length }, 'board brief posted');
      return { status: 'posted', briefId, ts: tss[0] as string };
    } finally {
      await store.locks.release(lock, owner);
    }
  };

  /** Papers found by the live PubMed search are stored, so Q&A in the brief's thread can quote them. */
  async function storeLivePapers(brief: Brief): Promise<void> {
    for (const entry of brief.cases) {
      for (const item of entry.papers) {
        if (item.origin !== 'pubmed') continue;
        const keys = dedupeKeys(item.paper);
        if (!(await store.papers.findId(keys))) await store.papers.put(item.paper, keys);
      }
    }
  }

  async function record(digest: Digest, channelId: string, tss: string[]): Promise<void> {
    const [ts, overflowTs] = tss as [string, ...string[]];
    await store.digests.save({
      digest,
      posted: { channelId, ts, overflowTs, postedAt: options.now().toISOString() },
    });
    for (const threadTs of tss) await store.digests.mapThread(channelId, threadTs, digest.id);
  }
}

/** The brief as a digest record: its papers, so thread Q&A and living notices work as in a digest. */
export function briefDigest(brief: Brief): Digest {
  const seen = new Set<string>();
  const items: DigestItem[] = [];
  for (const entry of brief.cases) {
    for (const item of entry.papers) {
      if (seen.has(item.paperId)) continue;
      seen.add(item.paperId);
      items.push(digestItemOf(item.paper, item.summary, item.score));
    }
  }
  return {
    id: brief.id,
    channelId: brief.channelId,
    period: brief.id.slice(brief.channelId.length + 1),
    generatedAt: brief.generatedAt,
    intro: 'Tumor board prep brief',
    items,
    candidateCount: items.length,
  };
}
