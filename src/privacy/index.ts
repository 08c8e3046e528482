import { findAddresses } from './addresses.js';
import { agesAfterNames, findDates } from './dates.js';
import { lexicon, normalizeWord } from './lexicon.js';
import { findNamedStreets } from './named-streets.js';
import { findNames } from './names.js';
import { findNumberLike } from './numbers.js';
import { findPhones } from './phones.js';
import { findScriptAddresses } from './script-addresses.js';
import { findScriptNames } from './script-names.js';
import { applySpans, kindsOf, PHI_KINDS, type PhiKind, type PhiSpan, resolveSpans } from './spans.js';
import { findSpokenIdentifiers } from './spoken.js';

/**
 * The HIPAA Safe Harbor guard: one pass over any text a user typed into Slack, run before
 * that text reaches an LLM, a log line, the store or an export. It removes person names,
 * street addresses and ZIP codes, phone and fax numbers, e-mail addresses, SSNs, record,
 * account, card and licence numbers, IP addresses and URLs, dates (all but the year) and
 * ages over 89. Countries, cities alone, organizations and job titles are not identifiers
 * under Safe Harbor and stay. Clinical text ("18-month-old", "monosomy 7", "Hodgkin
 * lymphoma", "PMID 12345678", "grade 3/4") passes untouched.
 */

export { PHI_KINDS, type PhiKind, type PhiSpan };

export interface PhiRedaction {
  /** The text with every identifier replaced by its kind in brackets ("[name]", "[MRN]"). */
  text: string;
  /** Kinds removed, each once, most specific first ("MRN", "name"). */
  redactions: PhiKind[];
  /** Where each identifier was in the original text. */
  spans: PhiSpan[];
}

/** A placeholder an earlier pass left ("[name]"): redacting twice changes nothing. */
const PLACEHOLDER = new RegExp(`\\[(?:${PHI_KINDS.join('|')})\\]`, 'g');

/**
 * The glottal stop and other apostrophe-like marks inside a word ("Faʻamausili", "Taufaʻahau",
 * "Hawaiʻi", "O`Brien"): read as the apostrophe every rule knows. One code unit for one, so the
 * offsets found are the original text's.
 */
const APOSTROPHE_IN_WORD = /(?<=\p{L})[ʻʼʹ`´‘](?=\p{L})/gu;

/** Every identifier in `text`, merged so that no two spans overlap. */
export function findPhi(original: string): PhiSpan[] {
  const text = original.replace(APOSTROPHE_IN_WORD, "'");
  const placeholders = [...text.matchAll(PLACEHOLDER)].map((m) => [m.index, m.index + m[0].length] as const);
  const names = findNames(text);
  const found = [
    ...findNumberLike(text),
    ...findPhones(text),
    ...findDates(text),
    ...agesAfterNames(text, names),
    ...findAddresses(text),
    ...findNamedStreets(text),
    ...names,
    ...findScriptNames(text),
    ...findScriptAddresses(text),
    ...findSpokenIdentifiers(text),
  ].filter((span) => !placeholders.some(([start, end]) => span.start < end && span.end > start));
  return resolveSpans(found);
}

/** Replaces identifiers with their kind in brackets and lists the kinds removed. */
export function redactPhi(text: string): PhiRedaction {
  const spans = findPhi(text);
  return { text: applySpans(text, spans), redactions: kindsOf(spans), spans };
}

/** A given name that is no English word ("Maria", "Priya"; not "Will" or "Grace"). */
export function isGivenName(word: string): boolean {
  const key = normalizeWord(word);
  const lex = lexicon();
  return lex.firstNames.has(key) && !lex.coreWords.has(key);
}

/** True when the text carries anything `redactPhi` would remove (for board case lines). */
export function looksIdentifying(text: string): boolean {
  return findPhi(text).length > 0;
}

/**
 * Loads the word lists and models now (about one to two seconds), so the first question
 * after start does not wait for them. Call once at startup.
 */
export function preparePhiGuard(): void {
  findPhi('Warm up: pt Dzhambek Kowalski, 42 Koskikatu, +44 7700 900123.');
}
