import { PASSAGE_SLOTS } from './index-schema.js';
import { rowsOf, rowToken } from './index-writer.js';
import { NOT_RETRACTED } from './paper-ranking.js';
import { groupExpression, type TermGroup, withinRows } from './query-plan.js';
import type { PassageHit } from './search-engine.js';
import type { SqliteConnection } from './sqlite-connection.js';

/** BM25's usual constants; tf is 0 or 1 in a sentence, so k1 only shapes the length term. */
const K1 = 1.2;
const B = 0.75;
/** Words in a typical sentence of an abstract: the length BM25 normalizes passages against. */
const AVERAGE_PASSAGE_WORDS = 25;

interface PassageRow {
  rowid: number;
  text: string;
  section: string;
  basis: PassageHit['basis'];
}

export interface PassageQuery {
  groups: TermGroup[];
  /** Inverse document frequency of each group, over papers. */
  idf: (group: TermGroup) => number;
  limit: number;
  includeRetracted: boolean;
}

/**
 * The best passages of these papers for the query. Scored in BM25's form with the corpus's
 * idf per term group and tf 0 or 1 (a sentence rarely repeats a word): FTS5's own bm25()
 * would first count every passage in the corpus holding each term, which grows with the
 * corpus. Here the work follows the candidates: one FTS5 lookup per group within their rows.
 */
export async function rankPassagesOf(
  db: SqliteConnection,
  paperIds: string[],
  query: PassageQuery,
): Promise<PassageHit[]> {
  const rows = await rowsOf(db, paperIds);
  if (query.groups.length === 0 || rows.size === 0) return [];
  const tokens = [...rows.values()].map(rowToken);
  const matched = new Map<number, TermGroup[]>();
  for (const group of query.groups) {
    let expression = withinRows(groupExpression(group), 'pid', tokens);
    if (!query.includeRetracted) expression = `(${expression}) ${NOT_RETRACTED}`;
    const found = await db.all<{ rowid: number }>(
      'SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?',
      expression,
    );
    for (const { rowid } of found) matched.set(rowid, [...(matched.get(rowid) ?? []), group]);
  }
  const passages = await db.all<PassageRow>(
    'SELECT rowid, text, section, basis FROM passage_fts WHERE rowid IN (SELECT value FROM json_each(?))',
    JSON.stringify([...matched.keys()]),
  );
  const idOf = new Map([...rows].map(([id, row]) => [row, id]));
  return passages
    .map((passage) => {
      const norm = (K1 + 1) / (1 + K1 * (1 - B + (B * wordCount(passage.text)) / AVERAGE_PASSAGE_WORDS));
      const score = (matched.get(passage.rowid) ?? []).reduce(
        (sum, group) => sum + query.idf(group) * norm,
        0,
      );
      return hitOf(passage, idOf, score);
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, query.limit);
}

function hitOf(passage: PassageRow, idOf: Map<number, string>, score: number): PassageHit {
  const row = Math.floor(passage.rowid / PASSAGE_SLOTS);
  const ordinal = passage.rowid % PASSAGE_SLOTS;
  const paperId = idOf.get(row) ?? '';
  return {
    id: `${paperId}#${ordinal}`,
    paperId,
    ...(passage.section ? { section: passage.section } : {}),
    basis: passage.basis,
    text: passage.text,
    score,
  };
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
