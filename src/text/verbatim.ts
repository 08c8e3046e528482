import type { Paper } from '../types.js';
import { stripReferenceBrackets } from './citations.js';
import { fullTextOf } from './full-text.js';
import { htmlToText } from './markup.js';

const SINGLE_QUOTES_RE = /[‘’‚‛′`´]/g;
const DOUBLE_QUOTES_RE = /[“”„‟″«»]/g;
const DASHES_RE = /[‐‑‒–—―−]/g;
const SPACE_RE = /\s+/g;

/**
 * The form two texts are compared in when checking a quote: markup removed, entities
 * decoded, Unicode compatibility forms folded (NFKC: "µ" → "μ", "⁹" → "9", ligatures),
 * curly quotes made straight, every dash a hyphen, "^" exponents flattened, Lancet decimal
 * points ("72·5") made periods, reference brackets
 * removed and whitespace collapsed. Case is kept: in oncology "ALL" is a leukemia and "all" is
 * not, "MET" is a gene and "met" a verb, so a quote that changes case is not the paper's words.
 */
export function normalizeForMatch(text: string): string {
  return stripReferenceBrackets(htmlToText(text))
    .normalize('NFKC')
    .replace(SINGLE_QUOTES_RE, "'")
    .replace(DOUBLE_QUOTES_RE, '"')
    .replace(DASHES_RE, '-')
    .replace(/…/g, '...')
    .replace(/\^/g, '')
    .replace(/(\d)·(?=\d)/g, '$1.')
    .replace(SPACE_RE, ' ')
    .trim();
}

/** Quote marks, ellipses and sentence punctuation a model adds around an excerpt. */
function trimQuote(normalized: string): string {
  return normalized
    .replace(/^(?:\.\.\.|["'\s])+/, '')
    .replace(/(?:\.\.\.|["'\s])+$/, '')
    .replace(/[.,;:]+$/, '')
    .trim();
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR_RE.test(ch);
}

/** Substring search that refuses a match cutting a word ("50%" inside "150%"). */
function containsAtWordBoundary(haystack: string, needle: string): boolean {
  const startsWithWord = isWordChar(needle[0]);
  const endsWithWord = isWordChar(needle[needle.length - 1]);
  let from = haystack.indexOf(needle);
  while (from !== -1) {
    const beforeOk = !startsWithWord || !isWordChar(haystack[from - 1]);
    const afterOk = !endsWithWord || !isWordChar(haystack[from + needle.length]);
    if (beforeOk && afterOk) return true;
    from = haystack.indexOf(needle, from + 1);
  }
  return false;
}

/**
 * True when `quote` occurs in `text` after both are normalized (normalizeForMatch). Elisions
 * inside a quote ("a ... b") are not accepted: what was left out could be a "not".
 */
export function findVerbatim(quote: string, text: string): boolean {
  const needle = trimQuote(normalizeForMatch(quote));
  if (needle.length === 0) return false;
  return containsAtWordBoundary(normalizedHaystack(text), needle);
}

/** Papers checked recently, normalized: every quote of a summary or answer is checked against the same text. */
const HAYSTACK_CACHE_SIZE = 16;
const haystacks = new Map<string, string>();

function normalizedHaystack(text: string): string {
  const cached = haystacks.get(text);
  if (cached !== undefined) {
    haystacks.delete(text);
    haystacks.set(text, cached);
    return cached;
  }
  const normalized = normalizeForMatch(text);
  haystacks.set(text, normalized);
  if (haystacks.size > HAYSTACK_CACHE_SIZE) {
    const oldest = haystacks.keys().next().value;
    if (oldest !== undefined) haystacks.delete(oldest);
  }
  return normalized;
}

function abstractText(paper: Paper): string {
  return paper.abstract
    .map((section) => (section.label ? `${section.label}: ${section.text}` : section.text))
    .join('\n');
}

/** Title, abstract (with section labels) and full text: everything a quote may be checked against. */
export function paperText(paper: Paper): string {
  return [paper.title, abstractText(paper), fullTextOf(paper) ?? '']
    .filter((part) => part.trim())
    .join('\n\n');
}

/** True when the quote is verbatim in the paper's title, abstract or full text. */
export function quoteSupportedByPaper(quote: string, paper: Paper): boolean {
  return findVerbatim(quote, paperText(paper));
}

/** Where a verified quote comes from, for a citation's `basis`; undefined when it is not in the paper. */
export function quoteBasis(quote: string, paper: Paper): 'abstract' | 'full text' | undefined {
  if (findVerbatim(quote, `${paper.title}\n\n${abstractText(paper)}`)) return 'abstract';
  const fullText = fullTextOf(paper);
  if (fullText && findVerbatim(quote, fullText)) return 'full text';
  return undefined;
}
