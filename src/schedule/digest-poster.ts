import type { Deliverer, DeliveryMessage } from '../delivery/deliverer.js';
import { isChannelGone, slackErrorCode } from '../delivery/slack-error.js';
import type { Logger } from '../log.js';
import { renderDigestBlocks, renderEmptyDigestLine } from '../slack/blocks/digest.js';
import { SILENT_DIGEST_NAMESPACE } from '../store/channel-data.js';
import type { Store } from '../store/index.js';
import { type Clock, systemClock } from '../time.js';
import type { ChannelProfile, Digest } from '../types.js';

/** Builds the digest of a channel for a period; `src/index.ts` wires it to `buildDigest`. */
export type DigestBuilder = (profile: ChannelProfile, period: string, now: Date) => Promise<Digest>;

export type PostOutcome =
  | { status: 'posted'; digestId: string; ts: string; itemCount: number }
  | { status: 'already-posted'; digestId: string; ts?: string }
  | { status: 'claimed-elsewhere'; digestId: string }
  | { status: 'silent'; digestId: string }
  | { status: 'paused'; digestId: string; reason: string }
  | { status: 'not-configured'; digestId: string }
  /** Cut short by shutdown; another replica resumes it. */
  | { status: 'stopped'; digestId: string }
  | { status: 'failed'; digestId: string; error: unknown };

export interface DigestPosterOptions {
  deliverer: Deliverer;
  store: Store;
  buildDigest: DigestBuilder;
  logger: Logger;
  clock?: Clock;
}

export interface DigestPoster {
  /** Posts the channel's digest for `period` unless it was posted (here, elsewhere, or before a crash). */
  post(channelId: string, period: string): Promise<PostOutcome>;
}

/** Digest ids whose channel chose silence on an empty week: nothing to post, nothing to retry. */
function silentDigests(store: Store) {
  return store.namespace<string>(SILENT_DIGEST_NAMESPACE);
}

/**
 * A channel's digest for a period as a scheduled post: built once and saved before posting (a
 * successor reuses it), rendered, and handed to the delivery module, which posts it exactly once.
 */
export function createDigestPoster(options: DigestPosterOptions): DigestPoster {
  const { deliverer, store, buildDigest, logger } = options;
  const clock = options.clock ?? systemClock;

  async function post(channelId: string, period: string): Promise<PostOutcome> {
    const digestId = `${channelId}:${period}`;
    let skipped: PostOutcome | undefined;
    let itemCount = 0;
    const outcome = await deliverer.deliver({
      kind: 'digest',
      postId: digestId,
      channelId,
      isDone: () => isDone(channelId, digestId),
      async prepare() {
        const profile = await store.channels.get(channelId);
        if (!profile) skipped = { status: 'not-configured', digestId };
        else if (profile.paused) skipped = { status: 'paused', digestId, reason: profile.paused.reason };
        if (!profile || skipped) return { skip: skipped?.status ?? 'not-configured' };
        const earlier = await store.digests.get(digestId);
        const digest = earlier?.digest ?? (await buildDigest(profile, period, clock.now()));
        if (!earlier) await store.digests.save({ digest });
        itemCount = digest.items.length;
        if (digest.items.length === 0 && profile.whenEmpty === 'silent') {
          await silentDigests(store).set(digestId, clock.now().toISOString());
          skipped = { status: 'silent', digestId };
          return { skip: 'silent' };
        }
        return { messages: digestMessages(digest, profile) };
      },
      record: ({ ts, partTs }) => record(channelId, digestId, ts, partTs[1]),
    });
    switch (outcome.status) {
      case 'posted':
        return { status: 'posted', digestId, ts: outcome.ts, itemCount };
      case 'already-posted':
        return { status: 'already-posted', digestId, ts: outcome.ts };
      case 'skipped':
        return skipped ?? { status: 'not-configured', digestId };
      case 'failed':
        if (isChannelGone(outcome.error))
          return pause(channelId, digestId, slackErrorCode(outcome.error) ?? 'not_in_channel');
        return { status: 'failed', digestId, error: outcome.error };
      default:
        return { status: outcome.status, digestId };
    }
  }

  async function isDone(channelId: string, digestId: string): Promise<boolean> {
    const posted = (await store.digests.get(digestId))?.posted;
    if (!posted) return silentDigests(store).has(digestId);
    await catchUpChannel(channelId, digestId, posted.postedAt);
    return true;
  }

  async function record(channelId: string, digestId: string, ts: string, overflowTs: string | undefined) {
    const postedAt = clock.now().toISOString();
    await store.digests.markPosted(digestId, { channelId, ts, overflowTs, postedAt });
    const latest = await store.channels.get(channelId);
    if (latest) await store.channels.put({ ...latest, lastDigestId: digestId, lastDigestAt: postedAt });
    logger.info({ channel: channelId, digestId, ts }, 'digest posted');
  }

  /**
   * A process killed between recording a post and updating its channel left the channel's
   * last digest behind; the next look at that digest (the sweep after a restart) catches up.
   */
  async function catchUpChannel(channelId: string, digestId: string, postedAt: string) {
    const profile = await store.channels.get(channelId);
    if (!profile || (profile.lastDigestAt && profile.lastDigestAt >= postedAt)) return;
    await store.channels.put({ ...profile, lastDigestId: digestId, lastDigestAt: postedAt });
  }

  async function pause(channelId: string, digestId: string, reason: string): Promise<PostOutcome> {
    logger.warn({ channel: channelId, digestId, reason }, 'cannot post in channel; pausing its digests');
    const profile = await store.channels.get(channelId);
    if (profile) {
      const since = clock.now().toISOString();
      await store.channels.put({ ...profile, paused: { reason, since }, updatedAt: since });
    }
    return { status: 'paused', digestId, reason };
  }

  return { post };
}

/** The main message, and the items that do not fit it as one thread reply. */
function digestMessages(digest: Digest, profile: ChannelProfile): DeliveryMessage[] {
  if (digest.items.length === 0) return [{ text: renderEmptyDigestLine(profile) }];
  const message = renderDigestBlocks(digest, { channelName: profile.name });
  const main = { text: message.text, blocks: message.blocks };
  return message.overflow.length > 0
    ? [main, { text: 'More papers from this digest', blocks: message.overflow }]
    : [main];
}
