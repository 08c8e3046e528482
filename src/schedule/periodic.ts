/** A job run every `intervalMs`, never overlapping itself; stop() waits for a run in progress. */
export interface PeriodicJob {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs`, the next run timed from the end of the previous one, so a slow
 * run is never overlapped. The first run is at start with `immediately` (catching up on what
 * fell due while the app was down), else after one interval. Errors are the job's to log.
 */
export function createPeriodicJob(
  run: () => Promise<unknown>,
  intervalMs: number,
  options: { immediately?: boolean } = {},
): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  const schedule = (delayMs = intervalMs) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run()
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, delayMs);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(options.immediately ? 0 : intervalMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
