/**
 * Slow listener work (`/lit` subcommands) on a bounded pool, fair between users: at most
 * `concurrency` jobs at once, at most one per user, and a free slot goes to the waiting user
 * who has had the fewest turns since their backlog began (ties: who came first). One user's slow
 * digest preview therefore never delays another user's search, and a burst from one user cannot
 * take the whole pool. Each job starts on a fresh turn of the event loop, so acknowledgements of
 * requests that arrived meanwhile go first.
 */
export interface FairQueue {
  run<T>(user: string, job: () => Promise<T>): Promise<T>;
  /** Jobs queued and not started. */
  waiting(): number;
}

interface Backlog {
  jobs: (() => void)[];
  /** Jobs started since this user's backlog began. */
  turns: number;
  /** When the backlog began (arrival order). */
  since: number;
}

export function createFairQueue(
  concurrency: number,
  onWaitingChange: (waiting: number) => void = () => undefined,
): FairQueue {
  const max = Math.max(1, Math.floor(concurrency));
  const backlogs = new Map<string, Backlog>();
  const busy = new Set<string>();
  let running = 0;
  let waiting = 0;
  let arrivals = 0;

  function pick(): [string, Backlog] | undefined {
    let best: [string, Backlog] | undefined;
    for (const entry of backlogs) {
      const [user, backlog] = entry;
      if (busy.has(user) || backlog.jobs.length === 0) continue;
      if (
        !best ||
        backlog.turns < best[1].turns ||
        (backlog.turns === best[1].turns && backlog.since < best[1].since)
      )
        best = entry;
    }
    return best;
  }

  function next(): void {
    while (running < max) {
      const picked = pick();
      if (!picked) return;
      const [user, backlog] = picked;
      const start = backlog.jobs.shift() as () => void;
      backlog.turns++;
      busy.add(user);
      running++;
      waiting--;
      onWaitingChange(waiting);
      setImmediate(start);
    }
  }

  function finished(user: string): void {
    busy.delete(user);
    running--;
    if (backlogs.get(user)?.jobs.length === 0) backlogs.delete(user);
    next();
  }

  return {
    run<T>(user: string, job: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const backlog = backlogs.get(user) ?? { jobs: [], turns: 0, since: arrivals++ };
        backlog.jobs.push(() => {
          job()
            .then(resolve, reject)
            .finally(() => finished(user));
        });
        backlogs.set(user, backlog);
        waiting++;
        onWaitingChange(waiting);
        next();
      });
    },
    waiting: () => waiting,
  };
}
