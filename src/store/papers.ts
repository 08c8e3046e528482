import type Keyv from 'keyv';
import { isoWeek } from '../time.js';
import type { Paper } from '../types.js';
import { Namespace } from './namespace.js';

/** Identifiers a paper can be found by; each is an explicit index key, no scans. */
export interface PaperKeys {
  pmid?: string;
  doi?: string;
  /** Normalized title + first author, from `src/text` dedupe keys. */
  titleKey?: string;
}

/**
 * Papers and their indexes: by PMID, DOI, title key, and by ingestion week (so "new since
 * the last digest" reads a few weeks of ids, whatever the size of the history).
 */
export class PaperStore {
  private readonly records: Namespace<Paper>;
  private readonly byIdentifier: Namespace<string>;
  private readonly byWeek: Namespace<string[]>;
  private readonly weekList: Namespace<string[]>;

  constructor(keyv: Keyv) {
    this.records = new Namespace(keyv, 'paper');
    this.byIdentifier = new Namespace(keyv, 'paper-idx');
    this.byWeek = new Namespace(keyv, 'paper-week');
    this.weekList = new Namespace(keyv, 'paper-weeks');
  }

  get(id: string): Promise<Paper | undefined> {
    return this.records.get(id);
  }

  async getMany(ids: string[]): Promise<Paper[]> {
    const papers = await this.records.getMany(ids);
    return papers.filter((paper): paper is Paper => paper !== undefined);
  }

  /** The id of a stored paper sharing any of these identifiers (PMID first, then DOI, then title). */
  async findId(keys: PaperKeys): Promise<string | undefined> {
    for (const key of identifierKeys(keys)) {
      const id = await this.byIdentifier.get(key);
      if (id) return id;
    }
    return undefined;
  }

  /**
   * Writes the record and its index keys. A paper seen for the first time is added to its
   * ingestion week; an update keeps its original week.
   */
  async put(paper: Paper, keys: PaperKeys): Promise<void> {
    const existed = await this.records.has(paper.id);
    await this.records.set(paper.id, paper);
    for (const key of identifierKeys({ pmid: paper.pmid, doi: paper.doi, ...keys })) {
      await this.byIdentifier.set(key, paper.id);
    }
    if (!existed) await this.addToWeek(isoWeek(new Date(paper.ingestedAt)), paper.id);
  }

  /** Ids of papers first ingested in an ISO week ("2026-W48"). */
  async idsInWeek(week: string): Promise<string[]> {
    return (await this.byWeek.get(week)) ?? [];
  }

  /** Every week that has papers, oldest first. */
  async weeks(): Promise<string[]> {
    return (await this.weekList.get('all')) ?? [];
  }

  /** All paper ids, week by week; used to build the in-memory search index at startup. */
  async *allIds(): AsyncGenerator<string[]> {
    for (const week of await this.weeks()) yield this.idsInWeek(week);
  }

  private async addToWeek(week: string, id: string): Promise<void> {
    const ids = await this.idsInWeek(week);
    if (!ids.includes(id)) await this.byWeek.set(week, [...ids, id]);
    const weeks = await this.weeks();
    if (!weeks.includes(week)) await this.weekList.set('all', [...weeks, week].sort());
  }
}

function identifierKeys(keys: PaperKeys): string[] {
  const out: string[] = [];
  if (keys.pmid) out.push(`pmid:${keys.pmid}`);
  if (keys.doi) out.push(`doi:${keys.doi.toLowerCase()}`);
  if (keys.titleKey) out.push(`title:${keys.titleKey}`);
  return out;
}
