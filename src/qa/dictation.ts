import { createRequire } from 'node:module';

/**
 * A question dictated into a phone reaches the app as the speech-to-text engine wrote it: letters
 * of an acronym apart ("P F S", "B R C A"), numbers in words ("sixty five and over", "two hundred
 * forty six patients"). The papers write "PFS" and "65": this puts the question in their form.
 */

// compromise loads on first use, not on import: most questions hold no number in words.
const require = createRequire(import.meta.url);
interface NumberMatch {
  text: string;
  number?: { num: number };
}
type Reader = (text: string) => { numbers(): { json(): NumberMatch[] } };
let reader: Reader | undefined;

/** "P F S", "I T P", "B R C A": capitals one by one, two or more, standing alone. */
const SPELLED_OUT = /(?<![\p{L}\p{N}])(?:\p{Lu} ){1,7}\p{Lu}(?![\p{L}\p{N}])/gu;
const NUMBER_WORD =
  /\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b/i;
/** Only cardinal words: "third", "a second" (compromise reads it as a half) and "one" alone stay words. */
const CARDINAL =
  /^(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and|point)[\s-]*)+$/i;

/** Hesitations the engine writes down; "UM" in capitals is uveal melanoma and stays. */
const HESITATION = /(?<![\p{L}\p{N}])(?:um+|uh+|erm+|uhm+)(?![\p{L}\p{N}])[,.]?\s*/gu;
/** "stage three b", "stage 2": stages as the papers write them, in Roman numerals. */
const STAGE = /\b(stage) (one|two|three|four|[1-4])(?: ?([abc])\b)?/gi;
const ROMAN: Record<string, string> = {
  one: 'I',
  two: 'II',
  three: 'III',
  four: 'IV',
  1: 'I',
  2: 'II',
  3: 'III',
  4: 'IV',
};
/** "T 2 N 0", "T two N zero": a TNM stage said letter by letter. */
const TNM = /\bT ?([0-4][a-d]?|is|x) ?N ?([0-3][a-c]?|x)(?: ?M ?([01]|x))?\b/g;

export function undictated(text: string): string {
  const joined = text
    .replace(HESITATION, '')
    .replace(SPELLED_OUT, (letters) => letters.replaceAll(' ', ''))
    .replace(
      STAGE,
      (_, word: string, number: string, sub = '') =>
        `${word} ${ROMAN[number.toLowerCase()]}${sub.toUpperCase()}`,
    );
  const digits = NUMBER_WORD.test(joined) ? withDigits(joined) : joined;
  return digits.replace(TNM, (_, t: string, n: string, m?: string) => `T${t}N${n}${m ? `M${m}` : ''}`);
}

function withDigits(text: string): string {
  reader ??= require('compromise') as Reader;
  let out = '';
  let from = 0;
  for (const match of reader(text).numbers().json()) {
    const value = match.number?.num;
    // "two-centre", "a two-year": the hyphen stays with the word after it ("2-centre", not "2centre").
    const words = match.text.trim().replace(/-+$/, '');
    if (value === undefined || !CARDINAL.test(words) || /^(?:one|and|point)$/i.test(words)) continue;
    const at = text.indexOf(words, from);
    if (at < 0) continue;
    out += text.slice(from, at) + String(value);
    from = at + words.length;
  }
  return out + text.slice(from);
}
