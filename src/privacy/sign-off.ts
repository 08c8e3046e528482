import { isMeshTerm, looksLikeDrugName } from '../vocabulary/index.js';
import { hasMedicalShape, isClinicalWord } from './clinical-terms.js';
import { type Lexicon, normalizeWord } from './lexicon.js';
import { isFunctionWord } from './word-class.js';

/**
 * The words that close a message after a sign-off: "cheers, siosaia tupou", "Thanks,\n— Mele".
 * Up to three words, to the end of the text.
 */
const SIGNED_OFF =
  /(?:^|[\s.!?,])(?:cheers|thanks|thank you|thx|ta|regards|kind regards|warm regards|best regards|best wishes|many thanks|sincerely|yours sincerely|yours truly)(?![\p{L}\p{M}])\s*[,!.:]?\s*(?:\n\s*)?[-–—~]?\s*((?:[\p{L}\p{M}'’-]+ ){0,2}[\p{L}\p{M}'’-]+)\s*[.!]?\s*$/iu;

/**
 * "pop round whenever, ngaire": one word after the last comma of a message, the writer signing
 * or the reader called by name. Taken only when no list knows the word at all.
 */
const CALLED_AT_THE_END = /[\p{L}\p{M}]\s*,\s+([\p{L}\p{M}'’]{4,})\s*[.!]?\s*$/u;
/** Chat acronyms that end a message after a comma, vowels and all ("in the msk series, imho"). */
const CHAT_ACRONYMS = new Set('imho afaik iirc fwiw asap aka eta ooo'.split(' '));
/** Chat shorthand after a last comma ("thnx", "tbh") has one vowel at most; names have more. */
const VOWELS = /[aeiouyàáâäãåæèéêëìíîïòóôöõøùúûüý]/giu;

/**
 * A writer's name signing the message: every word of it on no word list and no clinical term,
 * in any case, since names on no name list ("siosaia tupou") are signed in lower case too.
 */
export function signedOffName(text: string, lex: Lexicon): { start: number; end: number }[] {
  const signed = SIGNED_OFF.exec(text);
  const match = signed ?? CALLED_AT_THE_END.exec(text);
  const name = match?.[1];
  if (!match || !name) return [];
  const words = name.split(' ');
  const plain = (word: string) => {
    const key = normalizeWord(word);
    return (
      !lex.commonWords.has(key) &&
      !isFunctionWord(key) &&
      !isClinicalWord(word) &&
      !looksLikeDrugName(word) &&
      !isMeshTerm(word) &&
      key.length > 1 &&
      (match === signed || calledByName(word, key, lex))
    );
  };
  if (!words.every(plain)) return [];
  const start = match.index + match[0].lastIndexOf(name);
  return [{ start, end: start + name.length }];
}

/**
 * A word after the last comma that only a person can be: on no list of words or places, not
 * shaped like a drug or a disease, written as a name is.
 */
function calledByName(word: string, key: string, lex: Lexicon): boolean {
  return (
    !lex.vocabulary.has(key) &&
    !lex.places.has(key) &&
    !lex.cities.has(key) &&
    !lex.things.has(key) &&
    !hasMedicalShape(word) &&
    !CHAT_ACRONYMS.has(key) &&
    // "mFOLFIRINOX", "PDAC": capitals inside or throughout are a regimen or an acronym.
    /^\p{Lu}?[\p{Ll}\p{M}'’]+$/u.test(word) &&
    (key.match(VOWELS)?.length ?? 0) >= 2
  );
}
