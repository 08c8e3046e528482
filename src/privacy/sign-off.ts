import { isClinicalWord } from './clinical-terms.js';
import { type Lexicon, normalizeWord } from './lexicon.js';
import { isFunctionWord } from './word-class.js';

/**
 * The words that close a message after a sign-off: "cheers, siosaia tupou", "Thanks,\n— Mele".
 * Up to three words, to the end of the text.
 */
const SIGNED_OFF =
  /(?:^|[\s.!?,])(?:cheers|thanks|thank you|thx|ta|regards|kind regards|warm regards|best regards|best wishes|many thanks|sincerely|yours sincerely|yours truly)(?![\p{L}\p{M}])\s*[,!.:]?\s*(?:\n\s*)?[-–—~]?\s*((?:[\p{L}\p{M}'’-]+ ){0,2}[\p{L}\p{M}'’-]+)\s*[.!]?\s*$/iu;

/**
 * A writer's name signing the message: every word of it on no word list and no clinical term,
 * in any case, since names on no name list ("siosaia tupou") are signed in lower case too.
 */
export function signedOffName(text: string, lex: Lexicon): { start: number; end: number }[] {
  const match = SIGNED_OFF.exec(text);
  const name = match?.[1];
  if (!match || !name) return [];
  const words = name.split(' ');
  const plain = (word: string) => {
    const key = normalizeWord(word);
    return !lex.commonWords.has(key) && !isFunctionWord(key) && !isClinicalWord(word) && key.length > 1;
  };
  if (!words.every(plain)) return [];
  const start = match.index + match[0].lastIndexOf(name);
  return [{ start, end: start + name.length }];
}
