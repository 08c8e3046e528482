import type { Paper } from '../types.js';
import {
  createConnectionTables,
  createSchema,
  type IndexMeta,
  readMeta,
  resetSchema,
  writeMeta,
} from './index-schema.js';
import { removePapers, writePapers } from './index-writer.js';
import { rankPapers, topicMatches } from './paper-ranking.js';
import { rankPassagesOf } from './passage-ranking.js';
import { plannedGroups, type TermGroup } from './query-plan.js';
import type { PassageSearchOptions, SearchEngine } from './search-engine.js';
import { SqliteConnection } from './sqlite-connection.js';
import { TermStatistics } from './term-statistics.js';

export const IN_MEMORY = ':memory:';
/** Papers whose passages a corpus-wide passage search ranks. */
const CORPUS_SHORTLIST = 50;

/** A batch of index changes, committed together with the meta values that describe them. */
export interface IndexChange {
  add?: Paper[];
  remove?: string[];
  meta?: Partial<IndexMeta>;
  /** Commit only if the index's meta still reads so (another process sharing the file may have moved it). */
  expect?: (meta: IndexMeta) => boolean;
}

/**
 * SQLite FTS5 over papers and their passages, in one file (or in memory). Writes go through
 * one connection, one transaction at a time; reads through another, so a search never waits
 * for a write to commit (WAL). Memory is SQLite's page cache per connection, whatever the corpus.
 */
export class FullTextIndex implements SearchEngine {
  private papers = 0;
  private dataVersion: number | undefined;

  private constructor(
    private readonly writer: SqliteConnection,
    private readonly reader: SqliteConnection,
    private readonly statistics: TermStatistics,
  ) {}

  static async open(file: string = IN_MEMORY): Promise<FullTextIndex> {
    const writer = await SqliteConnection.open(file);
    await createSchema(writer);
    const reader = file === IN_MEMORY ? writer : await SqliteConnection.open(file);
    await createConnectionTables(reader);
    const index = new FullTextIndex(writer, reader, new TermStatistics(reader));
    await index.count();
    return index;
  }

  get size(): number {
    return this.papers;
  }

  meta(): Promise<IndexMeta> {
    return readMeta(this.writer);
  }

  /** Empties the index (it follows another store, or is of an older format). */
  async reset(): Promise<void> {
    await resetSchema(this.writer);
    await this.afterWrite();
  }

  /** Applies a batch in one transaction; false when `expect` no longer held and nothing was written. */
  async apply(change: IndexChange): Promise<boolean> {
    const applied = await this.writer.transaction(async () => {
      if (change.expect && !change.expect(await readMeta(this.writer))) return false;
      if (change.remove?.length) await removePapers(this.writer, change.remove);
      if (change.add?.length) await writePapers(this.writer, change.add);
      if (change.meta) await writeMeta(this.writer, change.meta);
      return true;
    });
    if (applied && (change.add?.length || change.remove?.length)) await this.afterWrite();
    return applied;
  }

  async add(papers: Paper[]): Promise<void> {
    await this.apply({ add: papers });
  }

  async remove(paperIds: string[]): Promise<void> {
    await this.apply({ remove: paperIds });
  }

  async search(groups: TermGroup[], options: { limit: number; includeRetracted: boolean }) {
    const { planned } = await this.plan(groups);
    return rankPapers(this.reader, planned, options);
  }

  /**
   * Passages of the given papers, or corpus-wide of the CORPUS_SHORTLIST papers the query
   * ranks best: bm25 over every passage would first count the passages holding each term,
   * work that grows with the corpus, and the best passages sit in the best papers.
   */
  async passages(groups: TermGroup[], options: PassageSearchOptions) {
    const { planned, idf } = await this.plan(groups);
    const { includeRetracted, limit } = options;
    const paperIds =
      options.paperIds ??
      (await rankPapers(this.reader, planned, { limit: CORPUS_SHORTLIST, includeRetracted })).map(
        (hit) => hit.id,
      );
    return rankPassagesOf(this.reader, paperIds, { groups: planned, idf, limit, includeRetracted });
  }

  async topicMatches(groups: TermGroup[], paperIds: string[]) {
    const { planned } = await this.plan(groups);
    return topicMatches(this.reader, planned, paperIds);
  }

  async documentFrequency(terms: string[]): Promise<Map<string, number>> {
    await this.writer.settled();
    return this.statistics.documentFrequency(terms);
  }

  tokensOf(texts: string[]): Promise<string[][]> {
    return this.statistics.tokensOf(texts);
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.reader !== this.writer) await this.reader.close();
  }

  /** Drops terms no paper contains or nearly every paper does; weights a group by its commonest alternative. */
  private async plan(groups: TermGroup[]) {
    await this.writer.settled();
    await this.followOtherWriters();
    const df = await this.statistics.estimatedFrequency(groups.flat(), this.papers);
    const planned = plannedGroups(groups, df, this.papers);
    const idf = (group: TermGroup) => {
      const count = Math.max(...group.map((alternative) => df.get(alternative) ?? 0));
      return Math.log(1 + (this.papers - count + 0.5) / (count + 0.5));
    };
    return { planned, idf };
  }

  private async afterWrite(): Promise<void> {
    this.statistics.invalidate();
    await this.count();
  }

  /**
   * Another process sharing the file (the CLI beside the app, a second replica on one disk)
   * may have written: the paper count and cached term counts are then read again.
   */
  private async followOtherWriters(): Promise<void> {
    if (this.reader === this.writer) return;
    const version = (await this.reader.get<{ data_version: number }>('PRAGMA data_version'))?.data_version;
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    this.statistics.invalidate();
    await this.count();
  }

  private async count(): Promise<void> {
    const row = await this.reader.get<{ count: number }>('SELECT count(*) AS count FROM paper_rows');
    this.papers = row?.count ?? 0;
  }
}
