import { phraseOf } from './query-plan.js';
import type { SqliteConnection } from './sqlite-connection.js';

/** Terms whose counts are kept between index changes: bounded, so memory does not follow the corpus. */
const CACHE_TERMS = 5_000;
/**
 * The query plan judges how common a term is from the newest papers only: counting every
 * paper holding a word as common as "cohort" reads its whole doclist, work that grows with
 * the corpus, while a share needs no exact count.
 */
export const SAMPLE_PAPERS = 20_000;

/**
 * Document frequencies over the paper index, read from FTS5 itself (fts5vocab), so every
 * replica has them without reading the corpus. A term is tokenized exactly as the index
 * tokenizes text, so callers pass words as written; counts are cached until the index changes.
 */
export class TermStatistics {
  private readonly cache = new Map<string, number>();
  private readonly estimates = new Map<string, number>();

  constructor(private readonly db: SqliteConnection) {}

  /** The index changed: counts read before may be off. */
  invalidate(): void {
    this.cache.clear();
    this.estimates.clear();
  }

  /**
   * Papers containing each term, estimated from the newest SAMPLE_PAPERS of `papers` (exact
   * when the index holds fewer); a term found only in older papers counts 1, never 0.
   */
  async estimatedFrequency(terms: string[], papers: number): Promise<Map<string, number>> {
    const missing = [...new Set(terms)].filter((term) => !this.estimates.has(term));
    if (missing.length > 0) {
      const newest = await this.db.get<{ row: number }>(
        `SELECT row FROM paper_rows ORDER BY row DESC LIMIT 1 OFFSET ${SAMPLE_PAPERS - 1}`,
      );
      const cut = newest?.row ?? 0;
      const sampled = cut > 0 ? SAMPLE_PAPERS : papers;
      for (const term of missing) {
        const row = await this.db.get<{ count: number }>(
          'SELECT count(*) AS count FROM paper_fts WHERE paper_fts MATCH ? AND rowid >= CAST(? AS INTEGER)',
          phraseOf(term),
          cut,
        );
        const inSample = row?.count ?? 0;
        let estimate = sampled > 0 ? Math.round((inSample / sampled) * papers) : 0;
        if (inSample === 0 && cut > 0 && (await this.anyPaperHas(term))) estimate = 1;
        if (this.estimates.size >= CACHE_TERMS)
          this.estimates.delete(this.estimates.keys().next().value as string);
        this.estimates.set(term, estimate);
      }
    }
    return new Map(terms.map((term) => [term, this.estimates.get(term) ?? 0]));
  }

  /**
   * Papers containing each term (any of its words' stems in title, MeSH, keywords, abstract,
   * full text or author names), keyed by the term as given. A term of several words counts
   * papers containing them as a phrase; a term with no word counts 0.
   */
  async documentFrequency(terms: string[]): Promise<Map<string, number>> {
    const missing = [...new Set(terms)].filter((term) => !this.cache.has(term));
    if (missing.length > 0) {
      const tokens = await this.tokensOf(missing);
      const single = new Map<string, string>();
      for (const [i, term] of missing.entries()) {
        const termTokens = tokens[i] ?? [];
        if (termTokens.length === 1) single.set(term, termTokens[0] as string);
        else this.remember(term, termTokens.length === 0 ? 0 : await this.phraseCount(term));
      }
      const counts = await this.vocabularyCounts([...new Set(single.values())]);
      for (const [term, token] of single) this.remember(term, counts.get(token) ?? 0);
    }
    return new Map(terms.map((term) => [term, this.cache.get(term) ?? 0]));
  }

  /** The index's tokens for each text, in order: lowercased, diacritics folded, Porter-stemmed. */
  async tokensOf(texts: string[]): Promise<string[][]> {
    if (texts.length === 0) return [];
    const rows = await this.db.exclusive(async () => {
      await this.db.run(
        'INSERT INTO temp.term_probe (rowid, word) SELECT key + 1, value FROM json_each(?)',
        JSON.stringify(texts),
      );
      try {
        return await this.db.all<{ doc: number; term: string }>(
          'SELECT doc, term FROM temp.term_probe_tokens ORDER BY doc, offset',
        );
      } finally {
        await this.db.run('DELETE FROM temp.term_probe');
      }
    });
    const out: string[][] = texts.map(() => []);
    for (const { doc, term } of rows) out[doc - 1]?.push(term);
    return out;
  }

  private async vocabularyCounts(tokens: string[]): Promise<Map<string, number>> {
    if (tokens.length === 0) return new Map();
    const rows = await this.db.all<{ term: string; doc: number }>(
      'SELECT term, doc FROM temp.paper_terms WHERE term IN (SELECT value FROM json_each(?))',
      JSON.stringify(tokens),
    );
    return new Map(rows.map((row) => [row.term, row.doc]));
  }

  private async anyPaperHas(term: string): Promise<boolean> {
    return Boolean(
      await this.db.get('SELECT 1 FROM paper_fts WHERE paper_fts MATCH ? LIMIT 1', phraseOf(term)),
    );
  }

  private async phraseCount(term: string): Promise<number> {
    const row = await this.db.get<{ count: number }>(
      'SELECT count(*) AS count FROM paper_fts WHERE paper_fts MATCH ?',
      phraseOf(term),
    );
    return row?.count ?? 0;
  }

  private remember(term: string, count: number): void {
    if (this.cache.size >= CACHE_TERMS) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(term, count);
  }
}
