import type { SqliteConnection } from './sqlite-connection.js';

/**
 * The on-disk layout of the full-text index. Bump FORMAT when it changes: an index file of
 * another format is rebuilt from the store when opened.
 */
export const FORMAT = '3';

/**
 * Porter stems after unicode61 folding: "relapsed" and "relapses" find "relapse", "Sjögren"
 * finds "sjogren". Q&A weights its question terms with document frequencies of the same stems.
 */
const TOKENIZER = "tokenize = 'porter unicode61 remove_diacritics 2'";

/**
 * One row per paper. Contentless (the store holds the text): rows are only found and ranked.
 * `pid` holds the row's own token ("r42") so a query can be restricted to a set of papers;
 * `flags` holds "retracted" for retracted papers. contentless_delete lets a paper be replaced
 * (detail stays full: FTS5 returns bm25() = 0 for contentless tables with detail=column).
 */
export const PAPER_COLUMNS = [
  'title',
  'mesh',
  'keywords',
  'abstract',
  'fulltext',
  'authors',
  'pid',
  'flags',
] as const;

/**
 * bm25() weight of each paper column, in PAPER_COLUMNS order: a word in the title says most
 * about what a paper is about, then its MeSH headings and keywords, then the abstract, then a
 * passing mention in the full text. Row tokens and flags never score.
 */
export const PAPER_WEIGHTS = [3, 2.5, 2, 1, 0.3, 0.5, 0, 0] as const;

/** Columns that name what a paper is about (the digest's "not a passing mention" test). */
export const NAMING_COLUMNS = ['title', 'mesh', 'keywords'] as const;
/** The paper's own words: author names, row tokens and flags are not what it says. */
export const TEXT_COLUMNS = ['title', 'mesh', 'keywords', 'abstract', 'fulltext'] as const;

/** Passages of paper row r have rowids r × PASSAGE_SLOTS + ordinal. */
export const PASSAGE_SLOTS = 65_536;

const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS index_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS paper_rows (row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)',
  `CREATE VIRTUAL TABLE IF NOT EXISTS paper_fts USING fts5(${PAPER_COLUMNS.join(', ')}, content = '', contentless_delete = 1, ${TOKENIZER})`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5(text, section UNINDEXED, basis UNINDEXED, pid, flags, ${TOKENIZER})`,
  `INSERT INTO paper_fts (paper_fts, rank) VALUES ('rank', 'bm25(${PAPER_WEIGHTS.join(', ')})')`,
];

/** Rows of papers; `index_meta` survives a reset, keeping the claim of the process resetting it. */
const PAPER_TABLES = ['paper_fts', 'passage_fts', 'paper_rows'];

/**
 * Per-connection helpers: document frequencies read from FTS5's own vocabulary, and a probe
 * table that tokenizes words exactly as the index does.
 */
const CONNECTION_TABLES = [
  'CREATE VIRTUAL TABLE IF NOT EXISTS temp.paper_terms USING fts5vocab(main, paper_fts, row)',
  `CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_probe USING fts5(word, ${TOKENIZER})`,
  'CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_probe_tokens USING fts5vocab(temp, term_probe, instance)',
];

export type IndexState = 'building' | 'ready';

export interface IndexMeta {
  format?: string;
  /** The store change log this index follows (PaperChangeLog.epoch). */
  epoch?: string;
  /** Last change-log sequence number applied. */
  cursor: number;
  state?: IndexState;
  /** While building: the process building it, and when it last wrote a batch (ms since epoch). */
  builder?: string;
  heartbeat?: number;
}

/** Creates the tables of a new index file. */
export async function createSchema(db: SqliteConnection): Promise<void> {
  await db.transaction(async () => {
    // Checked inside the transaction: two processes opening one new file create it once.
    if (await db.get("SELECT 1 FROM sqlite_master WHERE name = 'paper_fts'")) return;
    for (const sql of SCHEMA) await db.run(sql);
  });
}

/** Drops every paper (an index of another store or format) and recreates the empty tables. */
export async function resetSchema(db: SqliteConnection): Promise<void> {
  await db.transaction(async () => {
    for (const table of PAPER_TABLES) await db.run(`DROP TABLE IF EXISTS ${table}`);
    for (const sql of SCHEMA) await db.run(sql);
  });
  await db.run('VACUUM');
}

export async function createConnectionTables(db: SqliteConnection): Promise<void> {
  for (const sql of CONNECTION_TABLES) await db.run(sql);
}

export async function readMeta(db: SqliteConnection): Promise<IndexMeta> {
  const rows = await db.all<{ name: string; value: string }>('SELECT name, value FROM index_meta');
  const value = new Map(rows.map((row) => [row.name, row.value]));
  return {
    format: value.get('format'),
    epoch: value.get('epoch'),
    cursor: Number(value.get('cursor') ?? 0),
    state: value.get('state') as IndexState | undefined,
    builder: value.get('builder'),
    heartbeat: value.has('heartbeat') ? Number(value.get('heartbeat')) : undefined,
  };
}

/** Writes meta values; call inside a transaction to commit them with the rows they describe. */
export async function writeMeta(db: SqliteConnection, meta: Partial<IndexMeta>): Promise<void> {
  for (const [name, value] of Object.entries(meta)) {
    if (value === undefined) continue;
    await db.run(
      'INSERT INTO index_meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
      name,
      String(value),
    );
  }
}
