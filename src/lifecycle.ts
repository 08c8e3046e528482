import type { Logger } from './log.js';

/** The running parts of the app that shutdown stops. */
export interface RunningApp {
  /** The Slack receiver: no new commands or events. */
  slack: { stop(): Promise<void> };
  /** Scheduled jobs and their posts. */
  jobs: {
    /** No new runs; waits for runs in progress (which end fast once drain has begun). */
    stop(): Promise<void>;
    /** Ends waits at once, lets sends in flight finish until the deadline, frees every claim. */
    drain(deadlineMs: number): Promise<void>;
  };
  store: { close(): Promise<void> };
}

/** Past the drain, the receiver and the store get this long before shutdown goes on without them. */
const GRACE_MS = 1_500;

/**
 * Stops within a deadline and loses nothing: the drain starts first, so a post waiting out a
 * 429 is cut short at once and its claim freed for another replica, while a post already on
 * the wire may finish until `drainMs`; the receiver and the jobs stop meanwhile, and the store
 * closes last. Each step runs even if one before it failed or hung; the result says whether
 * all succeeded in time.
 */
export async function stopGracefully(app: RunningApp, logger: Logger, drainMs: number): Promise<boolean> {
  let clean = true;
  const step = async (name: string, work: () => Promise<void>, limitMs: number) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), limitMs);
    });
    try {
      if ((await Promise.race([work(), late])) === 'late') {
        clean = false;
        logger.warn({ step: name, limitMs }, 'shutdown step did not finish in time; going on');
      }
    } catch (error) {
      clean = false;
      logger.error({ err: error, step: name }, 'shutdown step failed');
    } finally {
      clearTimeout(timer);
    }
  };
  await Promise.all([
    step('posts', () => app.jobs.drain(drainMs), drainMs + GRACE_MS),
    step('jobs', () => app.jobs.stop(), drainMs + GRACE_MS),
    step('slack', () => app.slack.stop(), drainMs + GRACE_MS),
  ]);
  await step('store', () => app.store.close(), GRACE_MS);
  logger.info({ clean }, 'stopped');
  return clean;
}
