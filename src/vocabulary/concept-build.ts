import { inverseDocumentFrequency, type TermFrequencies } from './term-frequencies.js';
import { CHAT_WORDS, FUNCTION_WORDS, MEASURE_WORDS } from './word-classes.js';
import { foldWord, wordKey } from './word-key.js';
import { contentKeysOf, plainWordsOf } from './words.js';

/**
 * - `code`: a drug, gene, variant or trial ("sotorasib", "KRAS G12C", "KEYNOTE-189"): if no
 *   stored paper names it, no stored paper answers a question about it.
 * - `measure`: what a figure is about (survival, response, relapse, rate…).
 * - `subject`: the disease, site, intervention or population the question is about.
 * - `generic`: a word most papers use ("patients", "study"); it orders results, never decides.
 */
export type ConceptRole = 'code' | 'measure' | 'subject' | 'generic';

export interface Concept {
  /** The question's word(s) as typed. */
  text: string;
  /** Ways a paper says it, each a list of word keys that must all appear ("overall survival"). */
  forms: string[][];
  /** The same ways in words, for a search query. */
  phrases: string[];
  /** How much covering it says about a paper: rare words weigh more. */
  weight: number;
  role: ConceptRole;
  /** Some stored paper says it in one of its forms. */
  known: boolean;
}

/** A word most stored papers use says little about which paper answers. */
const GENERIC_SHARE = 0.15;

/** A concept read as `text`, said by the papers in any of `alternatives` that some paper uses. */
export function buildConcept(
  text: string,
  alternatives: string[],
  terms: TermFrequencies,
  role: ConceptRole | undefined,
): Concept {
  const phrases = [...new Set(alternatives.map((a) => a.toLowerCase()))];
  const usable = phrases.filter((phrase, i) => i === 0 || phraseKnown(phrase, terms));
  const knownPhrases = usable.filter((phrase) => phraseKnown(phrase, terms));
  const known = knownPhrases.length > 0;
  const df = known ? Math.max(...knownPhrases.map((phrase) => terms.documentFrequency(phrase))) : 0;
  const forms = usable.map(formOf).filter((form) => form.length > 0);
  const generic = known && df / Math.max(1, terms.documentCount) > GENERIC_SHARE;
  const measure = isMeasurePhrase(text);
  return {
    text,
    forms,
    phrases: usable,
    weight: inverseDocumentFrequency(terms, df),
    role: role ?? (measure ? 'measure' : generic ? 'generic' : 'subject'),
    known,
  };
}

/** The words of a phrase that carry meaning, as written: what a term index is asked about. */
export function contentWordsOf(phrase: string): string[] {
  return plainWordsOf(phrase).filter((word) => !FUNCTION_WORDS.has(foldWord(word)));
}

/** The word keys a phrase must show, grammar words aside ("overall survival" → overal, surviv). */
function formOf(phrase: string): string[] {
  return contentKeysOf(phrase);
}

/** Some stored paper says the phrase, its words consecutive. */
export function phraseKnown(phrase: string, terms: TermFrequencies): boolean {
  return contentKeysOf(phrase).length > 0 && terms.documentFrequency(phrase) > 0;
}

const MEASURE_KEYS = new Set([...MEASURE_WORDS].map(wordKey));

export function isMeasurePhrase(phrase: string): boolean {
  return plainWordsOf(phrase).some((word) => MEASURE_KEYS.has(wordKey(word)));
}

export function isChatter(phrase: string): boolean {
  return plainWordsOf(phrase).every(
    (word) => FUNCTION_WORDS.has(foldWord(word)) || CHAT_WORDS.has(foldWord(word)),
  );
}
