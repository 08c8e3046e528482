import { NAMING_COLUMNS } from './index-schema.js';
import { rowsOf, rowToken } from './index-writer.js';
import { matchExpression, type TermGroup, withinRows } from './query-plan.js';
import type { RankedId, TopicMatch } from './search-engine.js';
import type { SqliteConnection } from './sqlite-connection.js';

/**
 * bm25() ranks every row a query matches, so a query matching 100,000 papers would cost
 * the same whatever the limit. Past this many matches, only the newest RANK_WINDOW rows
 * (the most recently indexed papers) are ranked: the cost of a search no longer grows
 * with the corpus. Queries matched by fewer papers are ranked over all their matches.
 */
export const RANK_WINDOW = 5_000;

/** Appended to leave retracted papers (and their passages) out. */
export const NOT_RETRACTED = 'NOT flags : "retracted"';

/**
 * Papers for planned term groups: those containing every group first, best bm25 first
 * (column weights in the index), then, when fewer than `limit` do, the best of those
 * containing any group.
 */
export async function rankPapers(
  db: SqliteConnection,
  groups: TermGroup[],
  options: { limit: number; includeRetracted: boolean },
): Promise<RankedId[]> {
  if (groups.length === 0 || options.limit < 1) return [];
  const filter = (expression: string) =>
    options.includeRetracted ? expression : `(${expression}) ${NOT_RETRACTED}`;
  const hits = await rankedRows(db, filter(matchExpression(groups, 'AND')), options.limit);
  if (hits.length < options.limit && groups.length > 1) {
    const found = new Set(hits.map((hit) => hit.id));
    const more = await rankedRows(db, filter(matchExpression(groups, 'OR')), options.limit + hits.length);
    hits.push(...more.filter((hit) => !found.has(hit.id)).slice(0, options.limit - hits.length));
  }
  return hits;
}

/**
 * bm25 of the papers among `paperIds` that contain every group, and whether the groups are
 * all in what names the paper's subject (title, MeSH, keywords) rather than in passing.
 */
export async function topicMatches(
  db: SqliteConnection,
  groups: TermGroup[],
  paperIds: string[],
): Promise<Map<string, TopicMatch>> {
  const rows = await rowsOf(db, paperIds);
  if (groups.length === 0 || rows.size === 0) return new Map();
  const tokens = [...rows.values()].map(rowToken);
  const all = matchExpression(groups, 'AND');
  const scored = await db.all<{ row: number; rank: number }>(
    'SELECT rowid AS row, rank FROM paper_fts WHERE paper_fts MATCH ?',
    withinRows(all, 'pid', tokens),
  );
  const named = await db.all<{ row: number }>(
    'SELECT rowid AS row FROM paper_fts WHERE paper_fts MATCH ?',
    withinRows(`{${NAMING_COLUMNS.join(' ')}} : (${all})`, 'pid', tokens),
  );
  const namedRows = new Set(named.map(({ row }) => row));
  const idOf = new Map([...rows].map(([id, row]) => [row, id]));
  return new Map(
    scored.map(({ row, rank }) => [idOf.get(row) as string, { score: -rank, named: namedRows.has(row) }]),
  );
}

async function rankedRows(db: SqliteConnection, expression: string, limit: number): Promise<RankedId[]> {
  const cut = await windowStart(db, 'paper_fts', expression);
  const rows = await db.all<{ id: string; rank: number }>(
    `SELECT paper_rows.id, ranked.rank FROM (
       SELECT rowid AS row, rank FROM paper_fts WHERE paper_fts MATCH ? AND rowid >= CAST(? AS INTEGER) ORDER BY rank LIMIT ?
     ) AS ranked JOIN paper_rows ON paper_rows.row = ranked.row ORDER BY ranked.rank`,
    expression,
    cut,
    limit,
  );
  return rows.map((row) => ({ id: row.id, score: -row.rank }));
}

/** The lowest rowid worth ranking: that of the RANK_WINDOW-th newest match, or 0 when fewer match. */
export async function windowStart(db: SqliteConnection, table: string, expression: string): Promise<number> {
  const row = await db.get<{ rowid: number }>(
    `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW - 1}`,
    expression,
  );
  return row?.rowid ?? 0;
}
