import type Keyv from 'keyv';
import type { FeedHealth } from '../types.js';
import { Namespace } from './namespace.js';

/** What a source remembers between fetches: conditional-GET validators and paging cursors. */
export interface FeedCursor {
  etag?: string;
  lastModified?: string;
  /** Last entry-date window end (PubMed/preprints) or cursorMark (Europe PMC). */
  cursor?: string;
  /** Item keys already seen in this feed, to skip unchanged items cheaply. */
  seenKeys?: string[];
}

export class FeedStateStore {
  private readonly cursors: Namespace<FeedCursor>;
  private readonly health: Namespace<FeedHealth>;
  private readonly meta: Namespace<string>;

  constructor(keyv: Keyv) {
    this.cursors = new Namespace(keyv, 'feed-cursor');
    this.health = new Namespace(keyv, 'feed-health');
    this.meta = new Namespace(keyv, 'ingest-meta');
  }

  getCursor(feedId: string): Promise<FeedCursor | undefined> {
    return this.cursors.get(feedId);
  }

  setCursor(feedId: string, cursor: FeedCursor): Promise<void> {
    return this.cursors.set(feedId, cursor);
  }

  getHealth(feedId: string): Promise<FeedHealth | undefined> {
    return this.health.get(feedId);
  }

  setHealth(health: FeedHealth): Promise<void> {
    return this.health.set(health.feedId, health);
  }

  /** Every stored cursor, by feed id; export only (a full scan). */
  cursorEntries(): AsyncGenerator<[string, FeedCursor]> {
    return this.cursors.entries();
  }

  /** Every stored health record; export only (a full scan). */
  async *healthRecords(): AsyncGenerator<FeedHealth> {
    for await (const [, health] of this.health.entries()) yield health;
  }

  /** ISO time of the last completed ingest run (shown by /healthz). */
  lastIngestAt(): Promise<string | undefined> {
    return this.meta.get('last-ingest-at');
  }

  setLastIngestAt(iso: string): Promise<void> {
    return this.meta.set('last-ingest-at', iso);
  }
}
