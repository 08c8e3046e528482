import { createRequire } from 'node:module';
import type { CountryCode } from 'libphonenumber-js/min';
import type { PhiSpan } from './spans.js';

/**
 * Phone and fax numbers in any national or international format, checked by libphonenumber
 * (Google's metadata): a run of digit groups counts when it is a possible number for one of
 * the countries a team is likely to write from. Number runs that read as clinical figures
 * (a year range, a decimal, a date) are left alone.
 */

/** Tried in order for a number written without a country code. */
const COUNTRIES: CountryCode[] = [
  'US',
  'GB',
  'FR',
  'DE',
  'SE',
  'NL',
  'AU',
  'BR',
  'IT',
  'ES',
  'FI',
  'DK',
  'CH',
];

/** An extension as offices write it: "x221", "ext. 4", "poste 305", "Durchwahl 12", "interno 7". */
const EXTENSION_WORD = String.raw`(?:x|ext\.?|extension|poste|durchwahl|dw\.?|interno|int\.|ramal|anexo|toestel|wewn\.?|#)`;
/**
 * Digit groups joined by single spaces, dashes, dots or parentheses, optionally with "+cc",
 * "(0)" and an extension: the shapes phone numbers are written in, prefiltered cheaply.
 */
const CANDIDATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}./+-]|\d,)(?:\+\s?\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)\s?)?\d{1,5}(?:(?:[ .-]|\)\s?|\s?\(0\)\s?)\d{1,8}){0,6}(?:,?\s?${EXTENSION_WORD}\s?\d{1,5})?(?![\p{L}\p{N}]|[.,/-]\d)`,
  'giu',
);
/** Ten or more digits in one run ("9498777106"); shorter runs are counts, PMIDs or years. */
const CONTIGUOUS = /(?<![\p{L}\p{N}./+-])\+?\d{10,15}(?![\p{L}\p{N}]|[.,/-]\d)/gu;
const EXTENSION = new RegExp(String.raw`,?\s?${EXTENSION_WORD}\s?\d{1,5}$`, 'i');
/** "2000-2010", "1990 2005": years, not a phone. */
const YEAR_RANGE = /^(?:19|20)\d{2}\s?[-–]\s?(?:19|20)?\d{2}$/;
/** Dates and times have their own detector. */
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;
/** "2.87-10.69", "0.81-10.70": a confidence interval; phones keep one kind of separator. */
const MIXED_DECIMAL = /^\d+\.\d+$|\d\.\d+\s?[-–]|[-–]\s?\d+\.\d/;
const IPV4_LIKE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** "range 4900-17000", "between 751-1000": a range of values, not a local number. */
const RANGE_CUE = /\b(?:range|ranged|ranging|between|from|of|iqr)\b[^\d]{0,12}$/i;
/**
 * "t: +234 1 000 4582", "Tel. +44 …": after a phone's label an international number is one, even
 * one libphonenumber's current plan no longer allows (Lagos landlines before the 0201 prefix).
 */
const PHONE_LABEL =
  /(?:^|[^\p{L}])(?:t|m|f|tel|tél|telefon|teléfono|telefono|phone|ph|mobile|mob|cell|fax|whatsapp|call|text|ring)\.?\s*[:.]?\s*$/iu;
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

/** Phone and fax numbers in `text`. */
export function findPhones(text: string): PhiSpan[] {
  const spans: PhiSpan[] = [];
  for (const match of text.matchAll(CONTIGUOUS)) {
    if (isPhone(match[0]))
      spans.push({ start: match.index, end: match.index + match[0].length, kind: 'phone' });
  }
  for (const match of text.matchAll(CANDIDATE)) {
    const raw = match[0];
    const digits = raw.replace(EXTENSION, '').replace(/\D/g, '');
    if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) continue;
    if (YEAR_RANGE.test(raw) || DATE_LIKE.test(raw) || MIXED_DECIMAL.test(raw) || IPV4_LIKE.test(raw))
      continue;
    if (/^\d+-\d+$/.test(raw) && RANGE_CUE.test(text.slice(Math.max(0, match.index - 24), match.index)))
      continue;
    const labelled =
      raw.startsWith('+') && PHONE_LABEL.test(text.slice(Math.max(0, match.index - 16), match.index));
    if (labelled || isPhone(raw.replace(EXTENSION, '')))
      spans.push({ start: match.index, end: match.index + raw.length, kind: 'phone' });
  }
  return spans;
}

type PossibleCheck = (text: string, country?: CountryCode) => boolean;
let possible: PossibleCheck | undefined;

/** libphonenumber's check, loaded on first use so that importing the guard stays cheap. */
function isPossiblePhoneNumber(text: string, country?: CountryCode): boolean {
  possible ??= (
    createRequire(import.meta.url)('libphonenumber-js/min') as { isPossiblePhoneNumber: PossibleCheck }
  ).isPossiblePhoneNumber;
  return possible(text, country);
}

function isPhone(candidate: string): boolean {
  const compact = candidate.replace(/\(0\)/, '');
  if (compact.trim().startsWith('+')) return isPossiblePhoneNumber(compact);
  if (/^00\d/.test(compact) && isPossiblePhoneNumber(`+${compact.slice(2)}`)) return true;
  return COUNTRIES.some((country) => isPossiblePhoneNumber(compact, country));
}
