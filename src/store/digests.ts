import type Keyv from 'keyv';
import type { Digest } from '../types.js';
import { Namespace } from './namespace.js';

export interface PostedMessage {
  channelId: string;
  ts: string;
  /** Thread replies carrying items that did not fit the main message. */
  overflowTs?: string;
  postedAt: string;
}

/** A digest and what happened to it; `posted` is written only after Slack returned a ts. */
export interface DigestRecord {
  digest: Digest;
  posted?: PostedMessage;
}

/**
 * Digests by id, the thread → digest map (thread replies become Q&A over that digest), and
 * per-channel delivered papers (a paper is never delivered twice to one channel).
 */
export class DigestStore {
  private readonly records: Namespace<DigestRecord>;
  private readonly threads: Namespace<string>;
  private readonly delivered: Namespace<string>;
  private readonly history: Namespace<string[]>;

  constructor(keyv: Keyv) {
    this.records = new Namespace(keyv, 'digest');
    this.threads = new Namespace(keyv, 'digest-thread');
    this.delivered = new Namespace(keyv, 'delivered');
    this.history = new Namespace(keyv, 'digest-history');
  }

  get(id: string): Promise<DigestRecord | undefined> {
    return this.records.get(id);
  }

  async save(record: DigestRecord): Promise<void> {
    await this.records.set(record.digest.id, record);
    const ids = await this.idsForChannel(record.digest.channelId);
    if (!ids.includes(record.digest.id))
      await this.history.set(record.digest.channelId, [...ids, record.digest.id]);
  }

  /** Records the Slack message of a posted digest, maps its thread, and marks its papers delivered. */
  async markPosted(id: string, posted: PostedMessage): Promise<void> {
    const record = await this.records.get(id);
    if (!record) return;
    await this.records.set(id, { ...record, posted });
    await this.threads.set(threadKey(posted.channelId, posted.ts), id);
    if (posted.overflowTs) await this.threads.set(threadKey(posted.channelId, posted.overflowTs), id);
    for (const item of record.digest.items) {
      await this.delivered.set(`${posted.channelId}:${item.paperId}`, id);
    }
  }

  /** The digest whose message started this thread, if any. */
  digestIdForThread(channelId: string, threadTs: string): Promise<string | undefined> {
    return this.threads.get(threadKey(channelId, threadTs));
  }

  /** Maps another message the app posted (a prep brief, an answer) to a digest-like record. */
  async mapThread(channelId: string, threadTs: string, digestId: string): Promise<void> {
    await this.threads.set(threadKey(channelId, threadTs), digestId);
  }

  /** For each paper id, whether it was already delivered to the channel. */
  async deliveredIn(channelId: string, paperIds: string[]): Promise<boolean[]> {
    const values = await this.delivered.getMany(paperIds.map((id) => `${channelId}:${id}`));
    return values.map((value) => value !== undefined);
  }

  /** Every thread → digest mapping (digest posts, overflow replies, other mapped messages); export only. */
  async *threadLinks(): AsyncGenerator<{ channelId: string; ts: string; digestId: string }> {
    for await (const [key, digestId] of this.threads.entries()) {
      const split = key.indexOf(':');
      yield { channelId: key.slice(0, split), ts: key.slice(split + 1), digestId };
    }
  }

  /** Deletes a channel's digests, their thread links and its delivered marks; returns how many digests. */
  async forgetChannel(channelId: string): Promise<number> {
    const ids = await this.idsForChannel(channelId);
    for (const id of ids) await this.records.delete(id);
    await this.history.delete(channelId);
    for (const space of [this.threads, this.delivered]) {
      const owned: string[] = [];
      for await (const [key] of space.entries()) if (key.startsWith(`${channelId}:`)) owned.push(key);
      for (const key of owned) await space.delete(key);
    }
    return ids.length;
  }

  /** Digest ids of a channel, oldest first. */
  async idsForChannel(channelId: string): Promise<string[]> {
    return (await this.history.get(channelId)) ?? [];
  }
}

function threadKey(channelId: string, ts: string): string {
  return `${channelId}:${ts}`;
}
