import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { PaperIndex } from './paper-index.js';
import { startSearchWorker } from './worker-engine.js';

/** A worker that stopped is rebuilt after this pause, so a worker failing at start cannot spin. */
const RESTART_DELAY_MS = 30_000;
/** A search that began on the replaced index finishes on it: its worker is stopped this much later. */
const RETIRE_AFTER_MS = 60_000;

export interface LiveIndex {
  current(): PaperIndex;
  /** Rebuilds from the store; the new index replaces the old one only once complete. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The Slack app's search index, in a worker thread: rebuilt from the store after each ingest
 * and after its worker stops unexpectedly. Searches meanwhile use the previous index.
 */
export async function openLiveIndex(
  store: Store,
  logger: Logger,
  options: { restartDelayMs?: number } = {},
): Promise<LiveIndex> {
  let closed = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | undefined;
  const retiring = new Map<PaperIndex, NodeJS.Timeout>();

  const load = async () => {
    const engine = startSearchWorker({ logger, onFailure: () => scheduleRestart() });
    try {
      return await PaperIndex.load(store, engine);
    } catch (error) {
      await engine.close();
      throw error;
    }
  };
  let index = await load();

  function scheduleRestart(): void {
    if (closed || restartTimer) return;
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      reload().catch((error: unknown) => logger.error({ err: error }, 'could not rebuild the search index'));
    }, options.restartDelayMs ?? RESTART_DELAY_MS);
    restartTimer.unref();
  }

  async function rebuild(): Promise<void> {
    const next = await load();
    if (closed) {
      await next.close();
      return;
    }
    const previous = index;
    index = next;
    retire(previous);
  }

  function retire(previous: PaperIndex): void {
    const timer = setTimeout(() => {
      retiring.delete(previous);
      void previous.close();
    }, RETIRE_AFTER_MS);
    timer.unref();
    retiring.set(previous, timer);
  }

  // Rebuilds run one at a time; a call made while one runs gets the next, which starts after it
  // and so sees that caller's papers. Calls made while that one still waits share it.
  function reload(): Promise<void> {
    if (waiting) return waiting;
    const next = running
      .catch(() => undefined)
      .then(() => {
        waiting = undefined;
        return rebuild();
      });
    waiting = next;
    running = next;
    return next;
  }

  return {
    current: () => index,
    reload,
    async close() {
      closed = true;
      clearTimeout(restartTimer);
      await running.catch(() => undefined);
      for (const timer of retiring.values()) clearTimeout(timer);
      await Promise.all([index, ...retiring.keys()].map((open) => open.close()));
      retiring.clear();
    },
  };
}
