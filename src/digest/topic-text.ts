import { stemmer } from 'stemmer';

/** One word of a text as topic matching sees it: its Porter stem, and the word as written. */
export interface Token {
  stem: string;
  /** The word as printed (case kept), for abbreviations that only count in capitals ("ALL"). */
  raw: string;
}

/** British spellings folded to American before stemming, so "leukaemia" and "leukemia" meet. */
const SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/^paed/, 'ped'],
  [/^haem/, 'hem'],
  [/^oesoph/, 'esoph'],
  [/^oestr/, 'estr'],
  [/^gynaec/, 'gynec'],
  [/^anaes/, 'anes'],
  [/aemia$/, 'emia'],
  [/aemias$/, 'emias'],
  [/our$/, 'or'],
  [/ours$/, 'ors'],
];
/** Words ending in "our" that are not British spellings of an "-or" word. */
const KEEP_OUR = new Set(['four', 'hour', 'hours', 'your', 'our', 'ours', 'pour', 'sour', 'flour', 'fours']);

/**
 * Stems already computed, by word as written. A digest build stems every candidate's abstract
 * for every channel; the words repeat, and the Porter steps dominated the build's time. Bounded:
 * cleared when full, so an unusual corpus cannot grow it without end.
 */
const STEMS = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

/** Lowercase stem of one word, with diacritics and British spelling folded. */
export function stemWord(word: string): string {
  const cached = STEMS.get(word);
  if (cached !== undefined) return cached;
  const stem = stemUncached(word);
  if (STEMS.size >= MAX_CACHED_STEMS) STEMS.clear();
  STEMS.set(word, stem);
  return stem;
}

function stemUncached(word: string): string {
  let folded = word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (!KEEP_OUR.has(folded))
    for (const [pattern, replacement] of SPELLINGS) folded = folded.replace(pattern, replacement);
  return stemmer(folded);
}

/** The words of a text, in order; hyphens and punctuation split words ("non-small-cell" → 3). */
export function tokenize(text: string): Token[] {
  return text
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((raw) => ({ raw, stem: stemWord(raw) }));
}

/** A MeSH heading in reading order: "Leukemia, Myeloid, Acute" reads "Acute Myeloid Leukemia". */
export function meshReadingOrder(heading: string): string {
  const descriptor = heading.split('/')[0] ?? heading;
  return descriptor.split(/,\s+/).reverse().join(' ');
}
