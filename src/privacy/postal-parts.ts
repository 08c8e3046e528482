import { type Lexicon, normalizeWord } from './lexicon.js';
import { spansOf } from './match.js';
import type { PhiSpan } from './spans.js';

/**
 * The parts of an address found by their own shape, street or no street: postcodes and ZIP
 * codes, post-office and rural-route boxes, and street corners.
 */

/** Canadian ("T3G 5I0") and British ("SW1A 1AA") postcodes, always written with their space. */
const POSTCODE = /\b(?:[A-Z]\d[A-Z] \d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})\b/g;
/** "P.O. Box 242", "RR 2 Box 118", "RR 2, Site 14, Box 9" (Canada), "Private Bag X1004" (southern Africa). */
const PO_BOX =
  /\b(?:P\.?\s?O\.?\s*Box\s+\d+|(?:RR|R\.R\.|Rural Route)\s*\d+,?\s*(?:Site\s*\d+,?\s*)?(?:Comp\s*\d+,?\s*)?Box\s+\d+|Private Bag\s+[A-Z]?\d+)/gi;
/** A US Navy ship's mail address (USPS Publication 28): "USNS Meridian\nFPO AP 96672". */
const SHIP_FPO =
  /\b(?:USS|USNS|USNV|USCGC)\s+\p{Lu}[\p{L}\p{M}'’-]+(?:\s\p{Lu}[\p{L}\p{M}'’-]+){0,2},?\s*FPO\s+A[AEP]\s+\d{5}(?:-\d{4})?\b/gu;
/** "ZIP: 53650", "zip on the insurance form 30318". */
const ZIP_LABELLED =
  /\b(?:zip(?:\s?code)?|postal\s?code|post\s?code|postcode)(?:\s+(?:is|was)|\s+(?:on|in|from)\s+(?:the\s+|her\s+|his\s+)?[a-z]+(?:\s[a-z]+)?(?:\s+(?:is|was))?)?\s*[:#]?\s*(\d{3,5}(?:[ -]\d{2,4})?(?:\s?[A-Z]{2}\b)?)/dgi;
/** "the corner of Beiteveien 2 and Sieda Radial": an intersection names a place to find someone. */
const CORNER =
  /\bthe corner of .{3,80}? and .{2,60}?(?=[!?\n,]|\.(?:\s+\p{Lu}|\s*$)|$| (?:after|before|in|at|on|for|to)\b)/giu;
/** "in Sutri 1421", "Boston 02115": a place name, then a postal code. */
const PLACE_ZIP =
  /(?<=\b(?:in|at|from|of)\s+\p{Lu}[\p{L}\p{M}'-]+(?:\s\p{Lu}[\p{L}\p{M}'-]*)?,?\s)(\d{4,5}(?:-\d{3,4})?)(?![\p{L}\p{N}%]|[.,]\d|\s?(?:patients|cases|mg|years))/dgu;
const STATE_ZIP = /(?<=\b[A-Z]{2},?\s)(\d{5}(?:-\d{4})?)\b/dg;
/**
 * "…, 30419 Hannover", "0152 Oslo", "28217 bremen - not to me": a postal code written before its
 * town, as most of Europe does, at the start of a line or after a comma, the town ending it.
 */
const ZIP_TOWN =
  /(?<=(?:^|[,;:]|\n|\s-)\s*)(\d{4,5})\s+(\p{L}[\p{L}\p{M}'’-]{2,}(?:[ -]\p{L}[\p{L}\p{M}'’-]+)?)(?=\s*(?:$|[,.;)\n]|\s-\s))/dgmu;
/** "…, RW 05, Medan 20118, HP …": a town, then its postal code, the two a field of their own. */
const TOWN_ZIP =
  /(?<=(?:^|[,;:]|\n)\s*)(\p{L}[\p{L}\p{M}'’-]{2,}(?:[ -]\p{L}[\p{L}\p{M}'’-]+)?)\s+(\d{4,6})(?=\s*(?:$|[,.;)\n]|\s-\s))/dgmu;
/** A year ("in 2019 Paris", "1998 Boston") is no postal code. */
const YEAR = /^(?:19|20)\d\d$/;

/** Postcodes, ZIP codes, boxes and corners in `text` (already read as capitalized words if typed in capitals). */
export function findPostalParts(text: string, lex: Lexicon): PhiSpan[] {
  return [
    ...spansOf(text, ZIP_TOWN, 'ZIP code', { group: 1, accept: codeBesideTown(2, lex) }),
    ...spansOf(text, TOWN_ZIP, 'ZIP code', { group: 2, accept: codeBesideTown(1, lex) }),
    ...spansOf(text, PO_BOX, 'address'),
    ...spansOf(text, SHIP_FPO, 'address'),
    ...spansOf(text, POSTCODE, 'ZIP code'),
    ...spansOf(text, CORNER, 'address', { accept: (v) => /\d|\p{Lu}/u.test(v.slice(13)) }),
    ...spansOf(text, PLACE_ZIP, 'ZIP code', { group: 1, accept: (v) => !YEAR.test(v) }),
    ...spansOf(text, ZIP_LABELLED, 'ZIP code', { group: 1 }),
    ...spansOf(text, STATE_ZIP, 'ZIP code', { group: 1 }),
  ];
}

/** A code that is no year, beside a town matched as group `townGroup`. */
function codeBesideTown(townGroup: number, lex: Lexicon) {
  return (code: string, match: RegExpExecArray) => !YEAR.test(code) && isTown(match[townGroup] ?? '', lex);
}

/** A town of the world's lists that is no English word ("Bath" and "Reading" are both). */
function isTown(name: string, lex: Lexicon): boolean {
  const key = normalizeWord(name);
  return lex.cities.has(key) && !lex.commonWords.has(key);
}
