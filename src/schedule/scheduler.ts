import cron, { type ScheduledTask } from 'node-cron';
import { previousFireTime } from '../cron/cron-time.js';
import { digestPeriod } from '../digest/period.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { type Clock, systemClock } from '../time.js';
import type { ChannelProfile } from '../types.js';
import type { DigestPoster, PostOutcome } from './digest-poster.js';
import { createPeriodicJob, type PeriodicJob } from './periodic.js';

export interface DigestSchedulerOptions {
  store: Store;
  poster: Pick<DigestPoster, 'post'>;
  logger: Logger;
  clock?: Clock;
  /** A digest whose time passed while the app was down still posts within this window. */
  catchUpGraceHours: number;
  /**
   * How often every channel is checked for a due, unposted digest. Short, because the sweep is
   * what resumes a post whose replica died: it bounds how late such a digest goes out.
   */
  sweepIntervalMs?: number;
}

export interface DigestScheduler {
  /** Schedules every channel and posts digests missed while the app was down. */
  start(): Promise<void>;
  /** Re-reads one channel's profile and moves (or removes) its job. */
  reschedule(channelId: string): Promise<void>;
  /** Posts the channel's digest if its latest fire time is within the grace window and not yet posted. */
  runIfDue(channelId: string): Promise<PostOutcome | undefined>;
  /** Checks every channel once (startup catch-up, and periodically). */
  sweep(): Promise<void>;
  /** Stops every job; posts in progress are ended by the deliverer's drain. */
  stop(): Promise<void>;
  /** Channel ids with a live cron job (for tests and the Home tab). */
  scheduledChannels(): string[];
}

const DEFAULT_SWEEP_MS = 15_000;
const HOUR_MS = 3_600_000;

/**
 * One node-cron job per channel, in the channel's zone. Jobs only say "look now": whether a
 * digest is due is decided from the stored profile and DST-correct fire times, and posting is
 * exactly-once in the delivery module, so a double fire (fall-back hour), a stale job on another replica
 * or a catch-up sweep racing a job all yield one digest. The sweep also covers times node-cron
 * skips (spring-forward gap) and downtime, within the grace window.
 */
export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { store, poster, logger } = options;
  const clock = options.clock ?? systemClock;
  const graceMs = options.catchUpGraceHours * HOUR_MS;
  const jobs = new Map<string, { task: ScheduledTask; key: string }>();
  let sweepJob: PeriodicJob | undefined;
  let stopped = false;

  function schedule(profile: ChannelProfile): void {
    const existing = jobs.get(profile.channelId);
    const key = profile.schedule ? `${profile.schedule.cron}|${profile.schedule.timezone}` : '';
    if (existing?.key === key && key) return;
    if (existing) {
      void existing.task.destroy();
      jobs.delete(profile.channelId);
    }
    if (!profile.schedule || stopped) return;
    const task = cron.schedule(
      profile.schedule.cron,
      async () => {
        await runIfDue(profile.channelId);
      },
      { timezone: profile.schedule.timezone, name: `digest:${profile.channelId}`, noOverlap: true },
    );
    jobs.set(profile.channelId, { task, key });
    logger.info(
      { channel: profile.channelId, cron: profile.schedule.cron, timezone: profile.schedule.timezone },
      'digest job scheduled',
    );
  }

  async function runIfDue(channelId: string): Promise<PostOutcome | undefined> {
    const profile = await store.channels.get(channelId);
    if (!profile?.schedule || profile.paused) return undefined;
    const now = clock.now();
    const { cron: expression, timezone, since } = profile.schedule;
    const lookback = since ? Math.min(graceMs, now.getTime() - new Date(since).getTime()) : graceMs;
    if (lookback < 0) return undefined;
    const firedAt = previousFireTime(expression, timezone, now, lookback);
    if (!firedAt) return undefined;
    const outcome = await poster.post(channelId, digestPeriod(firedAt, timezone));
    if (outcome.status === 'posted') {
      logger.info(
        { channel: channelId, firedAt: firedAt.toISOString(), digestId: outcome.digestId },
        'scheduled digest posted',
      );
    }
    return outcome;
  }

  async function sweep(): Promise<void> {
    const profiles = await store.channels.all();
    for (const profile of profiles) {
      if (stopped) return;
      // Another replica may have changed a schedule; keep this process's jobs in step.
      schedule(profile);
      try {
        await runIfDue(profile.channelId);
      } catch (error) {
        logger.error({ err: error, channel: profile.channelId }, 'scheduled digest check failed');
      }
    }
  }

  return {
    async start() {
      stopped = false;
      sweepJob = createPeriodicJob(sweep, options.sweepIntervalMs ?? DEFAULT_SWEEP_MS);
      await sweep();
      // A stop during the catch-up sweep (a signal at start-up) must not start the timer after it.
      if (!stopped) sweepJob.start();
    },
    async reschedule(channelId) {
      const profile = await store.channels.get(channelId);
      if (profile) schedule(profile);
      else if (jobs.has(channelId)) {
        await jobs.get(channelId)?.task.destroy();
        jobs.delete(channelId);
      }
    },
    runIfDue,
    sweep,
    async stop() {
      stopped = true;
      await sweepJob?.stop();
      for (const { task } of jobs.values()) await task.destroy();
      jobs.clear();
    },
    scheduledChannels: () => [...jobs.keys()],
  };
}
