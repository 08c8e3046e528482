import type { Store } from '../../src/store/index.js';
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
  /** The newest records are ingested this week; older ones spread back over `weeks` weeks. */
  now: Date;
  weeks: number;
  total: number;
}

/**
 * One synthetic Paper for the load benchmarks. Record `total - 1` is the newest, so a
 * store seeded with 10,000 and one seeded with 100,000 have the same papers in recent weeks.
 */
export function syntheticPaper(index: number, options: SyntheticPaperOptions): Paper {
  const pmid = syntheticPmid(index);
  const age = options.total - 1 - index;
  const perWeek = Math.max(1, Math.ceil(options.total / options.weeks));
  const ingestedAt = new Date(
    options.now.getTime() - Math.floor(age / perWeek) * WEEK_MS - (age % perWeek) * 1000,
  );
  return {
    id: `pmid:${pmid}`,
    pmid,
    doi: `10.5555/synthetic.${pmid}`,
    title: syntheticTitle(index),
    abstract: ['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS'].map((label, i) => ({
      label,
      text: syntheticSentences(index, i),
    })),
    authors: [{ lastName: pick(SYNTHETIC_SURNAMES, index), foreName: 'Synthetic', initials: 'S' }],
    journal: pick(SYNTHETIC_JOURNALS, index).title,
    publishedDate: ingestedAt.toISOString().slice(0, 10),
    publicationTypes: [pick(PUBLICATION_TYPES, index)],
    mesh: ['Humans'],
    keywords: [pick(METHOD_TERMS, index)],
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

/** Fills a store with `options.total` synthetic papers through the store's own `put`. */
export async function seedSyntheticPapers(store: Store, options: SyntheticPaperOptions): Promise<void> {
  for (let index = 0; index < options.total; index++) {
    const paper = syntheticPaper(index, options);
    await store.papers.put(paper, { pmid: paper.pmid, doi: paper.doi });
  }
}
