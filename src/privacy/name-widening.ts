import { isClinicalHead, isClinicalWord, isEponym } from './clinical-terms.js';
import { type Lexicon, normalizeWord } from './lexicon.js';
import { INSTITUTION_HEADS, PLACE_HEADS } from './name-context.js';
import { streetWords } from './street-words.js';
import { isFunctionWord } from './word-class.js';

/** A capitalized word right before or after a name: "Kalolaine [Tupou]", "[Drew] Marsh". */
const WORD_BEFORE = /(?:^|[^\p{L}\p{M}'’.-])(\p{Lu}[\p{Ll}\p{M}'’-]+) $/u;
/** A family name in capitals before a given name, as forms write it: "ZHANG Wei", "NGUYEN Thi Lan". */
const SURNAME_IN_CAPITALS_BEFORE = /(?:^|[^\p{L}\p{M}'’.-])(\p{Lu}[\p{Lu}\p{M}'’-]+) $/u;
const LOWER_WORD_BEFORE = /(?:^|[^\p{L}\p{M}'’.-])(\p{Ll}[\p{Ll}\p{M}'’-]{2,}) $/u;
const WORD_AFTER = /^ (\p{Lu}[\p{Ll}\p{M}'’-]+)(?![\p{L}\p{M}'’-])/u;
/** The word after that, if one follows in the same phrase. */
const FOLLOWING_WORD = /^ ([\p{L}\p{M}'’-]+)/u;
export const WEEKDAYS_AND_MONTHS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/**
 * A name found in part is widened to the capitalized words joined to it by a space: a given name
 * or a surname on no list stands beside one on a list. Everyday words ("Yesterday", "Street"),
 * days, months and clinical words do not join.
 */
export function widened(
  text: string,
  start: number,
  end: number,
  lex: Lexicon,
): { start: number; end: number } {
  let from = start;
  let to = end;
  const joins = (word: string) => !lex.coreWords.has(normalizeWord(word)) && !neverJoins(word);
  for (let added = 0; added < 2; added++) {
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, from - 40), from));
    const word = before?.[1];
    if (!word) break;
    if (!joins(word) && !(added === 0 && givenNameInSentence(text, from - word.length - 1, word))) break;
    from -= word.length + 1;
  }
  // "thx, thandiwe ngcobo": before a surname typed in lower case, a given name typed so that a
  // name list knows and no dictionary does.
  const lowerBefore = LOWER_WORD_BEFORE.exec(text.slice(Math.max(0, from - 40), from))?.[1];
  if (
    lowerBefore &&
    from === start &&
    !/\p{Lu}/u.test(text.slice(from, to)) &&
    isListedGivenName(lowerBefore, lex) &&
    !lex.commonWords.has(lowerBefore) &&
    !neverJoins(lowerBefore)
  )
    from -= lowerBefore.length + 1;
  const surname = SURNAME_IN_CAPITALS_BEFORE.exec(text.slice(Math.max(0, from - 40), from))?.[1];
  if (surname && /\p{Ll}/u.test(text.slice(from, to)) && joins(surname) && isListedSurname(surname, lex))
    from -= surname.length + 1;
  for (let added = 0; added < 2; added++) {
    const word = WORD_AFTER.exec(text.slice(to, to + 40))?.[1];
    if (!word) break;
    const next = FOLLOWING_WORD.exec(text.slice(to + 1 + word.length))?.[1];
    if (!(joins(word) || surnameAfterGivenName(text.slice(from, to), word, next, lex))) break;
    to += word.length + 1;
  }
  return { start: from, end: to };
}

/**
 * "join Mere Paewai and…", "to Honor Blackwood": inside a sentence an everyday word written with
 * a capital right before a name is that person's given name.
 */
function givenNameInSentence(text: string, at: number, word: string): boolean {
  const before = text.slice(Math.max(0, at - 3), at);
  return at > 0 && !/(?:[.!?:;]\s*|\n\s*|^\s*)$/.test(before) && !neverJoins(word);
}

/** Days, months, clinical words and the heads of places, institutions and streets join no name. */
function neverJoins(word: string, { clinical = true } = {}): boolean {
  const key = normalizeWord(word);
  return (
    isFunctionWord(key) ||
    (clinical && isClinicalWord(word)) ||
    WEEKDAYS_AND_MONTHS.test(key) ||
    INSTITUTION_HEADS.has(key) ||
    PLACE_HEADS.has(key) ||
    streetWords().types.has(key)
  );
}

/**
 * "Everett Hunt", "Sarah Baker": after a listed given name, a listed surname joins though it is an
 * everyday word too. So does an eponym that is a common surname ("Sabine Meier", "Anna Richter",
 * "Kurt Cox"), unless a clinical word or another eponym follows it ("Richter transformation",
 * "Kaplan Meier").
 */
function surnameAfterGivenName(name: string, word: string, next: string | undefined, lex: Lexicon): boolean {
  const given = name.split(' ').at(-1) ?? '';
  if (!lex.firstNames.has(normalizeWord(given)) || !isListedSurname(word, lex)) return false;
  if (!neverJoins(word)) return true;
  const eponymSurname =
    isEponym(word) && lex.lastNames.has(normalizeWord(word)) && !neverJoins(word, { clinical: false });
  return (
    eponymSurname &&
    (next === undefined || (!isClinicalWord(next) && !isClinicalHead(next) && !isEponym(next)))
  );
}

function isListedGivenName(word: string, lex: Lexicon): boolean {
  const key = normalizeWord(word);
  return lex.firstNames.has(key) || lex.otherNames.has(key);
}

function isListedSurname(word: string, lex: Lexicon): boolean {
  const key = normalizeWord(word);
  return lex.lastNames.has(key) || lex.otherNames.has(key);
}
