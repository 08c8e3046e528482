import { normalizeWord } from './lexicon.js';

/** Words as the name finder sees them: text, offsets, and the case they are written in. */

export interface Token {
  text: string;
  key: string;
  start: number;
  end: number;
  shape: 'cap' | 'upper' | 'lower' | 'initial' | 'other';
}

/** Letters with marks, joined by apostrophes or hyphens: "O'Brien", "Alvarez-Ruiz", "Zoë". */
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
/**
 * "McDowell", "O'Brien", "D'hoedt", "LeBatelier", "Alvarez-Ruiz", "al-Sayed", "Seo-yeon"; not "mL", "HCCs", "eGFR",
 * "TaqMan", nor "I'm".
 */
const CAPITALIZED =
  /^(?:(?:Ma?c|O['’]|D['’]|L['’]|Le|La|De|Di|Van|Von|(?:al|el|ul|ad|ar|as|ash|at|az|bin|ibn|abu|bint)-)\p{Lu}[\p{Ll}\p{M}]+|[A-HJ-Z]['’]\p{Ll}{3,}|\p{Lu}[\p{Ll}\p{M}]+-\p{Ll}{2,5}|\p{Lu}[\p{Ll}\p{M}]+)(?:-\p{Lu}[\p{Ll}\p{M}]+|['’]\p{L}[\p{Ll}\p{M}]*)*$/u;
/** Lower-case words inside names: "Willemine ten Pas", "Ludwig van Beethoven". */
export const PARTICLES = new Set(
  'van von de der den ten ter da di du la le del della dos das bin ibn zu af av ap'.split(' '),
);

export function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({
    text: match[0],
    key: normalizeWord(match[0]),
    start: match.index,
    end: match.index + match[0].length,
    shape: shapeOf(match[0]),
  }));
}

function shapeOf(word: string): Token['shape'] {
  if (word.length === 1) return /\p{Lu}/u.test(word) ? 'initial' : 'lower';
  // "Mr K-B": the initials of a double-barrelled name.
  if (/^\p{Lu}(?:-\p{Lu})+$/u.test(word)) return 'initial';
  if (word === word.toLocaleUpperCase() && word !== word.toLocaleLowerCase()) return 'upper';
  if (word === word.toLocaleLowerCase()) return 'lower';
  return CAPITALIZED.test(word) ? 'cap' : 'other';
}

/** Two words of one name: one space between, or an initial's dot and a space. */
export function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || (a.text.length === 1 && (gap === '. ' || gap === '.'));
}

/** Words of one name share a case ("John Smith", "JOHN SMITH", "john smith"); initials and particles fit any. */
export function sameCase(lead: Token, token: Token): boolean {
  if (token.shape === 'initial' || PARTICLES.has(token.key)) return true;
  if (token.shape === 'other') return false;
  const shape = lead.shape === 'initial' ? 'cap' : lead.shape;
  return token.shape === shape;
}

export function isMostlyUpper(text: string): boolean {
  const upper = (text.match(/\p{Lu}/gu) ?? []).length;
  const lower = (text.match(/\p{Ll}/gu) ?? []).length;
  return upper > 3 * lower && upper >= 8;
}

/** "BIRCH LANE" → "Birch Lane"; codes and two-letter words ("NY", "SW1A") stay as typed. */
export function capitalizedWords(text: string): string {
  return text
    .replace(/(?<=\p{Lu})\p{Lu}+/gu, (rest, offset: number) => {
      const word = /\p{L}*$/u.exec(text.slice(0, offset))?.[0] ?? '';
      const after = /^[\p{L}\p{N}]*/u.exec(text.slice(offset + rest.length))?.[0] ?? '';
      const lower = rest.toLowerCase();
      const keep = word.length + rest.length < 3 || /\p{N}/u.test(after) || lower.length !== rest.length;
      return keep ? rest : lower;
    })
    .replace(/(?<=\p{L}['’])S(?![\p{L}\p{N}])/gu, 's');
}

/** At the start of the text, a line, or a sentence (after ". ", "? ", ": " or a quote). */
export function sentenceStart(text: string, token: Token): boolean {
  const before = text.slice(0, token.start).replace(/[\s"“‘'(>*•?-]+$/u, '');
  return before === '' || /[.!?:;\n]$/.test(before) || /\n[^\S\n]*$/.test(text.slice(0, token.start));
}
