import { FUNCTION_WORDS } from './word-classes.js';
import { foldWord } from './word-key.js';
import { isDictionaryWord } from './wordnet.js';
import { plainWordsOf } from './words.js';

/**
 * Shapes of clinical shorthand that say how much, when or in which order, not what a question
 * is about: quantities, doses, schedules, ages, stages, counts and ordinals; and a drug's salt.
 */

/** "IV", and stages with their letter ("IIIB", "IA"): the patient's stage, as other numbers say how many. */
const ROMAN_NUMERAL = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)$|^(?:i|ii|iii|iv)[abc]$/i;
/** "16-centre", "3-arm", "2-year": a count of something, the something being the word. */
const COUNTED_WORD = /^\d+(?:[.,]\d+)?-(\p{L}{3,})$/u;
/** "50 Gy/20", "25/5", "mg/m2": a dose and its fractions or units. */
const DOSE_NOTATION =
  /^(?:\d+(?:[.,]\d+)?\/\d+|[a-z]{1,3}\/\d+|\d+(?:[.,]\d+)?\s?(?:gy|cgy|mg|g|ml|u)\/(?:\d+|m2|kg|d|day|wk|fx))$/i;
/** "7cm", "3y", "1-yr", "50mg", "2x", "2am", "3T", "5k": a quantity with its unit says how much, not what about. */
const QUANTITY_WITH_UNIT =
  /^\d+(?:[.,]\d+)?-?(?:%|x|k|am|pm|t|cm|mm|m|km|kg|g|mg|mcg|ug|ml|l|gy|cgy|y|yr|yrs|yo|mo|mos|m|wk|wks|w|d|h|hr|hrs|min|s|-(?:day|week|month|year|yr)s?-old)$/i;
/** "5/10y", "1/3/5yr": the time points a survival is asked at. */
const TIME_POINTS = /^\d+(?:\/\d+)+-?(?:y|yr|yrs|mo|mos|m|wk|wks|d)$/i;
/** "q3w", "q12h", "x6", "C3D1", "D8": how often or when in a schedule, not what. */
const DOSING_INTERVAL = /^(?:q\d+(?:h|d|w|wk|wks|m|mo)|x\d{1,2}|c\d{1,2}d\d{1,2}|d\d{1,2})$/i;
/** "28F", "62M", "70yo", "under-40s", "over-65", "40s", "75-84s", "70s-80s": a patient's age and sex, an age band. */
const AGE_AND_SEX =
  /^\d{1,3}(?:yo|y\/o)?[mf]?$|^\d{1,3}[MF]$|^(?:under|over|below|above|aged?)-?\d{1,3}s?$|^\d0s$|^\d{1,3}s?[-/]\d{1,3}s$/i;
/** "PS2", "ECOG1", "WHO 0-1" typed as one: a performance status score, as "PS 2" typed apart is. */
const PERFORMANCE_STATUS = /^(?:ps|ecog|who)[0-4](?:[-/][0-4])?$/i;

/** "PS2" → "PS": the score's name, its grade a number like any other; undefined for other tokens. */
export function performanceStatusWord(token: string): string | undefined {
  return PERFORMANCE_STATUS.test(token) ? 'PS' : undefined;
}

/** "1st", "2nd line": papers write the ordinal as a word. */
const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th)$/i;
const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** Numbers, doses, schedules, ages and stages: "7cm", "50 Gy/20", "q3w", "28F", "IIIB". */
export function saysHowMuchOrWhen(token: string): boolean {
  const quantity =
    /^\d+(?:[.,]\d+)?%?$/.test(token) ||
    QUANTITY_WITH_UNIT.test(token) ||
    DOSE_NOTATION.test(token) ||
    TIME_POINTS.test(token);
  return ROMAN_NUMERAL.test(token) || quantity || DOSING_INTERVAL.test(token) || AGE_AND_SEX.test(token);
}

/** "16-centre" → "centre"; undefined when the token counts nothing. */
export function countedWord(token: string): string | undefined {
  const counted = COUNTED_WORD.exec(token)?.[1];
  return counted && isDictionaryWord(counted) ? counted : undefined;
}

/** "2nd" → "second"; "" for an ordinal beyond the tenth; undefined when the token is none. */
export function ordinalWord(token: string): string | undefined {
  const ordinal = ORDINAL.exec(token);
  return ordinal ? (ORDINAL_WORDS[Number(ordinal[1]) - 1] ?? '') : undefined;
}

/** "2nd" → 2, "second" → 2: an ordinal's place, in figures or words up to the tenth. */
export function ordinalNumber(token: string): number | undefined {
  const figures = ORDINAL.exec(token)?.[1];
  if (figures) return Number(figures);
  const place = ORDINAL_WORDS.indexOf(token.toLowerCase());
  return place >= 0 ? place + 1 : undefined;
}

/** The salt a drug is given as: "desmopressin acetate" is desmopressin to a paper. */
const SALT =
  /^(?:acetate|sodium|potassium|hydrochloride|hcl|citrate|sulfate|sulphate|phosphate|mesylate|maleate|tartrate|besylate|succinate|fumarate|bromide|chloride)$/i;

/** A drug's long form as papers shorten it: without its salt ("desmopressin acetate"). */
export function withoutSalt(longForm: string): string[] {
  const words = plainWordsOf(longForm).filter((word) => !FUNCTION_WORDS.has(foldWord(word)));
  return words.length > 1 && SALT.test(words.at(-1) ?? '') ? [words.slice(0, -1).join(' ')] : [];
}
