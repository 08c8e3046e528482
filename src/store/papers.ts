import { setImmediate as nextTurn } from 'node:timers/promises';
import type Keyv from 'keyv';
import { isoWeek } from '../time.js';
import type { Paper } from '../types.js';
import { Namespace } from './namespace.js';
import type { PaperChangeLog } from './paper-changes.js';

/** Papers handed out by `all()` between two turns of the event loop. */
const PAPERS_PER_TURN = 100;

/** Identifiers a paper can be found by; each is an explicit index key, no scans. */
export interface PaperKeys {
  pmid?: string;
  doi?: string;
  pmcid?: string;
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

  constructor(
    keyv: Keyv,
    /** Every paper written is logged here, so each replica's search index can catch up. */
    readonly changes: PaperChangeLog,
  ) {
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

  /** The id of a stored paper sharing any of these identifiers (PMID first, then DOI, PMCID, title). */
  async findId(keys: PaperKeys): Promise<string | undefined> {
    for (const key of identifierKeys(keys)) {
      const id = await this.byIdentifier.get(key);
      if (id) return id;
    }
    return undefined;
  }

  /** `findId` for many papers with one backend read: the answer for each entry, in order. */
  async findIds(entries: PaperKeys[]): Promise<(string | undefined)[]> {
    const keysOf = entries.map(identifierKeys);
    const ids = await this.byIdentifier.getMany(keysOf.flat());
    let next = 0;
    return keysOf.map((keys) => {
      const found = ids.slice(next, next + keys.length).find(Boolean);
      next += keys.length;
      return found;
    });
  }

  /**
   * Writes the record and its index keys. A paper seen for the first time is added to its
   * ingestion week; an update keeps its original week.
   */
  async put(paper: Paper, keys: PaperKeys): Promise<void> {
    const existed = await this.records.has(paper.id);
    await this.records.set(paper.id, paper);
    await this.changes.append([paper.id]);
    for (const key of identifierKeys({ pmid: paper.pmid, doi: paper.doi, pmcid: paper.pmcid, ...keys })) {
      await this.byIdentifier.set(key, paper.id);
    }
    if (!existed) await this.addToWeek(isoWeek(new Date(paper.ingestedAt)), paper.id);
  }

  /**
   * Writes many records, then their index keys, each as one batch, and updates each ingestion
   * week's id list once for the whole batch: a bulk import through `put` would write every key
   * on its own and rewrite that list once per paper.
   */
  async putMany(entries: Array<{ paper: Paper; keys: PaperKeys }>): Promise<void> {
    if (entries.length === 0) return;
    const existed = await this.records.getMany(entries.map(({ paper }) => paper.id));
    const newByWeek = new Map<string, string[]>();
    // Papers of one batch share a few ingestion times; isoWeek builds an Intl formatter per call.
    const weekOf = new Map<string, string>();
    const indexEntries: Array<[string, string]> = [];
    for (const [index, { paper, keys }] of entries.entries()) {
      for (const key of identifierKeys({ pmid: paper.pmid, doi: paper.doi, pmcid: paper.pmcid, ...keys })) {
        indexEntries.push([key, paper.id]);
      }
      if (!existed[index]) {
        const week = weekOf.get(paper.ingestedAt) ?? isoWeek(new Date(paper.ingestedAt));
        weekOf.set(paper.ingestedAt, week);
        const ids = newByWeek.get(week) ?? [];
        ids.push(paper.id);
        newByWeek.set(week, ids);
      }
    }
    // Records first: an index key never points at a record that was not written.
    await this.records.setMany(entries.map(({ paper }) => [paper.id, paper]));
    await this.changes.append(entries.map(({ paper }) => paper.id));
    await this.byIdentifier.setMany(indexEntries);
    for (const [week, ids] of newByWeek) await this.addManyToWeek(week, ids);
  }

  /** Ids of papers first ingested in an ISO week ("2026-W48"). */
  async idsInWeek(week: string): Promise<string[]> {
    return (await this.byWeek.get(week)) ?? [];
  }

  /** Every week that has papers, oldest first. */
  async weeks(): Promise<string[]> {
    return (await this.weekList.get('all')) ?? [];
  }

  /** All paper ids, week by week. */
  async *allIds(): AsyncGenerator<string[]> {
    for (const week of await this.weeks()) yield this.idsInWeek(week);
  }

  /**
   * Every stored paper, read a week at a time so memory holds one week of records. Whole-corpus
   * scans (the search index, Q&A term statistics, export) run while the app serves Slack, so
   * the event loop gets a turn every PAPERS_PER_TURN papers: tokenizing a week of abstracts in
   * one go is ~150 ms, longer than an acknowledgement may wait.
   */
  async *all(): AsyncGenerator<Paper> {
    let count = 0;
    for await (const ids of this.allIds()) {
      for (const paper of await this.getMany(ids)) {
        if (++count % PAPERS_PER_TURN === 0) await nextTurn();
        yield paper;
      }
    }
  }

  private async addToWeek(week: string, id: string): Promise<void> {
    const ids = await this.idsInWeek(week);
    if (!ids.includes(id)) await this.byWeek.set(week, [...ids, id]);
    await this.addWeek(week);
  }

  private async addManyToWeek(week: string, ids: string[]): Promise<void> {
    const current = await this.idsInWeek(week);
    const known = new Set(current);
    const added = [...new Set(ids)].filter((id) => !known.has(id));
    if (added.length > 0) await this.byWeek.set(week, [...current, ...added]);
    await this.addWeek(week);
  }

  private async addWeek(week: string): Promise<void> {
    const weeks = await this.weeks();
    if (!weeks.includes(week)) await this.weekList.set('all', [...weeks, week].sort());
  }
}

function identifierKeys(keys: PaperKeys): string[] {
  const out: string[] = [];
  if (keys.pmid) out.push(`pmid:${keys.pmid}`);
  if (keys.doi) out.push(`doi:${keys.doi.toLowerCase()}`);
  if (keys.pmcid) out.push(`pmcid:${keys.pmcid.toUpperCase()}`);
  if (keys.titleKey) out.push(`title:${keys.titleKey}`);
  return out;
}
