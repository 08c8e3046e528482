import { randomUUID } from 'node:crypto';
import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';

/**
 * An ordered log of paper ids written to the store: each replica's local search index
 * reads it from its own cursor to catch up with papers added or updated by any process.
 * Sequence numbers start at 1 and only grow; an id appears once per write.
 */
export interface PaperChangeLog {
  /**
   * Identifies this log. It changes when the store behind it is another one (a new Redis,
   * a flushed one, another SQLite file), so a cursor kept from the old log is not trusted.
   */
  epoch(): Promise<string>;
  /** Sequence number of the newest entry; 0 when the log is empty. */
  head(): Promise<number>;
  /** Up to `limit` entries after `cursor`, oldest first. */
  since(cursor: number, limit: number): Promise<PaperChange[]>;
  /**
   * Logs papers just written. The SQLite log ignores it: a trigger on the store's table logs
   * each write of a paper record in that write's own transaction.
   */
  append(paperIds: string[]): Promise<void>;
}

export interface PaperChange {
  seq: number;
  paperId: string;
}

/** The keyv key prefix of paper records (keyv namespace `tbd`, then `paper:`), as stored by @keyv/sqlite. */
const SQLITE_RECORD_PREFIX = 'tbd:paper:';

/**
 * The log as a table beside keyv's, filled by triggers on keyv's table: a paper record and its
 * log entry commit together, whichever code path wrote the record. A deleted record is logged
 * too, so an index drops it.
 */
export class SqlitePaperChangeLog implements PaperChangeLog {
  private readonly ready: Promise<void>;

  constructor(
    private readonly sqlite: KeyvSqlite,
    table = 'keyv',
  ) {
    const prefixLength = SQLITE_RECORD_PREFIX.length;
    const logged = (row: 'new' | 'old') =>
      `WHEN substr(${row}.key, 1, ${prefixLength}) = '${SQLITE_RECORD_PREFIX}'
       BEGIN INSERT INTO tbd_paper_changes (paper_id) VALUES (substr(${row}.key, ${prefixLength + 1})); END`;
    const statements = [
      'CREATE TABLE IF NOT EXISTS tbd_paper_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, paper_id TEXT NOT NULL)',
      'CREATE TABLE IF NOT EXISTS tbd_paper_changes_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)',
      `INSERT OR IGNORE INTO tbd_paper_changes_meta (name, value) VALUES ('epoch', '${randomUUID()}')`,
      `CREATE TRIGGER IF NOT EXISTS tbd_paper_inserted AFTER INSERT ON ${table} ${logged('new')}`,
      `CREATE TRIGGER IF NOT EXISTS tbd_paper_updated AFTER UPDATE ON ${table} ${logged('new')}`,
      `CREATE TRIGGER IF NOT EXISTS tbd_paper_deleted AFTER DELETE ON ${table} ${logged('old')}`,
    ];
    this.ready = statements.reduce<Promise<void>>(
      (previous, sql) => previous.then(async () => void (await this.sqlite.query(sql))),
      Promise.resolve(),
    );
  }

  async epoch(): Promise<string> {
    await this.ready;
    const rows = (await this.sqlite.query(
      "SELECT value FROM tbd_paper_changes_meta WHERE name = 'epoch'",
    )) as { value: string }[];
    return rows[0]?.value ?? '';
  }

  async head(): Promise<number> {
    await this.ready;
    const rows = (await this.sqlite.query('SELECT max(seq) AS seq FROM tbd_paper_changes')) as {
      seq: number | null;
    }[];
    return rows[0]?.seq ?? 0;
  }

  async since(cursor: number, limit: number): Promise<PaperChange[]> {
    await this.ready;
    const rows = (await this.sqlite.query(
      'SELECT seq, paper_id FROM tbd_paper_changes WHERE seq > ? ORDER BY seq LIMIT ?',
      cursor,
      limit,
    )) as { seq: number; paper_id: string }[];
    return rows.map((row) => ({ seq: row.seq, paperId: row.paper_id }));
  }

  async append(): Promise<void> {
    await this.ready;
  }
}

/**
 * The log as a Redis list (RPUSH is atomic, so writers on several replicas never share a
 * sequence number); entry n sits at list index n - 1. The epoch is set once with SET NX.
 */
export class RedisPaperChangeLog implements PaperChangeLog {
  constructor(
    private readonly redis: KeyvRedis<unknown>,
    private readonly prefix = 'tbd',
  ) {}

  private get client(): RedisListCommands {
    return this.redis.client as unknown as RedisListCommands;
  }

  private get key(): string {
    return `${this.prefix}-paper-changes`;
  }

  async epoch(): Promise<string> {
    const key = `${this.key}:epoch`;
    await this.client.set(key, randomUUID(), { NX: true });
    return (await this.client.get(key)) ?? '';
  }

  head(): Promise<number> {
    return this.client.lLen(this.key);
  }

  async since(cursor: number, limit: number): Promise<PaperChange[]> {
    const ids = await this.client.lRange(this.key, cursor, cursor + limit - 1);
    return ids.map((paperId, i) => ({ seq: cursor + i + 1, paperId }));
  }

  async append(paperIds: string[]): Promise<void> {
    if (paperIds.length > 0) await this.client.rPush(this.key, paperIds);
  }
}

interface RedisListCommands {
  set(key: string, value: string, options: { NX: true }): Promise<string | null>;
  get(key: string): Promise<string | null>;
  lLen(key: string): Promise<number>;
  lRange(key: string, start: number, stop: number): Promise<string[]>;
  rPush(key: string, values: string[]): Promise<number>;
}

export class MemoryPaperChangeLog implements PaperChangeLog {
  private readonly ids: string[] = [];
  private readonly id = randomUUID();

  async epoch(): Promise<string> {
    return this.id;
  }

  async head(): Promise<number> {
    return this.ids.length;
  }

  async since(cursor: number, limit: number): Promise<PaperChange[]> {
    return this.ids.slice(cursor, cursor + limit).map((paperId, i) => ({ seq: cursor + i + 1, paperId }));
  }

  async append(paperIds: string[]): Promise<void> {
    this.ids.push(...paperIds);
  }
}
