/** A job run every `intervalMs`, never overlapping itself; stop() waits for a run in progress. */
export interface PeriodicJob {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs` (the first run after one interval), the next run timed from
 * the end of the previous one, so a slow run is never overlapped. Errors are the job's to log.
 */
export function createPeriodicJob(run: () => Promise<unknown>, intervalMs: number): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run()
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, intervalMs);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
