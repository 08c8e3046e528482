import { ordinalNumber } from '../vocabulary/index.js';

/**
 * Which digest item a thread message points at by its place in the list: "#2", "re #3 (…)",
 * "the 2nd one", "first one in the list", "3rd one -", "the last one". People count the items as
 * they read them; the app's digest lists them in that order.
 */

/** "#2" (not a Slack channel link "<#C…>"), "paper 3", "item 4", "no. 2". */
const BY_NUMBER = /(?<![<\w])(?:#|\b(?:paper|item|article|study|no\.?)\s?#?)(\d{1,2})\b(?!\s?%|[.,]\d)/i;
const ORDINALS = 'first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|7th|eighth|8th|last';
/** "the 2nd one", "first one in the list", "the third paper", "the last one", "(2nd)". */
const BY_ORDINAL = new RegExp(
  String.raw`\b(${ORDINALS})\b(?:\s+(?:one|paper|study|article|item|link|abstract)\b|\s+in\s+the\s+(?:list|digest)\b|\))`,
  'i',
);
/** "2nd, polyps before vs after…", "third - sleeve…": a message opening with a place, then what it asks. */
const OPENING_ORDINAL = new RegExp(String.raw`^\s*(?:re:?\s+)?(${ORDINALS})(?:\s*[,:;]|\s+[–—-])`, 'i');

export interface ItemReference {
  /** 0-based index of the item among the digest's. */
  index: number;
  /** The message without the words that name the place ("4th one, cholesteatoma…" → ", cholesteatoma…"). */
  rest: string;
}

/** The item `message` names by its place among `count` items, if it does. */
export function referencedItem(message: string, count: number): ItemReference | undefined {
  const numbered = BY_NUMBER.exec(message);
  const ordinal = numbered ? undefined : (BY_ORDINAL.exec(message) ?? OPENING_ORDINAL.exec(message));
  const match = numbered ?? ordinal;
  const place = numbered ? Number(numbered[1]) : placeOf(ordinal?.[1], count);
  if (!match || place === undefined || place < 1 || place > count) return undefined;
  // The place is no part of what is asked: "fourth" is no word of the paper.
  const rest = `${message.slice(0, match.index)} ${message.slice(match.index + match[0].length)}`;
  return { index: place - 1, rest };
}

function placeOf(word: string | undefined, count: number): number | undefined {
  if (!word) return undefined;
  return word.toLowerCase() === 'last' ? count : ordinalNumber(word);
}
