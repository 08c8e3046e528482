import { isEverydayWord } from './common-words.js';
import { buildConcept, type Concept, phraseKnown } from './concept-build.js';
import type { TermFrequencies } from './term-frequencies.js';
import { CHAT_WORDS, FUNCTION_WORDS } from './word-classes.js';
import { foldWord } from './word-key.js';
import { isDictionaryWord, pertainymsOf, synonymsOf } from './wordnet.js';
import { plainWordsOf } from './words.js';

/**
 * Words typed together that papers write apart, and apart that papers write together: "cut
 * off" for "cutoff", "timepoints" for "time points", "voice box" for "larynx".
 */

/** The particle of a phrasal noun typed apart: "cut off", "work up", "follow up". */
const PARTICLE = /^(?:up|off|out|down|over)$/i;

/** "cut off" for the papers' "cutoff", "work up" for "workup": two words papers write as one. */
export function joinedConcept(pair: string, terms: TermFrequencies): Concept | undefined {
  const [first = '', second = ''] = pair.split(' ');
  if (!/^\p{L}+$/u.test(first) || !PARTICLE.test(second) || FUNCTION_WORDS.has(foldWord(first)))
    return undefined;
  const joined = `${first}${second}`.toLowerCase();
  if (terms.documentFrequency(joined) === 0) return undefined;
  return buildConcept(pair, [joined, pair, `${first}-${second}`], terms, undefined);
}

/** "voice box", "bone marrow": two words WordNet knows as one thing with another name. */
export function compoundConcept(pair: string, terms: TermFrequencies): Concept | undefined {
  const words = plainWordsOf(pair).map(foldWord);
  if (words.some((word) => FUNCTION_WORDS.has(word) || CHAT_WORDS.has(word))) return undefined;
  const alternatives = [...synonymsOf(pair), ...pertainymsOf(pair)].filter(
    (phrase) => phrase.includes(' ') === false,
  );
  if (alternatives.length === 0) return undefined;
  return buildConcept(pair, [pair, ...alternatives], terms, 'subject');
}

/** The shortest word a joined pair ("timepoints") is split into. */
const MIN_HALF = 3;

/** The two English words `word` joins, when the papers use them as a phrase ("time points"). */
export function writtenApart(word: string, terms: TermFrequencies): string | undefined {
  for (let cut = MIN_HALF; cut <= word.length - MIN_HALF; cut++) {
    const phrase = `${word.slice(0, cut)} ${word.slice(cut)}`;
    if (phrase.split(' ').every(isDictionaryWord) && phraseKnown(phrase, terms)) return phrase;
  }
  return undefined;
}

/**
 * The two everyday words a lower-case word no paper uses is typed from ("schoolkids",
 * "bloodwork"): each is read on its own, as if typed apart. Everyday words only, since WordNet
 * also lists fragments ("hap", "ers") that would split "happier" or "carers".
 */
export function typedTogether(word: string, terms: TermFrequencies): [string, string] | undefined {
  // "gotten", "forgotten": an everyday word WordNet files only under its base form is no pair.
  if (
    word !== word.toLowerCase() ||
    !/^\p{L}+$/u.test(word) ||
    isDictionaryWord(word) ||
    isEverydayWord(word, true)
  )
    return undefined;
  if (terms.documentFrequency(word) > 0) return undefined;
  for (let cut = MIN_HALF; cut <= word.length - MIN_HALF; cut++) {
    const halves: [string, string] = [word.slice(0, cut), word.slice(cut)];
    if (halves.every((half) => isEverydayWord(half, true) && !FUNCTION_WORDS.has(half))) return halves;
  }
  return undefined;
}
