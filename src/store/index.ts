import { mkdirSync } from 'node:fs';
import path from 'node:path';
import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import { StoreError } from '../errors.js';
import { ChannelStore } from './channels.js';
import { DigestStore } from './digests.js';
import { FeedStateStore } from './feeds.js';
import { type LockStore, MemoryLockStore, RedisLockStore, SqliteLockStore } from './locks.js';
import { Namespace } from './namespace.js';
import {
  MemoryPaperChangeLog,
  type PaperChangeLog,
  RedisPaperChangeLog,
  SqlitePaperChangeLog,
} from './paper-changes.js';
import { PaperStore } from './papers.js';
import { BatchedKeyvSqlite } from './sqlite-adapter.js';

export type { DigestRecord, PostedMessage } from './digests.js';
export type { FeedCursor } from './feeds.js';
export type { LockStore } from './locks.js';
export { Namespace } from './namespace.js';
export type { PaperChange, PaperChangeLog } from './paper-changes.js';
export type { PaperKeys } from './papers.js';

export interface Store {
  readonly kind: 'sqlite' | 'redis' | 'memory';
  readonly papers: PaperStore;
  readonly channels: ChannelStore;
  readonly digests: DigestStore;
  readonly feeds: FeedStateStore;
  readonly locks: LockStore;
  /**
   * Where this process keeps its own full-text index file: beside the SQLite store, or in
   * DATA_DIR for a Redis store (one file per replica). Undefined for a memory store.
   */
  readonly searchIndexPath?: string;
  /** A typed key prefix for module-owned records (LLM cache, embeddings, feedback, rate limits). */
  namespace<T>(prefix: string): Namespace<T>;
  /** True when the backend answers a round trip. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** The SQLite file lives here unless `redisUrl` is given; the local search index always does. */
  dataDir?: string;
  redisUrl?: string;
  /** Key prefix isolating several stores in one Redis (tests, staging). */
  redisNamespace?: string;
  memory?: boolean;
}

/** Opens the embedded SQLite store by default, Redis when a URL is configured, memory for tests. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.memory) {
    return buildStore({
      kind: 'memory',
      keyv: new Keyv(),
      locks: new MemoryLockStore(),
      changes: new MemoryPaperChangeLog(),
      close: async () => {},
    });
  }
  const dataDir = path.resolve(options.dataDir ?? './data');
  if (options.redisUrl) return openRedis(options.redisUrl, options.redisNamespace ?? 'tbd', dataDir);
  return openSqlite(dataDir);
}

async function openSqlite(dataDir: string): Promise<Store> {
  const file = path.join(dataDir, 'tbdigest.sqlite');
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const adapter = new BatchedKeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 15_000 });
    // WAL keeps the file consistent if the process is killed mid-write and lets readers run beside a writer.
    await adapter.query('PRAGMA journal_mode=WAL');
    // With WAL, NORMAL syncs at checkpoints instead of every commit: an app crash loses nothing,
    // a power cut may lose the last commits but never corrupts the file; bulk ingests run several times faster.
    await adapter.query('PRAGMA synchronous=NORMAL');
    const keyv = new Keyv({ store: adapter, namespace: 'tbd' });
    const changes = new SqlitePaperChangeLog(adapter);
    await changes.head();
    return buildStore({
      kind: 'sqlite',
      keyv,
      locks: new SqliteLockStore(adapter),
      changes,
      searchIndexPath: path.join(dataDir, 'search-index.sqlite'),
      close: () => adapter.disconnect(),
    });
  } catch (cause) {
    throw new StoreError(`Cannot open the SQLite store at ${file}. Check DATA_DIR and its permissions.`, {
      cause,
    });
  }
}

async function openRedis(url: string, namespace: string, dataDir: string): Promise<Store> {
  const adapter = new KeyvRedis(url, { throwOnConnectError: true, connectionTimeout: 5_000 });
  try {
    await adapter.getClient();
  } catch (cause) {
    throw new StoreError('Cannot connect to Redis at REDIS_URL. Is the server running and reachable?', {
      cause,
    });
  }
  const keyv = new Keyv({ store: adapter, namespace });
  return buildStore({
    kind: 'redis',
    keyv,
    locks: new RedisLockStore(adapter, namespace),
    changes: new RedisPaperChangeLog(adapter, namespace),
    // Several stores may share a DATA_DIR (staging, tests): one index file per Redis namespace.
    searchIndexPath: path.join(dataDir, `search-index-${namespace.replace(/[^\w-]/g, '_')}.sqlite`),
    close: () => adapter.disconnect(),
  });
}

interface StoreParts {
  kind: Store['kind'];
  keyv: Keyv;
  locks: LockStore;
  changes: PaperChangeLog;
  searchIndexPath?: string;
  close: () => Promise<void>;
}

function buildStore({ kind, keyv, locks, changes, searchIndexPath, close }: StoreParts): Store {
  keyv.on('error', () => {
    // Errors surface as rejected promises to the caller, which logs them with context.
  });
  return {
    kind,
    papers: new PaperStore(keyv, changes),
    channels: new ChannelStore(keyv),
    digests: new DigestStore(keyv),
    feeds: new FeedStateStore(keyv),
    locks,
    searchIndexPath,
    namespace: <T>(prefix: string) => new Namespace<T>(keyv, prefix),
    async ping() {
      try {
        await keyv.set('ping', Date.now(), 10_000);
        return (await keyv.get('ping')) !== undefined;
      } catch {
        return false;
      }
    },
    close,
  };
}
