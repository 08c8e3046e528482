import { spansOf } from './match.js';
import type { PhiSpan } from './spans.js';

/**
 * Safe Harbor removes every element of a date except the year, and ages over 89. Tuned for
 * clinical text: "grade 3/4", "0.62-0.80", "day +100" and "aged 90 or older" are not dates or
 * identifying ages; a date of birth is found by its label even when written as a year alone.
 */

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY_OR_MONTH = '(?:0?[1-9]|[12]\\d|3[01])';
/** Same separator twice, and not inside a decimal. */
const NUMERIC_DATE = ['/', '-', '\\.']
  .map((sep) => `(?<![\\d.,])${DAY_OR_MONTH}${sep}${DAY_OR_MONTH}${sep}(?:\\d{4}|\\d{2})(?![\\d.]?\\d)`)
  .join('|');
/** ISO dates, with a time of day when one follows ("2000-04-16 11:34:35"). */
const ISO_DATE = '(?<![\\d.])\\d{4}-[01]\\d-[0-3]\\d(?:[ T][0-2]\\d:[0-5]\\d(?::[0-5]\\d)?)?\\b';
const WORD_DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?)\\b`;
const ANY_DATE = `(?:${ISO_DATE}|${NUMERIC_DATE}|${WORD_DATE})`;

/** Case-sensitive on purpose: "may 2 cycles" is not a date, "May 2" is. */
const DATE = new RegExp(ANY_DATE, 'g');
const BIRTH = new RegExp(
  `\\b(?:DOB|D\\.O\\.B\\.?|date of birth|born(?: on| in)?|birthday(?: is)?(?: on)?)\\s*[:#]?\\s*(${ANY_DATE}|${MONTH}\\s+\\d{4}|\\d{4})`,
  'dgi',
);
const EVENT_MONTH = new RegExp(
  `\\b(?:admitted|discharged|died|deceased|transplanted|diagnosed|seen|presented|operated)\\s+(?:on|in)\\s+(${MONTH}\\s+\\d{4})`,
  'dgi',
);
const AGE_OVER_89 = /\b(?:9\d|1[0-2]\d)\s*-?\s*(?:years?|yrs?|y)\s*-?\s*(?:old|o\b|\/o\b)/gi;
const AGED_OVER_89 =
  /\b(?:aged?|turned|turn|turning)\s*:?\s*((?:9\d|1[0-2]\d)(?:\s*(?:years?|yrs?|y))?)\b(?!\s*(?:or|and)\s+(?:older|over|above)|\s*\+|\s*[-–]\s*\d)/dgi;

/** Dates (all but a bare year), dates of birth and ages over 89 in `text`. */
export function findDates(text: string): PhiSpan[] {
  return [
    ...spansOf(text, BIRTH, 'date of birth', { group: 1 }),
    ...spansOf(text, DATE, 'date'),
    ...spansOf(text, EVENT_MONTH, 'date', { group: 1 }),
    ...spansOf(text, AGE_OVER_89, 'age over 89'),
    ...spansOf(text, AGED_OVER_89, 'age over 89', { group: 1 }),
  ];
}
