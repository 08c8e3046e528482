import { randomUUID } from 'node:crypto';
import type { LockStore } from '../store/index.js';

/** The claim expired and another process took the post over: this attempt stands down. */
export class ClaimLost extends Error {
  constructor(readonly key: string) {
    super(`the claim on ${key} was taken over by another process`);
    this.name = 'ClaimLost';
  }
}

/** One attempt's hold on a post: renewed while it works, checked before each send, freed at the end. */
export interface Claim {
  readonly key: string;
  /** Renews the lease now; throws ClaimLost when another process holds it. */
  confirm(): Promise<void>;
  /** Stops renewing and frees the lease, if this attempt still holds it. */
  release(): Promise<void>;
}

export interface ClaimOptions {
  locks: LockStore;
  key: string;
  /** Names this process; each attempt adds its own suffix. */
  owner: string;
  leaseMs: number;
}

/**
 * Takes the lease on `key` for one attempt, or returns undefined when another attempt holds it.
 *
 * The lease token is new for every attempt: a process-wide token would let an attempt whose
 * lease expired renew, and release, the lease a later attempt of the same process took.
 * While held, the lease is renewed every third of its length, so a slow build or a long 429
 * wait keeps it; a process that dies stops renewing, and its claim frees itself within one lease.
 */
export async function takeClaim(options: ClaimOptions): Promise<Claim | undefined> {
  const { locks, key, leaseMs } = options;
  const token = `${options.owner}:${randomUUID()}`;
  if (!(await locks.acquire(key, token, leaseMs))) return undefined;
  let lost = false;
  let released = false;
  const renew = async () => {
    if (lost || released) return;
    if (!(await locks.renew(key, token, leaseMs))) lost = true;
  };
  // A store hiccup between heartbeats is not a lost claim; confirm() before a send is the real check.
  const heartbeat = setInterval(
    () => void renew().catch(() => undefined),
    Math.max(1, Math.floor(leaseMs / 3)),
  );
  heartbeat.unref();
  return {
    key,
    async confirm() {
      await renew();
      if (lost) throw new ClaimLost(key);
    },
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      await locks.release(key, token);
    },
  };
}
