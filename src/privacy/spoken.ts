import { spansOf } from './match.js';
import type { PhiSpan } from './spans.js';

/**
 * Identifiers as speech-to-text writes a dictated letter: "oh seven seven zero zero nine zero
 * zero three eight one", "hospital number r zero zero four four", "the fourteenth of february
 * twenty twenty four", "a ninety three year old", "lucy dot amberley at example dot co dot uk".
 * The shapes the rest of the guard reads are digits and symbols; these are words.
 */

const DIGIT =
  '(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|(?:double|triple) (?:zero|oh|one|two|three|four|five|six|seven|eight|nine))';
/** Six or more digits said one by one, a letter or two before them allowed ("r zero zero four…"). */
const DIGIT_RUN = new RegExp(`\\b(?:[a-z] ){0,2}${DIGIT}(?:[ ,-]+${DIGIT}){5,}\\b`, 'gi');
/** What says the digits are a telephone number. */
const PHONE_CUE =
  /\b(?:phone|telephone|tel|mobile|cell|landline|fax|pager|bleep|reached|contacted|contact|call|ring|number is)\b[^.]{0,40}$/i;

const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const ORDINAL_UNITS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
const DAY = `(?:(?:twenty|thirty)[ -](?:${ORDINAL_UNITS})|${ORDINAL_UNITS}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)`;
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** "nineteen forty nine", "twenty twenty four", "two thousand and nine", "nineteen oh five". */
const YEAR = `(?:(?:nineteen|twenty) (?:(?:${TENS})(?:[ -](?:${UNITS}))?|${TEENS}|oh (?:${UNITS}))|two thousand(?: and)?(?: (?:${TEENS}|${UNITS}|(?:${TENS})(?:[ -](?:${UNITS}))?))?)`;
/** "the fourteenth of february twenty twenty four", "april the ninth", "march third". */
const SPOKEN_DATE = new RegExp(
  `\\b(?:(?:the )?${DAY} of ${MONTH}|${MONTH} (?:the )?${DAY})(?:,? ${YEAR})?\\b`,
  'gi',
);
/** "date of birth twelve oh four nineteen forty nine": a birth date said as numbers. */
const NUMBER_WORD = `(?:${TEENS}|${TENS}|${UNITS}|zero|oh|thousand|and)\\b`;
const SPOKEN_BIRTH = new RegExp(
  `\\b(?:date of birth|d o b|dob|born(?: on)?)\\s+((?:the )?(?:${DAY}|${NUMBER_WORD})(?:[ -](?:of )?(?:${DAY}|${MONTH}|${NUMBER_WORD})){2,})`,
  'dgi',
);
/** "a ninety three year old", "aged ninety one", "at ninety three he", "one hundred years old". */
const OVER_89 = `(?:ninety(?:[ -](?:${UNITS}))?|(?:one|a) hundred(?:(?: and)? (?:${UNITS}|${TEENS}))?)`;
const SPOKEN_AGE = new RegExp(
  `\\b(${OVER_89})(?=[ -]years?[ -]old\\b)|\\b(?:aged?|at|turned|turns|is now|was)\\s+(${OVER_89})\\b(?!\\s*(?:percent|per cent|mg|milligrams|kilos?|minutes|patients))`,
  'dgi',
);
const HUNDREDTH =
  /\b(hundredth|(?:ninety|one hundred)[ -](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|ninetieth) birthday\b/dgi;
/** "lucy dot amberley at example dot co dot uk". */
const SPOKEN_EMAIL =
  /\b[a-z0-9]+(?: (?:dot|underscore|hyphen|dash) [a-z0-9]+)* at [a-z0-9]+(?: dot [a-z0-9]+)*? dot (?:com|org|net|edu|gov|nhs|uk|ca|au|ie|de|fr|in|io|co)(?: dot [a-z]{2,3})?\b/gi;

/** "h-a-d-d-a-d", "K.O.W.A.L.S.K.I": a name spelled letter by letter (four letters or more). */
const SPELLED = /(?<![\p{L}\p{N}])(?:\p{L}[-.]){3,}\p{L}(?![\p{L}\p{N}])/gu;
/** "k a w e c k i": spelled with spaces, which counts only beside the word it spells. */
const SPELLED_SPACED = /(?<![\p{L}\p{N}])(?:\p{L} ){3,}\p{L}(?![\p{L}\p{N}])/gu;
/** "from number forty two larch avenue": a house number said in words before a street typed in lower case. */
const SPOKEN_STREET = new RegExp(
  `\\b(?:(?:${TENS})(?:[ -](?:${UNITS}))?|${TEENS}|${UNITS}|(?:${UNITS}) hundred(?: and)?(?: (?:${TENS})(?:[ -](?:${UNITS}))?| (?:${TEENS}|${UNITS}))?)((?: (?!(?:a|an|the|of|in|on|at|to|way|more|other|different|same|lane|lanes|street|streets|road|roads)\\b)[a-z]{3,}){1,2}) (?:road|street|avenue|lane|drive|close|crescent|grove|terrace|gardens|place|court)\\b`,
  'g',
);

/**
 * A name spelled out, and the word it spells wherever the text writes it whole: "it's haddad,
 * h-a-d-d-a-d".
 */
function spelledNames(text: string): PhiSpan[] {
  const joined = (value: string) => value.replace(/[-. ]/g, '').toLowerCase();
  const spelled = [
    ...spansOf(text, SPELLED, 'name'),
    ...spansOf(text, SPELLED_SPACED, 'name', {
      accept: (value) => new RegExp(`(?<![\\p{L}])${joined(value)}(?![\\p{L}])`, 'iu').test(text),
    }),
  ];
  const words = new Set(spelled.map((span) => joined(text.slice(span.start, span.end))));
  const whole = [...words].flatMap((word) =>
    spansOf(text, new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu'), 'name'),
  );
  return [...spelled, ...whole];
}

export function findSpokenIdentifiers(text: string): PhiSpan[] {
  const digitRuns = [...text.matchAll(DIGIT_RUN)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    kind: PHONE_CUE.test(text.slice(Math.max(0, match.index - 60), match.index))
      ? ('phone' as const)
      : ('MRN' as const),
  }));
  return [
    ...digitRuns,
    ...spansOf(text, SPOKEN_DATE, 'date'),
    ...spansOf(text, SPOKEN_BIRTH, 'date of birth', { group: 1 }),
    ...spansOf(text, SPOKEN_AGE, 'age over 89', { group: 1 }),
    ...spansOf(text, SPOKEN_AGE, 'age over 89', { group: 2 }),
    ...spansOf(text, HUNDREDTH, 'age over 89', { group: 1 }),
    ...spansOf(text, SPOKEN_EMAIL, 'email'),
    ...spelledNames(text),
    ...spansOf(text, SPOKEN_STREET, 'address'),
  ];
}
