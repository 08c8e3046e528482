import KeyvSqlite from '@keyv/sqlite';

/**
 * @keyv/sqlite with batch operations keyv uses when an adapter offers them. Without
 * `setMany`, keyv writes a batch as one INSERT per key, each its own commit; a 1,000-paper
 * ingest (record + PMID, DOI and title keys) was ~4,000 commits. Here a batch is one
 * statement, so it commits (or fails) as a whole.
 */
export class BatchedKeyvSqlite extends KeyvSqlite {
  async setMany(entries: Array<{ key: string; value: unknown }>): Promise<boolean[]> {
    if (entries.length === 0) return [];
    // WHERE true: SQLite's documented way to let an upsert follow INSERT … SELECT.
    await this.query(
      `INSERT INTO ${this.opts.table} (key, value)
       SELECT json_extract(entry.value, '$[0]'), json_extract(entry.value, '$[1]') FROM json_each(?) AS entry WHERE true
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      JSON.stringify(entries.map(({ key, value }) => [key, value])),
    );
    return entries.map(() => true);
  }

  /** The upstream version matches rows to keys with a linear search per key. */
  override async getMany<Value>(keys: string[]): Promise<Array<Value | undefined>> {
    if (keys.length === 0) return [];
    const rows: Array<{ key: string; value: Value }> = await this.query(
      `SELECT key, value FROM ${this.opts.table} WHERE key IN (SELECT value FROM json_each(?))`,
      JSON.stringify(keys),
    );
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key));
  }
}
