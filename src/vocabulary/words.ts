import { codeSpellingsOf } from './code-spellings.js';
import { FUNCTION_WORDS } from './word-classes.js';
import { foldWord, wordKey } from './word-key.js';

/** A word as typed, with the punctuation that binds a code together ("PD-L1", "w/o", "KEYNOTE-189"). */
const TOKEN = /[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*(?:\/(?![\p{L}\p{N}]))?/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Tokens of a text as typed: "PD-L1", "s/p", "nasopharyngeal". Contractions lose their
 * ending ("weren't" → "weren" is not a word; "were" is), and shorthand glued in camel case is
 * split ("chemoRT" → "chemo", "RT").
 */
export function tokensOf(text: string): string[] {
  const expanded = text
    .replace(/n['’]t\b/gi, ' not')
    .replace(/['’](?:s|re|ve|ll|d|m)\b/gi, '')
    .replace(/(?<=\p{Ll}{3})(?=\p{Lu}{2})/gu, ' ');
  return expanded.match(TOKEN) ?? [];
}

/** The plain words of a text: hyphens and slashes split ("PD-L1" → "PD", "L1"). */
export function plainWordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The distinct word keys of a text: what a question's words are matched against. */
export function keysOf(text: string): Set<string> {
  const keys = new Set<string>();
  for (const word of plainWordsOf(text)) keys.add(wordKey(word));
  return keys;
}

/**
 * A text's word keys in order, and as a set: a one-word form is looked up in the set, a phrase
 * ("overall survival", "chimeric antigen receptor T-cell") must appear as a run of words.
 */
export interface TextKeys {
  set: Set<string>;
  sequence: string[];
}

export function textKeysOf(text: string): TextKeys {
  const sequence = contentKeysOf(text);
  return { set: new Set([...sequence, ...codeSpellingsOf(text), ...joinedKeysOf(text)]), sequence };
}

/** Two words joined by a hyphen: "chemo-radiotherapy", "pre-operative". */
const HYPHENATED_WORDS = /(?<![\p{L}\p{N}-])(\p{L}{2,})-(\p{L}{2,})(?![\p{L}\p{N}-])/gu;

/**
 * A hyphenated word also says the word written solid: "chemo-radiotherapy" is the
 * "chemoradiotherapy" (and "CRT") a question names, "pre-operative" its "preoperative".
 */
function joinedKeysOf(text: string): string[] {
  return [...text.matchAll(HYPHENATED_WORDS)].map(([, first = '', second = '']) => wordKey(first + second));
}

/** Word keys of the words that carry meaning, in order: "duration of response" → durat, respons. */
export function contentKeysOf(text: string): string[] {
  return plainWordsOf(text)
    .filter((word) => !FUNCTION_WORDS.has(foldWord(word)))
    .map(wordKey);
}

/** True when the text says every key of the form, a phrase as consecutive words. */
export function saysForm(text: TextKeys, form: string[]): boolean {
  if (form.length === 0) return false;
  if (!form.every((key) => text.set.has(key))) return false;
  if (form.length === 1) return true;
  const { sequence } = text;
  for (let i = 0; i < sequence.length; i++) {
    if (sequence[i] === form[0] && saysRestFrom(sequence, form, i)) return true;
  }
  return false;
}

function saysRestFrom(sequence: string[], form: string[], start: number): boolean {
  let at = start;
  for (let j = 1; j < form.length; j++) {
    if (sequence[at + 1] === form[j]) at += 1;
    else if (sequence[at + 2] === form[j]) at += 2;
    else return false;
  }
  return true;
}
