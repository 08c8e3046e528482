import type { StudyType } from '../types.js';

const UNITS =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

/** "seven" → 7, "twenty-four" → 24; undefined for anything else. */
function wordToNumber(word: string): number | undefined {
  const [first = '', second] = word.toLowerCase().split('-');
  const tensIndex = TENS.indexOf(first);
  if (tensIndex < 0) {
    const unitIndex = UNITS.indexOf(first);
    return unitIndex >= 0 && second === undefined ? unitIndex + 1 : undefined;
  }
  const tens = (tensIndex + 2) * 10;
  if (second === undefined) return tens;
  const unitIndex = UNITS.indexOf(second);
  return unitIndex >= 0 && unitIndex < 9 ? tens + unitIndex + 1 : undefined;
}

const NUMBER_WORD = `(?:(?:${TENS.join('|')})(?:-(?:${UNITS.slice(0, 9).join('|')}))?|${UNITS.join('|')})`;

const PEOPLE =
  '(?:patients|participants|subjects|children|adults|women|men|infants|neonates|adolescents|individuals|survivors|cases|persons|people|volunteers|recipients)';
const COUNT_RE = new RegExp(
  String.raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s(?:(?:consecutive|eligible|evaluable|adult|pediatric|paediatric|newly diagnosed|enrolled|unselected)\s){0,2}${PEOPLE}\b`,
  'gi',
);
const N_EQUALS_RE = /\b[nN]\s?=\s?(\d{1,3}(?:,\d{3})+|\d+)\b/g;
const WORD_COUNT_RE = new RegExp(
  String.raw`(?<!(?:hundred|thousand|million)\s(?:and\s)?)(?<![\w-])(${NUMBER_WORD})\s(?:(?:consecutive|adult|pediatric|paediatric)\s)?${PEOPLE}\b`,
  'gi',
);

function toInt(digits: string): number {
  return Number.parseInt(digits.replace(/,/g, ''), 10);
}

/**
 * How many people a paper studied, when it says so. The largest stated count wins because
 * subgroups are smaller than the cohort ("45 patients … 12 of whom relapsed"). Counts spelled
 * out ("three patients", "Twenty-four patients") count too.
 */
export function paperSampleSize(text: string, studyType: StudyType): number | undefined {
  if (studyType === 'preclinical' || studyType === 'editorial' || studyType === 'guideline') return undefined;
  // A case report is one patient by definition; its other counts come from the literature it cites.
  if (studyType === 'case-report') return 1;
  const counts = [
    ...[...text.matchAll(COUNT_RE)].map((m) => toInt(m[1] ?? '')),
    ...[...text.matchAll(N_EQUALS_RE)].map((m) => toInt(m[1] ?? '')),
    ...[...text.matchAll(WORD_COUNT_RE)].map((m) => wordToNumber(m[1] ?? '') ?? 0),
  ].filter((n) => Number.isFinite(n) && n > 0);
  return counts.length > 0 ? Math.max(...counts) : undefined;
}
