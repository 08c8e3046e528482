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

/** One turn of the event loop: a job stop that already failed reports it before shutdown goes on. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Past the drain, the receiver and the store get this long before shutdown goes on without them. */
const GRACE_MS = 1_500;

/**
 * Stops within a deadline and loses nothing: the drain starts first, so a post waiting out a
 * 429 is cut short at once and its claim freed for another replica, while a post already on
 * the wire may finish until `drainMs`; the receiver and the jobs stop meanwhile (a job run
 * still blocked on a send when the drain ends is not waited for), and the store closes last. Each step runs even if one before it failed or hung; the result says whether
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
  const drained = step('posts', () => app.jobs.drain(drainMs), drainMs + GRACE_MS);
  await Promise.all([
    drained,
    // A job run still waiting on a send once the drain is over holds no claim: nothing is lost
    // by not waiting for it.
    step('jobs', () => Promise.race([app.jobs.stop(), drained.then(nextTurn)]), drainMs + GRACE_MS),
    step('slack', () => app.slack.stop(), drainMs + GRACE_MS),
  ]);
  await step('store', () => app.store.close(), GRACE_MS);
  logger.info({ clean }, 'stopped');
  return clean;
}
