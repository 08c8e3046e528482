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
/** "Sept 9 '41", "12 Feb 2024", "1961 Jun 19". */
const WORD_DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+(?:\\d{4}|['’]\\d{2}))?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?|\\d{4}\\s+${MONTH}\\s+\\d{1,2})(?![\\p{L}\\d])`;
/** "1975/08/23": a year first, slashes between. */
const YEAR_FIRST_DATE = '(?<![\\d./])\\d{4}/[01]?\\d/[0-3]?\\d(?![\\d/])';
/** "06/2021", "since 9/2019": a month and a year. */
const MONTH_YEAR = '(?<![\\d./-])(?:0?[1-9]|1[0-2])/(?:19|20)\\d\\d(?![\\d/])';
const MONTH_ABBREVIATION = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
const CAPITAL_MONTH = MONTH_ABBREVIATION.toUpperCase();
/** "02-Jan-1931", "14-NOV-23": a day, a month's abbreviation and a year joined by hyphens. */
const HYPHENED_DATE = `(?<![\\p{L}\\d-])${DAY_OR_MONTH}-(?:${MONTH_ABBREVIATION}|${CAPITAL_MONTH})-(?:\\d{4}|\\d{2})(?![\\p{L}\\d])`;
/** "14NOV", "09MAR81": a booking's or a passport's day and month, with or without the year. */
const BOOKING_DATE = `(?<![\\p{L}\\d])(?:0[1-9]|[12]\\d|3[01])${CAPITAL_MONTH}(?:\\d{2}){0,2}(?![\\p{L}\\d])`;
const ANY_DATE = `(?:${ISO_DATE}|${NUMERIC_DATE}|${YEAR_FIRST_DATE}|${MONTH_YEAR}|${WORD_DATE}|${HYPHENED_DATE}|${BOOKING_DATE})`;

/**
 * Months as Spanish, Portuguese, French, Italian, German and Dutch write them. Only a whole date
 * (day, month, year) is read: "mai", "mars" and "mei" alone are words.
 */
const FOREIGN_MONTH =
  '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|décembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januar|februar|märz|juni|juli|oktober|dezember|januari|februari|maart|mei|augustus|september|november|december)';
/** "5 de marzo de 1988", "12 mars 1990", "3. März 1985", "14 maggio 1977". */
const FOREIGN_DATE = new RegExp(
  `(?<![\\p{L}\\d])(?:0?[1-9]|[12]\\d|3[01])\\.?\\s+(?:de\\s+)?${FOREIGN_MONTH}\\s+(?:de\\s+|del\\s+)?\\d{4}(?!\\d)`,
  'giu',
);

/** Case-sensitive on purpose: "may 2 cycles" is not a date, "May 2" is. */
const DATE = new RegExp(ANY_DATE, 'gu');
/** A month and a day without a year, in either order: "4/18", "19/07". */
const MONTH_AND_DAY =
  '(?:(?:1[0-2]|0?[1-9])\\/(?:3[01]|[12]\\d|0?[1-9])|(?:3[01]|[12]\\d|1[3-9])\\/(?:1[0-2]|0?[1-9]))';
/** What follows a count, not a day: "5/9 patients", "3/12 were", "7/22 (32%)". */
const NOT_COUNTED = '(?![\\d/]|\\.\\d|\\s*(?:patients|pts|cases|of|were|had|in)\\b)';
/**
 * "MRI 4/18", "s/p Whipple on 11/5", "check-in 19/07", "CT booked 7/22", "Whipple done 7/2",
 * "flying out 23/12": a month and a day, told from a count ("5/9 patients") by the visit, scan,
 * booking or preposition before it.
 */
const DAY_AFTER_EVENT = new RegExp(
  `(?<=\\b(?:on|scan|mri|ct|pet|appts?|visit|f\\/u|due|until|till|since|dated?|surgery|admitted|discharged|seen|biopsy|bx|labs|check-?in|check-?out|arriv(?:al|ing)|depart(?:ure|ing)|delivery|booked|scheduled|rescheduled|planned|set for|done|leaves|leaving|flying out|flies|flight|starts|starting)\\s)${MONTH_AND_DAY}${NOT_COUNTED}`,
  'gi',
);
/** "the party is 3/15 at 6pm", "set for 4/25 at 3pm": a month and a day, then the hour. */
const DAY_BEFORE_HOUR = new RegExp(
  `(?<![\\d./])${MONTH_AND_DAY}(?=\\s+at\\s+\\d{1,2}(?::\\d\\d)?\\s?(?:am|pm|h)\\b)`,
  'gi',
);
/**
 * "from 12/02", "minibar charge for 19/08", "pick-up 09/06", "odjezd 04.05": a day and a month
 * written with a leading zero, which counts and fractions are not.
 */
const ZERO_PADDED_DAY =
  /(?<![\d./,-])(?:0[1-9]\/(?:0[1-9]|[12]\d|3[01])|(?:1[0-2]|[12]\d|3[01])\/0[1-9]|0[1-9]\.(?:0[1-9]|1[0-2]))(?![\d/]|[.,]\d|\s*(?:%|mm|cm|patients|pts|cases|of)\b)/g;
/** "am 28.02.": a German day and month after "am", closed by a full stop. */
const GERMAN_DAY = /(?<=\bam\s)(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])(?=\.)/g;
/** Sixth and on in words: "on the second" is as often a line of treatment or a cycle as a day. */
const ORDINAL_DAY_WORDS =
  'sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[- ]first';
/**
 * "until the 20th.", "by the 5th", "since the fourteenth full stop": a day of the month standing
 * alone; "on the 6th postoperative day" and "the 20th century" go on to say what is counted.
 */
const ORDINAL_DAY = new RegExp(
  `\\b(?:until|till|til|by|on|since|from|as of)\\s+the\\s+((?:[12]?\\d|3[01])(?:st|nd|rd|th)|${ORDINAL_DAY_WORDS})\\b(?=\\s*(?:[.,;:!?)]|$)|\\s+(?:at|and|or|so|when|if|but|please|pls|full stop|of (?:this|next|the) month)\\b)`,
  'dgiu',
);
const BIRTH = new RegExp(
  `\\b(?:DOB|D\\.O\\.B\\.?|date of birth|birth ?date|born(?: on| in)?|birthday(?: is)?(?: on)?)(?:\\s+is)?\\s*[:#]?\\s*(${ANY_DATE}|${MONTH}\\s+\\d{4}|\\d{4})`,
  'dgiu',
);
const EVENT_MONTH = new RegExp(
  `\\b(?:admitted|discharged|died|deceased|transplanted|diagnosed|seen|presented|operated)\\s+(?:on|in)\\s+(${MONTH}\\s+\\d{4})`,
  'dgiu',
);
const AGE_OVER_89 = /\b(?:9\d|1[0-2]\d)\s*-?\s*(?:years?|yrs?|y)\s*-?\s*(?:old|o\b|\/o\b)/gi;
/** "91F", "pt 94M", "96yo": the age and sex shorthand of a case line (not "101F" of a fever). */
const AGE_SEX_OVER_89 =
  /(?<![\d.])(?:9\d(?:\s?(?:yo|y\.o\.?)\s?)?[MF]|9\d\s?(?:yo|y\.o\.?)|1[01]\d\s?(?:yo|y\.o\.?))(?![\p{L}\d°])/gu;
/** An age over 89 in figures or in words: "92", "ninety-one", "a hundred and two". */
const OVER_89 =
  '9\\d|1[01]\\d|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one) hundred(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten))?';
/** "pt Harold Jenkins, 91.", "Isadora Fairweather, 104, Room 12": an age standing after a name. */
const AGE_AFTER_NAME = new RegExp(
  `(?<=\\p{Lu}\\p{Ll}+ \\p{Lu}[\\p{Ll}'-]+|\\b(?:Mr|Mrs|Ms|Miss|Mx)\\.? \\p{Lu}[\\p{Ll}'-]+),\\s(${OVER_89})(?=[.;)]|,\\s(?!\\d)|\\s*$)`,
  'dgu',
);
/**
 * "his brother Wilber is 92", "her grandmother, 97,", "who is 99", "Grandad Thaddeus is 93
 * today": a relative's or a patient's age.
 */
const RELATIVE_OVER_89 =
  /\b(?:who|(?:grand)?(?:mother|father|ma|pa|mom|mum|dad)|grandad|granny|gran|nana?|husband|wife|brother|sister|aunt|uncle|patient|pt)(?:\s+\p{Lu}[\p{Ll}'’-]+)?(?:\s+(?:is|was|turns|turned)\s+|,\s)(9\d|1[01]\d)\b(?!\s*(?:%|mg|kg|cm|mm|min|percent|bpm|mmhg)|[.,]\d)/dgiu;
/** "her 95th birthday". */
const BIRTHDAY_OVER_89 = /\b((?:9\d|1[01]\d)(?:st|nd|rd|th))\s+birthday/dgi;
/** "Happy 99th, Granny!". */
const HAPPY_OVER_89 = /\bhappy\s+((?:9\d|1[01]\d)(?:st|nd|rd|th))\b/dgi;
/** "(92 yrs)", "93 yrs/F": an age in a letter's heading or a case line. */
const AGE_IN_YEARS =
  /(?<=\()(9\d|1[01]\d)\s*(?:years?|yrs?)(?=\))|\b(9\d|1[01]\d)\s*(?:years?|yrs?)(?=\s*\/\s*[MF]\b)/dg;
/** "she's 92", "he is 91", "I'm 91", "I'll be ninety-one this spring". */
const IS_OVER_89 = new RegExp(
  `\\b(?:she|he|I)(?:['’]s|['’]m| is| am|['’]ll be| will be)\\s+(${OVER_89})\\b(?!\\s*(?:%|mg|kg|cm|min|percent))`,
  'dgi',
);
const AGED_OVER_89 =
  /\b(?:aged?|turned|turns|turn|turning)\s*:?\s*((?:9\d|1[0-2]\d)(?:\s*(?:years?|yrs?|y))?)\b(?!\s*(?:or|and)\s+(?:older|over|above)|\s*\+|\s*[-–]\s*\d)/dgi;

/** Right after a person's name: "Patience King is 92 and", "Mr. Ifeanyi Chukwu-Dike, 95, of". */
const AGE_RIGHT_AFTER = new RegExp(
  `^(?:,\\s|\\s(?:is|was|turns|turned|aged)\\s)(${OVER_89})\\b(?!\\s*(?:%|mg|kg|cm|mm|min|percent|bpm|mmhg|[/:.,]\\d))`,
  'iu',
);

/** Ages over 89 said of a person the name finder found (`names`). */
export function agesAfterNames(text: string, names: PhiSpan[]): PhiSpan[] {
  return names.flatMap((name) => {
    const match = AGE_RIGHT_AFTER.exec(text.slice(name.end, name.end + 40));
    const age = match?.[1];
    if (!match || !age) return [];
    const start = name.end + match[0].length - age.length;
    return [{ start, end: start + age.length, kind: 'age over 89' as const }];
  });
}

/** Dates (all but a bare year), dates of birth and ages over 89 in `text`. */
export function findDates(text: string): PhiSpan[] {
  return [
    ...spansOf(text, BIRTH, 'date of birth', { group: 1 }),
    ...spansOf(text, DATE, 'date'),
    ...spansOf(text, EVENT_MONTH, 'date', { group: 1 }),
    ...spansOf(text, DAY_AFTER_EVENT, 'date'),
    ...spansOf(text, DAY_BEFORE_HOUR, 'date'),
    ...spansOf(text, ZERO_PADDED_DAY, 'date'),
    ...spansOf(text, GERMAN_DAY, 'date'),
    ...spansOf(text, ORDINAL_DAY, 'date', { group: 1 }),
    ...spansOf(text, AGE_OVER_89, 'age over 89'),
    ...spansOf(text, AGE_SEX_OVER_89, 'age over 89'),
    ...spansOf(text, IS_OVER_89, 'age over 89', { group: 1 }),
    ...spansOf(text, AGE_AFTER_NAME, 'age over 89', { group: 1 }),
    ...spansOf(text, AGE_IN_YEARS, 'age over 89'),
    ...spansOf(text, RELATIVE_OVER_89, 'age over 89', { group: 1 }),
    ...spansOf(text, BIRTHDAY_OVER_89, 'age over 89', { group: 1 }),
    ...spansOf(text, HAPPY_OVER_89, 'age over 89', { group: 1 }),
    ...spansOf(text, FOREIGN_DATE, 'date'),
    ...spansOf(text, AGED_OVER_89, 'age over 89', { group: 1 }),
  ];
}
