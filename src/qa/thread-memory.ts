import type { Store } from '../store/index.js';

/** What a thread remembers: redacted questions and the answers' text and cited papers. */
export interface ThreadTurnRecord {
  role: 'user' | 'assistant';
  text: string;
  paperIds?: string[];
}

const KEEP_TURNS = 6;
const DAY_MS = 24 * 3_600_000;
/** THREAD_MEMORY_DAYS' default. */
const DEFAULT_RETENTION_DAYS = 14;
/** How long "Ask about this" keeps a user's questions in that thread on the chosen paper. */
const FOCUS_TTL_MS = 60 * 60_000;

/**
 * Per-thread Q&A context in the store, so a follow-up ("and was immunosuppression stopped?")
 * is read with the question before it, on any replica. Only redacted text is ever written.
 */
export class ThreadMemory {
  /** `retentionDays` (THREAD_MEMORY_DAYS): how long turns are kept; 0 keeps none. */
  constructor(
    private readonly store: Store,
    private readonly retentionDays = DEFAULT_RETENTION_DAYS,
  ) {}

  async turns(channelId: string, threadTs: string): Promise<ThreadTurnRecord[]> {
    return (
      (await this.store.namespace<ThreadTurnRecord[]>('qa-thread').get(`${channelId}:${threadTs}`)) ?? []
    );
  }

  async append(channelId: string, threadTs: string, turns: ThreadTurnRecord[]): Promise<void> {
    if (this.retentionDays <= 0) return;
    const all = [...(await this.turns(channelId, threadTs)), ...turns].slice(-KEEP_TURNS);
    await this.store
      .namespace<ThreadTurnRecord[]>('qa-thread')
      .set(`${channelId}:${threadTs}`, all, this.retentionDays * DAY_MS);
  }

  async focus(channelId: string, threadTs: string, userId: string): Promise<string | undefined> {
    return this.store.namespace<string>('qa-focus').get(`${channelId}:${threadTs}:${userId}`);
  }

  async setFocus(channelId: string, threadTs: string, userId: string, paperId: string): Promise<void> {
    await this.store
      .namespace<string>('qa-focus')
      .set(`${channelId}:${threadTs}:${userId}`, paperId, FOCUS_TTL_MS);
  }
}
