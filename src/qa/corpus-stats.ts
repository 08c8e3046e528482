import type { Store } from '../store/index.js';
import type { Paper } from '../types.js';
import type { PaperSearch } from './retrieve.js';
import { TermStats } from './terms.js';

/** Papers ingested since the statistics were built shift weights only slightly; a refresh now and then is enough. */
const MAX_AGE_MS = 15 * 60_000;

const built = new WeakMap<Store, { size?: number; at: number; stats: Promise<TermStats> }>();

/**
 * Term statistics of the stored corpus, built once per store and rebuilt when they are old or
 * the paper index reports a different size (a new ingest), so weights follow the corpus.
 */
export function corpusTermStats(store: Store, index: PaperSearch, now = Date.now()): Promise<TermStats> {
  const cached = built.get(store);
  if (cached && cached.size === index.size && now - cached.at < MAX_AGE_MS) return cached.stats;
  const stats = buildTermStats(store);
  built.set(store, { size: index.size, at: now, stats });
  stats.catch(() => built.delete(store));
  return stats;
}

async function buildTermStats(store: Store): Promise<TermStats> {
  const stats = new TermStats();
  for await (const paper of store.papers.all()) stats.add(searchableText(paper));
  return stats;
}

function searchableText(paper: Paper): string {
  const abstract = paper.abstract.map((section) => section.text);
  return [
    paper.title,
    ...abstract,
    paper.mesh.join(' '),
    paper.keywords.join(' '),
    paper.fullText ?? '',
  ].join('\n');
}
