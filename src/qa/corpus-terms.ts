import { fullTextOf } from '../text/index.js';
import type { Paper } from '../types.js';
import { SpellingIndex, type TermFrequencies, usualSpelling } from '../vocabulary/index.js';

/** What the answers ask of the corpus index: its size and how many papers use a word or phrase. */
export interface TermIndex {
  readonly size?: number;
  documentFrequency(terms: string[]): Promise<Map<string, number>>;
}

/**
 * Document frequencies from the search index, looked up for the words of one question before
 * the question is read: `prepare` fetches them in one batch, `documentFrequency` then answers
 * from what was fetched (0 for anything not fetched). A word counts as its usual spelling too
 * ("leukaemia" as "leukemia"), whichever more papers use.
 */
export class IndexedTermFrequencies implements TermFrequencies {
  private readonly counts = new Map<string, number>();

  constructor(private readonly index: TermIndex) {}

  get documentCount(): number {
    return this.index.size ?? 0;
  }

  async prepare(terms: Iterable<string>): Promise<void> {
    const wanted = new Set<string>();
    for (const term of terms) {
      const lower = term.toLowerCase();
      if (!this.counts.has(lower)) wanted.add(lower);
      const usual = usualPhrase(lower);
      if (!this.counts.has(usual)) wanted.add(usual);
    }
    if (wanted.size === 0) return;
    for (const [term, count] of await this.index.documentFrequency([...wanted])) this.counts.set(term, count);
  }

  documentFrequency(wordOrPhrase: string): number {
    const lower = wordOrPhrase.toLowerCase();
    return Math.max(this.counts.get(lower) ?? 0, this.counts.get(usualPhrase(lower)) ?? 0);
  }

  /** True once `prepare` has fetched the word or phrase. */
  has(wordOrPhrase: string): boolean {
    return this.counts.has(wordOrPhrase.toLowerCase());
  }
}

const perIndex = new WeakMap<TermIndex, { size?: number; frequencies: IndexedTermFrequencies }>();

/**
 * The index's term counts for Q&A, kept per index while its size stays the same: a new ingest
 * changes the counts, so they are fetched afresh.
 */
export function termsOf(index: TermIndex): IndexedTermFrequencies {
  const kept = perIndex.get(index);
  if (kept && kept.size === index.size) return kept.frequencies;
  const frequencies = new IndexedTermFrequencies(index);
  perIndex.set(index, { size: index.size, frequencies });
  return frequencies;
}

/**
 * The index's counts with those of papers outside it added (the ones a live search just found),
 * so the names those papers use count as known.
 */
export function withExtraTerms(
  indexed: IndexedTermFrequencies,
  extra: TermFrequencies,
): TermFrequencies & Pick<IndexedTermFrequencies, 'prepare' | 'has'> {
  return {
    get documentCount() {
      return indexed.documentCount + extra.documentCount;
    },
    documentFrequency: (phrase) => indexed.documentFrequency(phrase) + extra.documentFrequency(phrase),
    prepare: (terms) => indexed.prepare(terms),
    has: (term) => indexed.has(term),
  };
}

/** Answers from what was fetched, and records every word and phrase looked up that was not. */
export class RecordingTermFrequencies implements TermFrequencies {
  readonly missing = new Set<string>();

  constructor(private readonly fetched: TermFrequencies & { has(term: string): boolean }) {}

  get documentCount(): number {
    return this.fetched.documentCount;
  }

  documentFrequency(wordOrPhrase: string): number {
    if (!this.fetched.has(wordOrPhrase)) this.missing.add(wordOrPhrase);
    return this.fetched.documentFrequency(wordOrPhrase);
  }
}

function usualPhrase(text: string): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => usualSpelling(word));
}

/** The words the candidate papers use: a misspelt question word is read as the nearest of them. */
export function spellingsOf(papers: Paper[]): SpellingIndex {
  const spellings = new SpellingIndex();
  for (const paper of papers) spellings.add(searchableText(paper));
  return spellings;
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
