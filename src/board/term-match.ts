import type { VocabularyTerm } from './vocabulary.js';

export interface TermHit {
  term: VocabularyTerm;
  /** Character offset of the first occurrence. */
  index: number;
  /** The text as written ("juvenile myelomonocytic leukemia"). */
  matched: string;
}

const compiled = new WeakMap<VocabularyTerm, RegExp[]>();

/** Whole words only (plurals allowed), so "ALL" is not found in "small" nor "rectal" in "colorectal". */
function regexesOf(term: VocabularyTerm): RegExp[] {
  const cached = compiled.get(term);
  if (cached) return cached;
  const wrap = (source: string, flags: string) =>
    new RegExp(`(?<![\\w])(?:${source})(?:e?s)?(?![\\w])`, flags);
  const regexes = [
    ...term.patterns.map((source) => wrap(source, 'i')),
    ...(term.casePatterns ?? []).map((source) => wrap(source, '')),
  ];
  compiled.set(term, regexes);
  return regexes;
}

/** The first occurrence of a term in `text`, if any. */
export function findTerm(text: string, term: VocabularyTerm): TermHit | undefined {
  let best: TermHit | undefined;
  for (const regex of regexesOf(term)) {
    const match = regex.exec(text);
    if (match && (!best || match.index < best.index)) best = { term, index: match.index, matched: match[0] };
  }
  return best;
}

/**
 * Every term of the list found in `text`, in reading order. A specific term hides its general
 * form ("BRAF V600E" hides "BRAF"), which is how the vocabulary names them (`braf-v600e`).
 */
export function findTerms(text: string, terms: VocabularyTerm[]): TermHit[] {
  const hits = terms.map((term) => findTerm(text, term)).filter((hit): hit is TermHit => hit !== undefined);
  const ids = new Set(hits.map((hit) => hit.term.id));
  return hits
    .filter((hit) => ![...ids].some((id) => id !== hit.term.id && id.startsWith(`${hit.term.id}-`)))
    .sort((a, b) => a.index - b.index || b.matched.length - a.matched.length);
}

/** True when any of the regular-expression sources occurs as whole words (case-insensitive). */
export function mentionsAny(text: string, sources: readonly string[]): boolean {
  return sources.some((source) => new RegExp(`(?<![\\w])(?:${source})(?![\\w])`, 'i').test(text));
}
