import { Worker } from 'node:worker_threads';
import { SearchError } from '../errors.js';
import type { Logger } from '../log.js';
import type { PaperDocument } from './paper-document.js';
import type { RankedId, SearchEngine } from './search-engine.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/** Documents sent to the worker per message: large enough to amortise copying, small enough to stream. */
const ADD_BATCH = 500;
const UNAVAILABLE = 'Search is restarting; try again in a minute.';

/**
 * A search engine whose index lives in a worker thread. A search over 100,000 papers takes
 * hundreds of milliseconds of CPU; on the main thread it would hold up every Slack request
 * arriving meanwhile. `onFailure` hears when the worker stops unexpectedly; searches made after
 * that fail with a SearchError until the owner replaces the engine.
 */
export function startSearchWorker(options: {
  logger: Logger;
  onFailure?: (error: Error) => void;
}): SearchEngine {
  const worker = spawnWorker();
  // The app's shutdown must not wait on an idle index.
  worker.unref();
  const ids = new Set<string>();
  const pending = new Map<number, { resolve: (hits: RankedId[]) => void; reject: (error: Error) => void }>();
  let queued: { document: PaperDocument; retracted: boolean }[] = [];
  let nextId = 1;
  let failure: SearchError | undefined;
  let closing = false;

  const post = (request: WorkerRequest) => worker.postMessage(request);
  const flush = () => {
    if (queued.length === 0) return;
    post({ kind: 'add', documents: queued });
    queued = [];
  };
  const fail = (cause: Error) => {
    if (failure || closing) return;
    failure = new SearchError(UNAVAILABLE, { cause, detail: cause.message });
    options.logger.error({ err: cause }, 'the search worker stopped');
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
    options.onFailure?.(cause);
  };

  worker.on('message', (reply: WorkerReply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.kind === 'results') waiter.resolve(reply.hits);
    else waiter.reject(new SearchError('The search could not be run.', { detail: reply.message }));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`search worker exited with code ${code}`)));

  return {
    add(document, retracted) {
      ids.add(document.id);
      queued.push({ document, retracted });
      if (queued.length === 1) queueMicrotask(flush);
      else if (queued.length >= ADD_BATCH) flush();
    },
    search(query, { limit, includeRetracted }) {
      if (failure) return Promise.reject(failure);
      if (closing) return Promise.reject(new SearchError(UNAVAILABLE, { detail: 'search index closed' }));
      flush();
      const id = nextId++;
      return new Promise<RankedId[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ kind: 'search', id, query, limit, includeRetracted });
      });
    },
    get size() {
      return ids.size;
    },
    async close() {
      closing = true;
      for (const { reject } of pending.values()) reject(new SearchError(UNAVAILABLE));
      pending.clear();
      await worker.terminate();
    },
  };
}

/**
 * After `npm run build` the worker is JavaScript beside this file. Under tsx (development,
 * tests, the bench) it is TypeScript, and Node 20 does not carry tsx's loader hooks into a worker
 * (`--import` in its execArgv is not applied to the entry), so a small script registers them
 * first. The hooks are found from this module where Node can resolve from a module; under
 * vitest, which cannot, from the working directory, the repository root.
 */
function spawnWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./search-worker.js', self));
  const hooks =
    typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const entry = new URL('./search-worker.ts', self).href;
  const bootstrap = `import(${JSON.stringify(hooks)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}
