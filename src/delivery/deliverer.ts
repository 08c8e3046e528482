import type { types } from '@slack/bolt';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { type Clock, systemClock } from '../time.js';
import { DeliveryStopped } from './abortable.js';
import { type Claim, ClaimLost, takeClaim } from './claim.js';
import type { SlackClient } from './client.js';
import { ChannelPacer } from './pacer.js';
import { findPosted, postMetadata, slackTsOf } from './posted-lookup.js';
import { sendOnce } from './send.js';

/** One Slack message of a scheduled post; part 0 is the main message, later parts reply in its thread. */
export interface DeliveryMessage {
  text: string;
  blocks?: types.KnownBlock[];
}

export type DeliveryKind = 'digest' | 'brief' | 'notice';

/** A scheduled post, as the job that owns it describes it to the delivery module. */
export interface DeliveryJob {
  kind: DeliveryKind;
  /** The post's id, stable across processes: digest id, brief id, notice key. */
  postId: string;
  channelId: string;
  /** Post into this thread (living notices reply under their digest). */
  threadTs?: string;
  /** True once the post's record says it went out; checked before and again after the claim. */
  isDone(): Promise<boolean>;
  /** Builds what to post (may be slow); `skip` ends the attempt with nothing sent. */
  prepare(): Promise<{ messages: DeliveryMessage[] } | { skip: string }>;
  /** Records the post once Slack holds its main message; `partTs` has every part that went out. */
  record(posted: { ts: string; partTs: string[] }): Promise<void>;
}

export type DeliveryOutcome =
  | { status: 'posted'; ts: string }
  /** `ts` when this attempt found the message in Slack (an earlier attempt sent it, then died). */
  | { status: 'already-posted'; ts?: string }
  | { status: 'claimed-elsewhere' }
  | { status: 'skipped'; reason: string }
  /** Cut short by shutdown; the claim was freed at once so another replica resumes it. */
  | { status: 'stopped' }
  | { status: 'failed'; error: unknown };

export interface Deliverer {
  /** Posts `job` unless it was posted (here, elsewhere, or before a crash) or another attempt holds it. */
  deliver(job: DeliveryJob): Promise<DeliveryOutcome>;
  /**
   * Shutdown: refuses new posts, ends every wait (429, backoff, pacing) at once, lets sends in
   * flight finish until `deadlineMs`, then frees every claim still held.
   */
  drain(deadlineMs: number): Promise<void>;
}

export interface DelivererOptions {
  /** The no-resend client (`createDeliveryClient`). */
  client: SlackClient;
  store: Store;
  logger: Logger;
  /** Names this process in lease tokens. */
  owner: string;
  clock?: Clock;
  /** How long a claim holds without renewal; a killed replica's posts resume after this. */
  leaseMs?: number;
  pacer?: ChannelPacer;
  /** Attempts and first backoff of one message; tests shorten them. */
  retry?: { maxAttempts?: number; backoffMs?: number };
  /** Called with every finished attempt (metrics). */
  onOutcome?: (kind: DeliveryKind, outcome: DeliveryOutcome) => void;
}

export const DEFAULT_LEASE_MS = 20_000;
/** Replicas' clocks may disagree; look a little before the first attempt started. */
const CLOCK_SKEW_MS = 10 * 60_000;
/** How long the start of a first attempt is remembered (a successor looks for its messages). */
const ATTEMPT_MARK_TTL_MS = 30 * 24 * 3_600_000;

/**
 * Exactly-once posting for every scheduled post. An attempt:
 * 1. skips a post already recorded, takes the claim (a lease with a token of its own, renewed
 *    while it works), and checks the record again, since another replica may have finished
 *    between the first check and the claim;
 * 2. prepares the post, confirms it still holds the claim, and marks in the store that sending
 *    starts, so a successor knows an earlier attempt may have reached Slack;
 * 3. sends each part with its metadata: a successor of a marked attempt, and any send whose
 *    answer was lost, first looks for the part in Slack; a 429 waits Retry-After;
 * 4. records the post, and frees the claim.
 * Two calls for one post in one process share one attempt.
 */
export function createDeliverer(options: DelivererOptions): Deliverer {
  const { client, store, logger, owner } = options;
  const clock = options.clock ?? systemClock;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pacer = options.pacer ?? new ChannelPacer();
  const attemptMarks = store.namespace<string>('delivery-attempt');
  const inFlight = new Map<string, Promise<DeliveryOutcome>>();
  const held = new Set<Claim>();
  const stopping = new AbortController();

  async function attempt(job: DeliveryJob, key: string, log: Logger): Promise<DeliveryOutcome> {
    let claim: Claim | undefined;
    try {
      if (await job.isDone()) return { status: 'already-posted' };
      claim = await takeClaim({ locks: store.locks, key, owner, leaseMs });
    } catch (error) {
      // The store did not answer: nothing was claimed, the next sweep tries again.
      return { status: 'failed', error };
    }
    if (!claim) return { status: 'claimed-elsewhere' };
    return attemptClaimed(job, key, claim, log);
  }

  async function attemptClaimed(
    job: DeliveryJob,
    key: string,
    claim: Claim,
    log: Logger,
  ): Promise<DeliveryOutcome> {
    held.add(claim);
    try {
      if (await job.isDone()) return { status: 'already-posted' };
      const prepared = await job.prepare();
      if ('skip' in prepared) return { status: 'skipped', reason: prepared.skip };
      await claim.confirm();
      const { partTs, foundMain } = await sendParts(job, key, prepared.messages, claim, log);
      const ts = partTs[0] as string;
      await job.record({ ts, partTs });
      return foundMain ? { status: 'already-posted', ts } : { status: 'posted', ts };
    } catch (error) {
      if (error instanceof ClaimLost) return { status: 'claimed-elsewhere' };
      if (error instanceof DeliveryStopped) return { status: 'stopped' };
      return { status: 'failed', error };
    } finally {
      held.delete(claim);
      await claim.release().catch((error: unknown) => log.warn({ err: error }, 'could not free a claim'));
    }
  }

  async function sendParts(
    job: DeliveryJob,
    key: string,
    messages: DeliveryMessage[],
    claim: Claim,
    log: Logger,
  ): Promise<{ partTs: string[]; foundMain: boolean }> {
    const earlierStart = await attemptMarks.get(key);
    const startedAt = earlierStart ?? clock.now().toISOString();
    if (!earlierStart) await attemptMarks.set(key, startedAt, ATTEMPT_MARK_TTL_MS);
    const oldestTs = slackTsOf(new Date(startedAt).getTime() - CLOCK_SKEW_MS);
    const partTs: string[] = [];
    let foundMain = false;
    for (const [part, message] of messages.entries()) {
      const threadTs = part === 0 ? job.threadTs : partTs[0];
      const find = () =>
        findPosted(client, { channelId: job.channelId, postId: job.postId, part, threadTs, oldestTs });
      try {
        const found = earlierStart ? await find() : undefined;
        if (found) {
          log.warn({ ts: found, part }, 'post was already in Slack; recording it instead of posting again');
          if (part === 0) foundMain = true;
        }
        partTs.push(found ?? (await sendPart(job, message, part, threadTs, claim, find)));
      } catch (error) {
        // The main message is the post: a failed follow-up must not hide that it went out.
        if (part === 0 || error instanceof DeliveryStopped || error instanceof ClaimLost) throw error;
        log.warn({ err: error, part }, 'a follow-up message of a post failed');
        break;
      }
    }
    return { partTs, foundMain };
  }

  async function sendPart(
    job: DeliveryJob,
    message: DeliveryMessage,
    part: number,
    threadTs: string | undefined,
    claim: Claim,
    find: () => Promise<string | undefined>,
  ): Promise<string> {
    await pacer.wait(job.channelId, stopping.signal);
    return sendOnce(
      client,
      {
        channel: job.channelId,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
        metadata: postMetadata(job.postId, part),
        unfurl_links: false,
        unfurl_media: false,
      },
      {
        beforeSend: () => claim.confirm(),
        findPosted: find,
        signal: stopping.signal,
        ...options.retry,
      },
    );
  }

  return {
    deliver(job) {
      const key = `${job.kind}:${job.postId}`;
      if (stopping.signal.aborted) return Promise.resolve({ status: 'stopped' });
      const running = inFlight.get(key);
      if (running) return running;
      const log = logger.child({ channel: job.channelId, kind: job.kind, postId: job.postId });
      const run = attempt(job, key, log).then((outcome) => {
        if (outcome.status === 'failed') log.error({ err: outcome.error }, 'scheduled post failed');
        else if (outcome.status === 'stopped') log.info('scheduled post cut short by shutdown; claim freed');
        options.onOutcome?.(job.kind, outcome);
        return outcome;
      });
      inFlight.set(key, run);
      void run.finally(() => inFlight.delete(key));
      return run;
    },
    async drain(deadlineMs) {
      stopping.abort();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, deadlineMs);
      });
      await Promise.race([Promise.allSettled([...inFlight.values()]), deadline]);
      clearTimeout(timer);
      // Whatever is still running (a hung send, a slow build) loses its claim now: its next
      // confirm() fails, and another replica resumes the post, looking for it in Slack first.
      await Promise.allSettled([...held].map((claim) => claim.release()));
    },
  };
}
