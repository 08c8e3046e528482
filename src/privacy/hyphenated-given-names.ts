import { isPinyinSyllable } from './pinyin.js';

/**
 * Korean and Chinese given names written as two syllables with a hyphen ("Ji-woo", "Tae-hyun",
 * "Seo-yeon", "Li-Na", "Mei-Ling"): no list holds them all, since any two syllables make one.
 * A hyphenated word whose halves are each one syllable of the same romanization is read as such
 * a name.
 */

/** Revised Romanization's initial consonants, with "sh" as names are often spelt ("Shin"). */
const INITIALS = [
  '',
  'g',
  'k',
  'kk',
  'n',
  'd',
  't',
  'tt',
  'r',
  'l',
  'm',
  'b',
  'p',
  'pp',
  's',
  'ss',
  'sh',
  'j',
  'jj',
  'ch',
  'h',
];
/**
 * Its vowels, with the spellings families use for them in passports ("oo" for u in "Joon", "ee" for
 * i in "Hee", "ou" in "Young", "woo").
 */
const VOWELS = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
  'oo',
  'ee',
  'ou',
  'you',
  'woo',
  'eui',
];
/** Its final consonants. */
const FINALS = ['', 'k', 'n', 't', 'l', 'm', 'p', 'ng', 'g'];

const KOREAN_SYLLABLES = new Set(
  INITIALS.flatMap((initial) => VOWELS.flatMap((vowel) => FINALS.map((final) => initial + vowel + final))),
);
const MAX_SYLLABLE = 5;

/** True for "ji-woo", "tae-hyun", "li-na" (lower case, as the lexicon keys words). */
export function isHyphenatedGivenName(key: string): boolean {
  const halves = key.split('-');
  if (halves.length !== 2 || halves.some((half) => half.length < 2 || half.length > MAX_SYLLABLE))
    return false;
  return halves.every((half) => KOREAN_SYLLABLES.has(half)) || halves.every((half) => isPinyinSyllable(half));
}
