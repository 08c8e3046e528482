import { randomUUID } from 'node:crypto';
import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';

/**
 * Atomic leases. keyv has no compare-and-set, so exactly-once claims, cron locks and
 * event dedupe use the backend's own atomic operation: an upsert guarded by expiry in
 * SQLite (safe across processes on one file), SET NX PX in Redis.
 */
export interface LockStore {
  /**
   * Takes the lease when free or expired. Not re-entrant: a second acquire by the same owner
   * fails, so two attempts inside one process cannot both pass a claim. Holders extend with renew.
   */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends the lease if `owner` still holds it; false when it expired and someone else took it. */
  renew(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if we still hold it. */
  release(key: string, owner: string): Promise<void>;
  /** Current holder, if the lease is live. */
  holder(key: string): Promise<string | undefined>;
}

export class SqliteLockStore implements LockStore {
  private ready: Promise<void>;

  constructor(
    private readonly sqlite: KeyvSqlite,
    private readonly clock: () => number = Date.now,
  ) {
    this.ready = this.sqlite
      .query(
        'CREATE TABLE IF NOT EXISTS tbd_leases (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires INTEGER NOT NULL, nonce TEXT NOT NULL)',
      )
      .then(() => undefined);
  }

  async acquire(key: string, owner: string, ttlMs: number): Promise<boolean> {
    await this.ready;
    const now = this.clock();
    const nonce = randomUUID();
    await this.sqlite.query(
      `INSERT INTO tbd_leases (key, owner, expires, nonce) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET owner = excluded.owner, expires = excluded.expires, nonce = excluded.nonce
       WHERE tbd_leases.expires <= ?`,
      key,
      owner,
      now + ttlMs,
      nonce,
      now,
    );
    return this.wrote(key, nonce);
  }

  async renew(key: string, owner: string, ttlMs: number): Promise<boolean> {
    await this.ready;
    const now = this.clock();
    const nonce = randomUUID();
    await this.sqlite.query(
      'UPDATE tbd_leases SET expires = ?, nonce = ? WHERE key = ? AND owner = ? AND expires > ?',
      now + ttlMs,
      nonce,
      key,
      owner,
      now,
    );
    return this.wrote(key, nonce);
  }

  async release(key: string, owner: string): Promise<void> {
    await this.ready;
    await this.sqlite.query('DELETE FROM tbd_leases WHERE key = ? AND owner = ?', key, owner);
  }

  async holder(key: string): Promise<string | undefined> {
    await this.ready;
    const row = await this.row(key);
    return row && row.expires > this.clock() ? row.owner : undefined;
  }

  /** A fresh nonce per write tells whether our guarded write took effect, even within one millisecond. */
  private async wrote(key: string, nonce: string): Promise<boolean> {
    return (await this.row(key))?.nonce === nonce;
  }

  private async row(key: string): Promise<{ owner: string; expires: number; nonce: string } | undefined> {
    const rows = (await this.sqlite.query(
      'SELECT owner, expires, nonce FROM tbd_leases WHERE key = ?',
      key,
    )) as {
      owner: string;
      expires: number;
      nonce: string;
    }[];
    return rows[0];
  }
}

const RELEASE_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

export class RedisLockStore implements LockStore {
  constructor(
    private readonly redis: KeyvRedis<unknown>,
    private readonly prefix = 'tbd',
  ) {}

  private key(key: string): string {
    return `${this.prefix}-lock:${key}`;
  }

  async acquire(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const client = this.redis.client as unknown as RedisCommands;
    return (await client.set(this.key(key), owner, { NX: true, PX: ttlMs })) === 'OK';
  }

  async renew(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const client = this.redis.client as unknown as RedisCommands;
    const renewed = await client.eval(RENEW_SCRIPT, {
      keys: [this.key(key)],
      arguments: [owner, String(ttlMs)],
    });
    return renewed === 1;
  }

  async release(key: string, owner: string): Promise<void> {
    const client = this.redis.client as unknown as RedisCommands;
    await client.eval(RELEASE_SCRIPT, { keys: [this.key(key)], arguments: [owner] });
  }

  async holder(key: string): Promise<string | undefined> {
    const client = this.redis.client as unknown as RedisCommands;
    return (await client.get(this.key(key))) ?? undefined;
  }
}

interface RedisCommands {
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null>;
  get(key: string): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

export class MemoryLockStore implements LockStore {
  private readonly leases = new Map<string, { owner: string; expires: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  async acquire(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const lease = this.leases.get(key);
    if (lease && lease.expires > this.clock()) return false;
    this.leases.set(key, { owner, expires: this.clock() + ttlMs });
    return true;
  }

  async renew(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const lease = this.leases.get(key);
    if (!lease || lease.owner !== owner || lease.expires <= this.clock()) return false;
    lease.expires = this.clock() + ttlMs;
    return true;
  }

  async release(key: string, owner: string): Promise<void> {
    if (this.leases.get(key)?.owner === owner) this.leases.delete(key);
  }

  async holder(key: string): Promise<string | undefined> {
    const lease = this.leases.get(key);
    return lease && lease.expires > this.clock() ? lease.owner : undefined;
  }
}
