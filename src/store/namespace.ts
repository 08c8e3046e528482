import type Keyv from 'keyv';

/**
 * A typed view of one key prefix of the shared keyv instance. Prefixing here (instead of
 * one keyv per namespace) keeps a single SQLite connection or Redis client per process.
 */
export class Namespace<T> {
  constructor(
    private readonly keyv: Keyv,
    readonly prefix: string,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:${id}`;
  }

  async get(id: string): Promise<T | undefined> {
    return (await this.keyv.get<T>(this.key(id))) ?? undefined;
  }

  async getMany(ids: string[]): Promise<(T | undefined)[]> {
    if (ids.length === 0) return [];
    const values = await this.keyv.getMany<T>(ids.map((id) => this.key(id)));
    return values.map((value) => value ?? undefined);
  }

  /** `ttlMs` expires the entry; omit it for permanent records. */
  async set(id: string, value: T, ttlMs?: number): Promise<void> {
    await this.keyv.set(this.key(id), value, ttlMs);
  }

  /** Writes several entries in one backend batch (one SQLite statement, one Redis MULTI). */
  async setMany(entries: Array<[id: string, value: T]>): Promise<void> {
    if (entries.length === 0) return;
    await this.keyv.setMany(entries.map(([id, value]) => ({ key: this.key(id), value })));
  }

  async delete(id: string): Promise<void> {
    await this.keyv.delete(this.key(id));
  }

  async has(id: string): Promise<boolean> {
    return (await this.get(id)) !== undefined;
  }

  /**
   * Every entry under this prefix, as [id, value]. A full scan of the backend: for export and
   * backups only, never on a request path (those use explicit index keys).
   */
  async *entries(): AsyncGenerator<[string, T]> {
    if (!this.keyv.iterator) return;
    const start = `${this.prefix}:`;
    for await (const [key, value] of this.keyv.iterator(this.keyv.namespace)) {
      if (typeof key === 'string' && key.startsWith(start) && value !== undefined)
        yield [key.slice(start.length), value as T];
    }
  }
}
