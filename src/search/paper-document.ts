import type { Options, SearchOptions } from 'minisearch';
import type { Author, Paper } from '../types.js';

/** The searchable view of a paper: what BM25 sees, shared by `/lit search` and digest ranking. */
export interface PaperDocument {
  id: string;
  title: string;
  abstract: string;
  mesh: string;
  keywords: string;
  authors: string;
}

export const SEARCH_FIELDS = ['title', 'abstract', 'mesh', 'keywords', 'authors'] as const;

/** A term in the title or MeSH says more about what a paper is about than one in the abstract. */
export const FIELD_BOOSTS = { title: 3, mesh: 2.5, keywords: 2, abstract: 1, authors: 0.5 };

// Function words only: clinical words like "patients" or "risk" still carry meaning in a query.
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how in into is it its ' +
    'of on or than that the their there these this those to was were what when where which while who why will ' +
    'with within without would after before between during'
  ).split(' '),
);

/** Lowercases, folds diacritics ("Sjögren" → "sjogren") and drops function words. */
export function processSearchTerm(term: string): string | null {
  const folded = term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null;
  return folded;
}

/**
 * Fuzzy matching only for longer words: "leukaemia" finds "leukemia", but "AML" must not
 * find "ALL", and a 4-letter gene name must not find another.
 */
export function fuzzinessOf(term: string): number | false {
  return term.length >= 6 ? 0.2 : false;
}

export function prefixOf(term: string): boolean {
  return term.length >= 4;
}

export const INDEX_OPTIONS: Options<PaperDocument> = {
  fields: [...SEARCH_FIELDS],
  processTerm: processSearchTerm,
  searchOptions: {
    boost: FIELD_BOOSTS,
    fuzzy: fuzzinessOf,
    prefix: prefixOf,
    weights: { fuzzy: 0.3, prefix: 0.6 },
  },
};

/** Every term of a query must match (after fuzzy/prefix expansion): topics are precise phrases. */
export const ALL_TERMS: SearchOptions = { combineWith: 'AND' };

export function toPaperDocument(paper: Paper): PaperDocument {
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract.map((section) => section.text).join('\n'),
    mesh: paper.mesh.join('; '),
    keywords: paper.keywords.join('; '),
    authors: paper.authors.map(authorName).join('; '),
  };
}

export function authorName(author: Author): string {
  if (author.collective) return author.collective;
  return [author.lastName, author.initials ?? author.foreName].filter(Boolean).join(' ');
}
