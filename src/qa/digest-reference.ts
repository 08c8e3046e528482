import { ordinalNumber } from '../vocabulary/index.js';

/**
 * Which digest item a thread message points at by its place in the list: "#2", "re #3 (…)",
 * "the 2nd one", "first one in the list", "3rd one -", "the last one". People count the items as
 * they read them; the app's digest lists them in that order.
 */

/** "#2" (not a Slack channel link "<#C…>"), "paper 3", "item 4", "no. 2". */
const BY_NUMBER = /(?<![<\w])(?:#|\b(?:paper|item|article|study|no\.?)\s?#?)(\d{1,2})\b(?!\s?%|[.,]\d)/i;
/** "the 2nd one", "first one in the list", "the third paper", "the last one", "(2nd)". */
const BY_ORDINAL =
  /\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|7th|eighth|8th|last)\b(?:\s+(?:one|paper|study|article|item|link|abstract)\b|\s+in\s+the\s+(?:list|digest)\b|\))/i;

/** The 0-based index of the item `message` names by its place among `count` items, if it does. */
export function referencedItem(message: string, count: number): number | undefined {
  const numbered = BY_NUMBER.exec(message)?.[1];
  const place = numbered ? Number(numbered) : placeOf(BY_ORDINAL.exec(message)?.[1], count);
  return place !== undefined && place >= 1 && place <= count ? place - 1 : undefined;
}

function placeOf(word: string | undefined, count: number): number | undefined {
  if (!word) return undefined;
  return word.toLowerCase() === 'last' ? count : ordinalNumber(word);
}
