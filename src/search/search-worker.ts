import { parentPort } from 'node:worker_threads';
import { Bm25Index } from './bm25-engine.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/** The worker thread behind `startSearchWorker`: one BM25 index, fed and queried by messages. */
const port = parentPort;
if (!port) throw new Error('search-worker.ts runs only as a worker thread');

const index = new Bm25Index();
port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'add') {
    for (const { document, retracted } of request.documents) index.add(document, retracted);
    return;
  }
  let reply: WorkerReply;
  try {
    reply = { kind: 'results', id: request.id, hits: index.search(request.query, request) };
  } catch (error) {
    reply = {
      kind: 'failed',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  port.postMessage(reply);
});
