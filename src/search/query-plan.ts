import { processSearchTerm } from './paper-document.js';

/**
 * One term of a query with its alternatives (a synonym, an abbreviation's expansion, another
 * spelling): a paper matches the term when it contains any of them. An alternative of several
 * words ("graft versus host") matches as a phrase.
 */
export type TermGroup = string[];

/** A query as typed, or already split into term groups (a caller that expands abbreviations). */
export type QueryInput = string | TermGroup[];

/** Alternatives for a typed word, the word itself included; e.g. a clinical abbreviation list. */
export type ExpandTerm = (word: string) => string[];

/** Above this share of papers a term tells nothing apart ("patients"): the plan leaves it out. */
export const COMMON_SHARE = 0.9;
/** Below this many papers a share says nothing about how common a word is. */
const MIN_PAPERS_FOR_COMMON = 50;

/** A word, hyphenated compounds ("non-small", "BCR-ABL") kept whole to match as phrases. */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
/** "Hodgkin's" searches for "Hodgkin". */
const POSSESSIVE = /['’]s\b/giu;

/**
 * The term groups of a query: its words less function words ("of", "the", "with"), each with
 * the alternatives `expand` gives, duplicates removed. Groups passed in are cleaned the same way.
 */
export function termGroupsOf(query: QueryInput, expand: ExpandTerm = (word) => [word]): TermGroup[] {
  const groups =
    typeof query === 'string'
      ? (query.replace(POSSESSIVE, '').match(WORD) ?? [])
          .filter((word) => processSearchTerm(word) !== null)
          .map(expand)
      : query;
  const seen = new Set<string>();
  const out: TermGroup[] = [];
  for (const group of groups) {
    const alternatives = [...new Set(group.map((alternative) => alternative.trim()).filter(hasWord))];
    const key = alternatives.map((a) => a.toLowerCase()).join('|');
    if (alternatives.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(alternatives);
  }
  return out;
}

/**
 * Keeps the groups worth searching for, given each alternative's document frequency: an
 * alternative no paper contains is dropped (a misspelling never empties the results, and
 * nothing fuzzy turns "pediatric" into "geriatric"), and so is a group found in more than
 * COMMON_SHARE of the papers, unless every group is.
 */
export function plannedGroups(groups: TermGroup[], df: Map<string, number>, papers: number): TermGroup[] {
  const found = groups
    .map((group) => group.filter((alternative) => (df.get(alternative) ?? 0) > 0))
    .filter((group) => group.length > 0);
  if (papers < MIN_PAPERS_FOR_COMMON) return found;
  const telling = found.filter(
    (group) => Math.max(...group.map((a) => df.get(a) ?? 0)) <= COMMON_SHARE * papers,
  );
  return telling.length > 0 ? telling : found;
}

/** An FTS5 expression matching papers that contain every group (AND) or any (OR). */
export function matchExpression(groups: TermGroup[], join: 'AND' | 'OR'): string {
  return groups.map(groupExpression).join(` ${join} `);
}

/** One group as an FTS5 expression: its alternatives as quoted phrases, OR-ed. */
export function groupExpression(group: TermGroup): string {
  const phrases = group.map(phraseOf);
  return phrases.length === 1 ? (phrases[0] as string) : `(${phrases.join(' OR ')})`;
}

/**
 * A quoted FTS5 phrase: the index's tokenizer splits it into the same tokens as the indexed
 * text, and quoting keeps FTS5 operators ("NOT", "NEAR", "*", ":") in it literal.
 */
export function phraseOf(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Restricts an expression to rows carrying one of these row tokens. */
export function withinRows(expression: string, column: string, rowTokens: string[]): string {
  return `(${expression}) AND ${column} : (${rowTokens.map(phraseOf).join(' OR ')})`;
}

function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
