import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { type Clock, systemClock } from '../time.js';
import type { ChannelProfile, Digest } from '../types.js';
import { type RenderedDigest, renderDigestBlocks, renderEmptyDigestLine } from './blocks/digest.js';
import { ChannelPacer } from './pacer.js';
import { type PostRetryOptions, postWithRetries } from './post-with-retries.js';
import { digestMetadata, findPostedDigest, slackTsOf } from './posted-digest-lookup.js';
import { isChannelGone, slackErrorCode } from './slack-error.js';
import type { SlackClient } from './web-client.js';

/** Builds the digest of a channel for a period; `src/index.ts` wires it to `buildDigest`. */
export type DigestBuilder = (profile: ChannelProfile, period: string, now: Date) => Promise<Digest>;

export type PostOutcome =
  | { status: 'posted'; digestId: string; ts: string; itemCount: number }
  | { status: 'already-posted'; digestId: string; ts?: string }
  | { status: 'claimed-elsewhere'; digestId: string }
  | { status: 'silent'; digestId: string }
  | { status: 'paused'; digestId: string; reason: string }
  | { status: 'not-configured'; digestId: string }
  | { status: 'failed'; digestId: string; error: unknown };

export interface DigestPosterOptions {
  /** A client whose retry policy may wait out 429s and 5xx: nobody is waiting on a digest post. */
  client: SlackClient;
  store: Store;
  buildDigest: DigestBuilder;
  logger: Logger;
  /** Names this process in lease tokens (each attempt adds its own suffix). */
  owner: string;
  clock?: Clock;
  /** How long a claim holds before another process may take the digest over. */
  leaseMs?: number;
  pacer?: ChannelPacer;
  /** Attempts and backoff of one post; tests shorten them. */
  retry?: Pick<PostRetryOptions, 'maxAttempts' | 'backoffMs' | 'sleep'>;
}

export interface DigestPoster {
  /** Posts the channel's digest for `period` unless it was posted (here, elsewhere, or before a crash). */
  post(channelId: string, period: string): Promise<PostOutcome>;
  /** Waits for posts in progress; new posts are refused afterwards. */
  drain(): Promise<void>;
}

const DEFAULT_LEASE_MS = 15 * 60_000;
/** Replicas' clocks may disagree; look a little before the digest was built. */
const CLOCK_SKEW_MS = 10 * 60_000;

/** Digest ids whose channel chose silence on an empty week: nothing to post, nothing to retry. */
function silentDigests(store: Store) {
  return store.namespace<string>('digest-silent');
}

/**
 * Exactly-once digest posting. The digest id (channel + period) is claimed with a store lease;
 * the built digest is saved before posting so a successor can tell an earlier attempt may have
 * reached Slack, and then looks for the message by its metadata before posting again.
 */
export function createDigestPoster(options: DigestPosterOptions): DigestPoster {
  const { client, store, buildDigest, logger, owner } = options;
  const clock = options.clock ?? systemClock;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pacer = options.pacer ?? new ChannelPacer();
  const retryOptions = options.retry ?? {};
  /** Keyed by digest id: a channel job and the catch-up sweep firing together share one attempt. */
  const inFlight = new Map<string, Promise<PostOutcome>>();
  let draining = false;

  async function postOnce(channelId: string, period: string): Promise<PostOutcome> {
    const digestId = `${channelId}:${period}`;
    const log = logger.child({ channel: channelId, digestId });
    if (await isDone(channelId, digestId)) return { status: 'already-posted', digestId };
    const lockKey = `digest:${digestId}`;
    // A token per attempt: leases are re-entrant for their holder, so a process-wide owner would
    // let two attempts of one process both pass the claim.
    const attempt = `${owner}:${randomUUID()}`;
    if (!(await store.locks.acquire(lockKey, attempt, leaseMs)))
      return { status: 'claimed-elsewhere', digestId };
    try {
      const outcome = await postClaimed(channelId, period, digestId, attempt, log);
      log.info({ status: outcome.status }, 'digest run finished');
      return outcome;
    } catch (error) {
      if (isChannelGone(error))
        return pause(channelId, digestId, slackErrorCode(error) ?? 'not_in_channel', log);
      log.error({ err: error }, 'digest post failed');
      return { status: 'failed', digestId, error };
    } finally {
      await store.locks.release(lockKey, attempt);
    }
  }

  async function isDone(channelId: string, digestId: string): Promise<boolean> {
    const posted = (await store.digests.get(digestId))?.posted;
    if (!posted) return silentDigests(store).has(digestId);
    await catchUpChannel(channelId, digestId, posted.postedAt);
    return true;
  }

  async function postClaimed(
    channelId: string,
    period: string,
    digestId: string,
    attempt: string,
    log: Logger,
  ): Promise<PostOutcome> {
    if (await isDone(channelId, digestId)) return { status: 'already-posted', digestId };
    const profile = await store.channels.get(channelId);
    if (!profile) return { status: 'not-configured', digestId };
    if (profile.paused) return { status: 'paused', digestId, reason: profile.paused.reason };

    const earlier = await store.digests.get(digestId);
    if (earlier) {
      // An earlier attempt saved this digest and may have posted it before crashing.
      const since = new Date(new Date(earlier.digest.generatedAt).getTime() - CLOCK_SKEW_MS).toISOString();
      const ts = await findPostedDigest(client, channelId, digestId, slackTsOf(since));
      if (ts) {
        log.warn({ ts }, 'digest was already in the channel; recording it instead of posting again');
        await record(profile, digestId, { ts });
        return { status: 'already-posted', digestId, ts };
      }
    }
    const digest = earlier?.digest ?? (await buildDigest(profile, period, clock.now()));
    if (!earlier) await store.digests.save({ digest });

    if (digest.items.length === 0 && profile.whenEmpty === 'silent') {
      await silentDigests(store).set(digestId, clock.now().toISOString());
      return { status: 'silent', digestId };
    }
    // Building may be slow (LLM); renew the claim, and stand down if another process took it over.
    if (!(await store.locks.renew(`digest:${digestId}`, attempt, leaseMs)))
      return { status: 'claimed-elsewhere', digestId };
    const ts = await send(channelId, digestId, digest, profile);
    return { status: 'posted', digestId, ts: ts.ts, itemCount: digest.items.length };
  }

  async function send(channelId: string, digestId: string, digest: Digest, profile: ChannelProfile) {
    const metadata = digestMetadata(digestId);
    const since = slackTsOf(new Date(clock.now().getTime() - CLOCK_SKEW_MS).toISOString());
    const retry = { ...retryOptions, findPosted: () => findPostedDigest(client, channelId, digestId, since) };
    if (digest.items.length === 0) {
      await pacer.wait(channelId);
      const ts = await postWithRetries(
        client,
        { channel: channelId, text: renderEmptyDigestLine(profile), metadata },
        retry,
      );
      await record(profile, digestId, { ts });
      return { ts };
    }
    const message = renderDigestBlocks(digest, { channelName: profile.name });
    await pacer.wait(channelId);
    const ts = await postWithRetries(
      client,
      {
        channel: channelId,
        text: message.text,
        blocks: message.blocks,
        metadata,
        unfurl_links: false,
        unfurl_media: false,
      },
      retry,
    );
    // The main message is the digest; a failed overflow reply must not hide that it was posted.
    const overflowTs =
      message.overflow.length > 0
        ? await postOverflow(channelId, ts, message.overflow).catch((error: unknown) => {
            logger.warn({ err: error, channel: channelId, digestId }, 'digest overflow reply failed');
            return undefined;
          })
        : undefined;
    const posted = { ts, overflowTs };
    await record(profile, digestId, posted);
    return posted;
  }

  async function postOverflow(channelId: string, threadTs: string, blocks: RenderedDigest['overflow']) {
    await pacer.wait(channelId);
    return postWithRetries(
      client,
      {
        channel: channelId,
        thread_ts: threadTs,
        text: 'More papers from this digest',
        blocks,
        unfurl_links: false,
        unfurl_media: false,
      },
      retryOptions,
    );
  }

  async function record(
    profile: ChannelProfile,
    digestId: string,
    posted: { ts: string; overflowTs?: string },
  ) {
    const postedAt = clock.now().toISOString();
    await store.digests.markPosted(digestId, { channelId: profile.channelId, ...posted, postedAt });
    const latest = (await store.channels.get(profile.channelId)) ?? profile;
    await store.channels.put({ ...latest, lastDigestId: digestId, lastDigestAt: postedAt });
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

  async function pause(
    channelId: string,
    digestId: string,
    reason: string,
    log: Logger,
  ): Promise<PostOutcome> {
    log.warn({ reason }, 'cannot post in channel; pausing its digests');
    const profile = await store.channels.get(channelId);
    if (profile) {
      const since = clock.now().toISOString();
      await store.channels.put({ ...profile, paused: { reason, since }, updatedAt: since });
    }
    return { status: 'paused', digestId, reason };
  }

  return {
    post(channelId, period) {
      if (draining)
        return Promise.resolve({
          status: 'failed',
          digestId: `${channelId}:${period}`,
          error: new Error('shutting down'),
        });
      const digestId = `${channelId}:${period}`;
      const running = inFlight.get(digestId);
      if (running) return running;
      const run = postOnce(channelId, period);
      inFlight.set(digestId, run);
      void run.finally(() => inFlight.delete(digestId));
      return run;
    },
    async drain() {
      draining = true;
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
