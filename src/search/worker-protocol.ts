import type { PaperDocument } from './paper-document.js';
import type { RankedId } from './search-engine.js';

/** Messages between the Slack app's thread and the search worker (both ours; no outside data). */
export type WorkerRequest =
  | { kind: 'add'; documents: { document: PaperDocument; retracted: boolean }[] }
  | { kind: 'search'; id: number; query: string; limit: number; includeRetracted: boolean };

export type WorkerReply =
  | { kind: 'results'; id: number; hits: RankedId[] }
  | { kind: 'failed'; id: number; message: string };
