import { fullTextOf } from '../text/full-text.js';
import { splitIntoPassages } from '../text/passages.js';
import type { Paper } from '../types.js';
import { PAPER_COLUMNS, PASSAGE_SLOTS } from './index-schema.js';
import { authorName } from './paper-document.js';
import type { SqliteConnection } from './sqlite-connection.js';

/** The token a paper row carries in its `pid` column, and its passages in theirs. */
export function rowToken(row: number): string {
  return `r${row}`;
}

/** The indexed text of a paper, in PAPER_COLUMNS order. */
export function paperColumns(paper: Paper, row: number): string[] {
  return [
    paper.title,
    paper.mesh.join('; '),
    paper.keywords.join('; '),
    paper.abstract.map((section) => section.text).join('\n'),
    fullTextOf(paper) ?? '',
    paper.authors.map(authorName).join('; '),
    rowToken(row),
    flagsOf(paper),
  ];
}

function flagsOf(paper: Paper): string {
  return paper.retracted ? 'retracted' : '';
}

const json = (column: number) => `json_extract(value, '$[${column}]')`;
const INSERT_PAPERS = `INSERT INTO paper_fts (rowid, ${PAPER_COLUMNS.join(', ')})
  SELECT ${[0, ...PAPER_COLUMNS.map((_, i) => i + 1)].map(json).join(', ')} FROM json_each(?)`;
const INSERT_PASSAGES = `INSERT INTO passage_fts (rowid, text, section, basis, pid, flags)
  SELECT ${[0, 1, 2, 3, 4, 5].map(json).join(', ')} FROM json_each(?)`;

/**
 * Adds papers to the index, or replaces their rows when they are there already (an update, a
 * merge, a retraction). Each paper keeps its row number for good. Call inside a transaction.
 * The passages are the sentences Q&A quotes (`splitIntoPassages`), in its order, so passage n
 * of a paper is Q&A's passage `${paperId}#${n}`.
 */
export async function writePapers(db: SqliteConnection, papers: Paper[]): Promise<void> {
  if (papers.length === 0) return;
  const existing = await rowsOf(
    db,
    papers.map((paper) => paper.id),
  );
  await removeRows(db, [...existing.values()]);
  await db.run(
    'INSERT OR IGNORE INTO paper_rows (id) SELECT value FROM json_each(?)',
    JSON.stringify(papers.map((paper) => paper.id)),
  );
  const rows = await rowsOf(
    db,
    papers.map((paper) => paper.id),
  );
  const paperValues: unknown[] = [];
  const passageValues: unknown[] = [];
  for (const paper of papers) {
    const row = rows.get(paper.id) as number;
    paperValues.push([row, ...paperColumns(paper, row)]);
    const passages = splitIntoPassages(paper).slice(0, PASSAGE_SLOTS);
    for (const [ordinal, passage] of passages.entries()) {
      passageValues.push([
        row * PASSAGE_SLOTS + ordinal,
        passage.text,
        passage.section ?? '',
        passage.basis,
        rowToken(row),
        flagsOf(paper),
      ]);
    }
  }
  await db.run(INSERT_PAPERS, JSON.stringify(paperValues));
  if (passageValues.length > 0) await db.run(INSERT_PASSAGES, JSON.stringify(passageValues));
}

/** Takes papers out of the index (records deleted from the store). Call inside a transaction. */
export async function removePapers(db: SqliteConnection, ids: string[]): Promise<void> {
  const rows = await rowsOf(db, ids);
  await removeRows(db, [...rows.values()]);
  await db.run('DELETE FROM paper_rows WHERE id IN (SELECT value FROM json_each(?))', JSON.stringify(ids));
}

/** Row numbers of these paper ids, for those indexed. */
export async function rowsOf(db: SqliteConnection, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const found = await db.all<{ row: number; id: string }>(
    'SELECT row, id FROM paper_rows WHERE id IN (SELECT value FROM json_each(?))',
    JSON.stringify(ids),
  );
  return new Map(found.map(({ row, id }) => [id, row]));
}

async function removeRows(db: SqliteConnection, rows: number[]): Promise<void> {
  if (rows.length === 0) return;
  await db.run('DELETE FROM paper_fts WHERE rowid IN (SELECT value FROM json_each(?))', JSON.stringify(rows));
  for (const row of rows) {
    // sqlite3 binds numbers past 2^31 as REAL, and FTS5 then scans every row instead of seeking.
    await db.run(
      'DELETE FROM passage_fts WHERE rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)',
      row * PASSAGE_SLOTS,
      row * PASSAGE_SLOTS + PASSAGE_SLOTS - 1,
    );
  }
}
