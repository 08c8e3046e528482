import type { Logger } from '../log.js';

/** The running parts of the app, in the order they are stopped. */
export interface RunningApp {
  /** node-cron jobs: digest schedule, sweep, feed ingest. */
  jobs: { stop(): Promise<void> }[];
  /** The Slack receiver: no new commands or events. */
  slack: { stop(): Promise<void> };
  /** Digest posts in progress finish; none start. */
  poster: { drain(): Promise<void> };
  store: { close(): Promise<void> };
}

/**
 * Stops in an order that loses nothing: first the jobs (nothing new is scheduled), then the
 * receiver, then waits for in-flight digest posts (so a claimed digest is posted and recorded
 * rather than left to the lease), and closes the store last. Each step runs even if one before
 * it failed; the result says whether all succeeded.
 */
export async function stopGracefully(app: RunningApp, logger: Logger): Promise<boolean> {
  let clean = true;
  const step = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      clean = false;
      logger.error({ err: error, step: name }, 'shutdown step failed');
    }
  };
  await step('jobs', async () => {
    await Promise.all(app.jobs.map((job) => job.stop()));
  });
  await step('slack', () => app.slack.stop());
  await step('posts', () => app.poster.drain());
  await step('store', () => app.store.close());
  logger.info({ clean }, 'stopped');
  return clean;
}
