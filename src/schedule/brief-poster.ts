import type { Brief } from '../board/brief.js';
import type { Deliverer } from '../delivery/deliverer.js';
import { digestItemOf } from '../digest/item.js';
import type { Logger } from '../log.js';
import { renderBriefBlocks } from '../slack/blocks/brief.js';
import type { Store } from '../store/index.js';
import { dedupeKeys } from '../text/index.js';
import type { Digest, DigestItem } from '../types.js';

export type BriefOutcome =
  | { status: 'posted'; briefId: string; ts: string }
  | { status: 'already-posted'; briefId: string }
  | { status: 'claimed-elsewhere'; briefId: string }
  | { status: 'stopped'; briefId: string };

export interface BriefPosterOptions {
  deliverer: Deliverer;
  store: Store;
  logger: Logger;
  now: () => Date;
}

export type PostBrief = (
  briefId: string,
  channelId: string,
  timeZone: string,
  build: () => Promise<Brief>,
) => Promise<BriefOutcome>;

/**
 * A board brief as a scheduled post, once per (channel, meeting date). The stored record keeps
 * the papers (for thread Q&A and living notices) but not the case lines, which live only in Slack.
 */
export function createBriefPoster(options: BriefPosterOptions): PostBrief {
  const { deliverer, store } = options;

  return async function postBrief(briefId, channelId, timeZone, build) {
    let digest: Digest | undefined;
    let cases = 0;
    const outcome = await deliverer.deliver({
      kind: 'brief',
      postId: briefId,
      channelId,
      isDone: async () => Boolean((await store.digests.get(briefId))?.posted),
      async prepare() {
        const brief = await build();
        cases = brief.cases.length;
        digest = briefDigest(brief);
        await storeLivePapers(brief);
        await store.digests.save({ digest });
        const rendered = renderBriefBlocks(brief, timeZone);
        return {
          messages: rendered.messages.map((blocks, index) => ({
            text: index === 0 ? rendered.text : 'Tumor board prep (continued)',
            blocks,
          })),
        };
      },
      async record({ partTs }) {
        await record(digest as Digest, channelId, partTs);
        options.logger.info(
          { channel: channelId, briefId, cases, messages: partTs.length },
          'board brief posted',
        );
      },
    });
    switch (outcome.status) {
      case 'posted':
        return { status: 'posted', briefId, ts: outcome.ts };
      case 'failed':
        throw outcome.error;
      case 'skipped':
        return { status: 'already-posted', briefId };
      default:
        return { status: outcome.status, briefId };
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
