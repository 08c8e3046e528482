import type { Store } from '../store/index.js';
import { fullTextOf } from '../text/index.js';
import type { Paper } from '../types.js';
import { CountedTermFrequencies, SpellingIndex, type TermFrequencies } from '../vocabulary/index.js';
import type { PaperSearch } from './retrieve.js';

/** Papers ingested since the counts were made shift weights only slightly; a refresh now and then is enough. */
const MAX_AGE_MS = 15 * 60_000;

export interface CorpusTerms {
  frequencies: TermFrequencies;
  spellings: SpellingIndex;
}

const built = new WeakMap<Store, { size?: number; at: number; terms: Promise<CorpusTerms> }>();

/**
 * Word counts and spellings of the stored corpus, made once per store and again when they are
 * old or the paper index reports a different size (a new ingest), so weights follow the corpus.
 */
export function corpusTerms(store: Store, index: PaperSearch, now = Date.now()): Promise<CorpusTerms> {
  const cached = built.get(store);
  if (cached && cached.size === index.size && now - cached.at < MAX_AGE_MS) return cached.terms;
  const terms = countTerms(store);
  built.set(store, { size: index.size, at: now, terms });
  terms.catch(() => built.delete(store));
  return terms;
}

async function countTerms(store: Store): Promise<CorpusTerms> {
  const frequencies = new CountedTermFrequencies();
  const spellings = new SpellingIndex();
  for await (const paper of store.papers.all()) {
    const text = searchableText(paper);
    frequencies.add(text);
    spellings.add(text);
  }
  return { frequencies, spellings };
}

/** What a paper says about itself: title, abstract, MeSH headings, keywords and any full text. */
export function searchableText(paper: Paper): string {
  return [
    paper.title,
    ...paper.abstract.map((section) => section.text),
    paper.mesh.join('\n'),
    paper.keywords.join('\n'),
    fullTextOf(paper) ?? '',
  ].join('\n');
}
