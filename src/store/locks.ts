import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';

/**
 * Atomic leases. keyv has no compare-and-set, so exactly-once claims, cron locks and
 * event dedupe use the backend's own atomic operation: an upsert guarded by expiry in
 * SQLite (safe across processes on one file), SET NX PX in Redis.
 */
export interface LockStore {
  /** Takes the lease when free, expired, or already ours; true when we hold it afterwards. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean>;
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
      .query('CREATE TABLE IF NOT EXISTS tbd_locks (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires INTEGER NOT NULL)')
      .then(() => undefined);
  }

  async acquire(key: string, owner: string, ttlMs: number): Promise<boolean> {
    await this.ready;
    const now = this.clock();
    await this.sqlite.query(
      `INSERT INTO tbd_locks (key, owner, expires) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET owner = excluded.owner, expires = excluded.expires
       WHERE tbd_locks.expires <= ? OR tbd_locks.owner = excluded.owner`,
      key,
      owner,
      now + ttlMs,
      now,
    );
    return (await this.holder(key)) === owner;
  }

  async release(key: string, owner: string): Promise<void> {
    await this.ready;
    await this.sqlite.query('DELETE FROM tbd_locks WHERE key = ? AND owner = ?', key, owner);
  }

  async holder(key: string): Promise<string | undefined> {
    await this.ready;
    const rows = (await this.sqlite.query('SELECT owner, expires FROM tbd_locks WHERE key = ?', key)) as {
      owner: string;
      expires: number;
    }[];
    const row = rows[0];
    return row && row.expires > this.clock() ? row.owner : undefined;
  }
}

const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

export class RedisLockStore implements LockStore {
  constructor(
    private readonly redis: KeyvRedis<unknown>,
    private readonly prefix = "tbd",
  ) {}

  private key(key: string): string {
    return `${this.prefix}-lock:${key}`;
  }

  async acquire(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const client = this.redis.client as unknown as RedisCommands;
    const set = await client.set(this.key(key), owner, { NX: true, PX: ttlMs });
    if (set === 'OK') return true;
    const renewed = await client.eval(RENEW_SCRIPT, { keys: [this.key(key)], arguments: [owner, String(ttlMs)] });
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
    if (lease && lease.expires > this.clock() && lease.owner !== owner) return false;
    this.leases.set(key, { owner, expires: this.clock() + ttlMs });
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
