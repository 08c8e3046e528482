import sqlite3 from 'sqlite3';

/** Pages SQLite may cache per connection: the index's memory does not grow with the corpus. */
const CACHE_KIB = 16_000;
const BUSY_TIMEOUT_MS = 15_000;

/** Waits between attempts when another process holds the file while it switches to WAL. */
const BUSY_RETRY_MS = 50;
const BUSY_RETRIES = 100;

/**
 * Runs `step`, again while SQLite answers SQLITE_BUSY. Changing the journal mode needs the file
 * to itself and SQLite does not call the busy handler for it, so two processes opening one index
 * file together would otherwise fail at once.
 */
async function withBusyRetry(step: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= BUSY_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    }
  }
}

/**
 * One SQLite connection with promise methods. sqlite3 runs every statement on libuv's thread
 * pool, so a query over the index never holds up the event loop; `transaction` runs writes one
 * at a time, since a connection holds one transaction.
 */
export class SqliteConnection {
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: sqlite3.Database) {}

  static async open(file: string): Promise<SqliteConnection> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(opened)));
    });
    const connection = new SqliteConnection(db);
    db.configure('busyTimeout', BUSY_TIMEOUT_MS);
    await connection.run(`PRAGMA cache_size = -${CACHE_KIB}`);
    if (file !== ':memory:') {
      // WAL lets searches on the reading connection run beside a writer, and survives a kill mid-write.
      await withBusyRetry(() => connection.run('PRAGMA journal_mode = WAL'));
      await connection.run('PRAGMA synchronous = NORMAL');
    }
    return connection;
  }

  run(sql: string, ...params: unknown[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, (error) => (error ? reject(error) : resolve()));
    });
  }

  all<T>(sql: string, ...params: unknown[]): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[])));
    });
  }

  async get<T>(sql: string, ...params: unknown[]): Promise<T | undefined> {
    return (await this.all<T>(sql, ...params))[0];
  }

  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT, after any transaction already queued here. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.run('BEGIN IMMEDIATE');
      try {
        const result = await work();
        await this.run('COMMIT');
        return result;
      } catch (error) {
        await this.run('ROLLBACK');
        throw error;
      }
    });
  }

  /** Runs `work` after every transaction or exclusive work queued so far, and before any queued later. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writes.then(work);
    this.writes = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every transaction queued so far has finished. */
  settled(): Promise<void> {
    return this.writes.then(() => undefined);
  }

  async close(): Promise<void> {
    await this.settled();
    await new Promise<void>((resolve, reject) =>
      this.db.close((error) => (error ? reject(error) : resolve())),
    );
  }
}
