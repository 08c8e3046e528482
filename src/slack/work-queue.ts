/**
 * Starts one job per turn of the event loop without waiting for it to finish: a burst of
 * requests is spread over as many turns, each letting the loop read and acknowledge what
 * arrived meanwhile. Jobs handle their own errors.
 */
export function createTurnPacer(): (job: () => void | Promise<void>) => void {
  const waiting: (() => void | Promise<void>)[] = [];
  let scheduled = false;

  function startOne(): void {
    scheduled = false;
    const job = waiting.shift();
    if (waiting.length > 0) schedule();
    void job?.();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(startOne);
  }

  return (job) => {
    waiting.push(job);
    schedule();
  };
}

/** A burst is over once no request has arrived for this long. */
export const QUIET_MS = 5;
/** A command's handling waits at most this long for a burst of requests to be acknowledged. */
export const MAX_HOLD_MS = 500;

/**
 * Holds acknowledged commands while requests keep arriving, so a burst is acknowledged first
 * and handled after, one command per turn of the event loop. A lone command waits QUIET_MS; a
 * steady stream of requests delays handling by at most MAX_HOLD_MS.
 */
export function createAckFirstQueue(now: () => number = () => performance.now()): {
  arrived(): void;
  add(job: () => Promise<void>): void;
} {
  const pace = createTurnPacer();
  const held: (() => Promise<void>)[] = [];
  let lastArrival = 0;
  let heldSince = 0;
  let armed = false;

  // One timer for the whole burst: re-armed when it fires early, not on every arrival.
  const check = () => {
    armed = false;
    const at = now();
    const quietFor = at - lastArrival;
    if (quietFor >= QUIET_MS || at - heldSince >= MAX_HOLD_MS) {
      for (const job of held.splice(0)) pace(job);
      return;
    }
    armed = true;
    setTimeout(check, QUIET_MS - quietFor);
  };

  return {
    /** A request arrived: the burst goes on. */
    arrived(): void {
      lastArrival = now();
    },
    add(job: () => Promise<void>): void {
      if (held.length === 0) heldSince = now();
      held.push(job);
      if (armed) return;
      armed = true;
      setTimeout(check, QUIET_MS);
    },
  };
}
