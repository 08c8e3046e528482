import type { Store } from '../../src/store/index.js';
import { isoWeek } from '../../src/time.js';
import type { Paper } from '../../src/types.js';
import { syntheticPmid } from './pubmed-xml.js';
import {
  METHOD_TERMS,
  PUBLICATION_TYPES,
  pick,
  SYNTHETIC_JOURNALS,
  SYNTHETIC_SURNAMES,
  syntheticSentences,
  syntheticTitle,
} from './vocabulary.js';

const WEEK_MS = 7 * 86_400_000;

export interface SyntheticPaperOptions {
  /** The newest record is ingested just before this; older ones go back week by week. */
  now: Date;
  /** Papers ingested per week: a bigger store means a longer history, not busier weeks. */
  perWeek: number;
}

/**
 * One synthetic Paper for the load benchmarks, by age (0 = newest). Content depends on the
 * age only, so a store seeded with 10,000 and one with 100,000 hold the same recent weeks.
 */
export function syntheticPaper(age: number, options: SyntheticPaperOptions): Paper {
  const pmid = syntheticPmid(age);
  const perWeek = Math.max(1, options.perWeek);
  const ingestedAt = new Date(
    options.now.getTime() - Math.floor(age / perWeek) * WEEK_MS - (age % perWeek) * 1000 - 1000,
  );
  return {
    id: `pmid:${pmid}`,
    pmid,
    doi: `10.5555/synthetic.${pmid}`,
    title: syntheticTitle(age),
    abstract: ['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS'].map((label, i) => ({
      label,
      text: syntheticSentences(age, i),
    })),
    authors: [{ lastName: pick(SYNTHETIC_SURNAMES, age), foreName: 'Synthetic', initials: 'S' }],
    journal: pick(SYNTHETIC_JOURNALS, age).title,
    publishedDate: ingestedAt.toISOString().slice(0, 10),
    publicationTypes: [pick(PUBLICATION_TYPES, age)],
    mesh: ['Humans'],
    keywords: [pick(METHOD_TERMS, age)],
    url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
    nctIds: [],
    isPreprint: false,
    retracted: false,
    notices: [],
    sources: [{ kind: 'pubmed', feedId: 'synthetic', fetchedAt: ingestedAt.toISOString() }],
    ingestedAt: ingestedAt.toISOString(),
    synthetic: true,
  };
}

/** Fills a store with `count` synthetic papers, oldest first, through the store's own `put`. */
export async function seedSyntheticPapers(
  store: Store,
  count: number,
  options: SyntheticPaperOptions,
): Promise<void> {
  for (let age = count - 1; age >= 0; age--) {
    const paper = syntheticPaper(age, options);
    await store.papers.put(paper, { pmid: paper.pmid, doi: paper.doi });
  }
}

/** Records written per batch by the bulk seeder: one SQLite statement each. */
const SEED_BATCH = 1000;

/**
 * The same records as `seedSyntheticPapers`, written the way `PaperStore.put` lays them out
 * (record, identifier keys, change log, week lists) but in batches, each week list once instead
 * of once per paper: 100,000 puts would rewrite a growing week list 100,000 times.
 * `test/bench` checks both seeders leave equal stores.
 */
export async function bulkSeedSyntheticPapers(
  store: Store,
  count: number,
  options: SyntheticPaperOptions,
): Promise<void> {
  const records = store.namespace<Paper>('paper');
  const identifiers = store.namespace<string>('paper-idx');
  const byWeek = new Map<string, string[]>();
  // isoWeek builds an Intl formatter per call (about 0.4 ms); one call per day is enough.
  const weekOfDay = new Map<string, string>();
  for (let end = count; end > 0; end -= SEED_BATCH) {
    const papers: Paper[] = [];
    for (let age = end - 1; age >= Math.max(0, end - SEED_BATCH); age--) {
      papers.push(syntheticPaper(age, options));
    }
    await records.setMany(papers.map((paper) => [paper.id, paper]));
    await store.papers.changes.append(papers.map((paper) => paper.id));
    await identifiers.setMany(
      papers.flatMap((paper) => [
        [`pmid:${paper.pmid}`, paper.id] as [string, string],
        [`doi:${paper.doi?.toLowerCase()}`, paper.id] as [string, string],
      ]),
    );
    for (const paper of papers) {
      const day = paper.ingestedAt.slice(0, 10);
      const week = weekOfDay.get(day) ?? isoWeek(new Date(paper.ingestedAt));
      weekOfDay.set(day, week);
      const ids = byWeek.get(week) ?? [];
      ids.push(paper.id);
      byWeek.set(week, ids);
    }
  }
  const weeks = store.namespace<string[]>('paper-week');
  for (const [week, ids] of byWeek) await weeks.set(week, ids);
  await store.namespace<string[]>('paper-weeks').set('all', [...byWeek.keys()].sort());
}
