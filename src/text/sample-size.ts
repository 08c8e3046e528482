import type { StudyType } from '../types.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

const PEOPLE =
  '(?:patients|participants|subjects|children|adults|women|men|infants|neonates|adolescents|individuals|survivors|cases|persons|people|volunteers|recipients)';
const COUNT_RE = new RegExp(
  String.raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s(?:(?:consecutive|eligible|evaluable|adult|pediatric|paediatric|newly diagnosed|enrolled|unselected)\s){0,2}${PEOPLE}\b`,
  'gi',
);
const N_EQUALS_RE = /\b[nN]\s?=\s?(\d{1,3}(?:,\d{3})+|\d+)\b/g;
const WORD_COUNT_RE = new RegExp(
  String.raw`(?<!(?:hundred|thousand|million)\s(?:and\s)?)(?<![\w-])(${Object.keys(NUMBER_WORDS).join('|')})\s(?:(?:consecutive|adult|pediatric|paediatric)\s)?${PEOPLE}\b`,
  'gi',
);

function toInt(digits: string): number {
  return Number.parseInt(digits.replace(/,/g, ''), 10);
}

/**
 * How many people a paper studied, when it says so. The largest stated count wins because
 * subgroups are smaller than the cohort ("45 patients … 12 of whom relapsed"). Counts spelled
 * out ("three patients") count too.
 */
export function paperSampleSize(text: string, studyType: StudyType): number | undefined {
  if (studyType === 'preclinical' || studyType === 'editorial' || studyType === 'guideline') return undefined;
  // A case report is one patient by definition; its other counts come from the literature it cites.
  if (studyType === 'case-report') return 1;
  const counts = [
    ...[...text.matchAll(COUNT_RE)].map((m) => toInt(m[1] ?? '')),
    ...[...text.matchAll(N_EQUALS_RE)].map((m) => toInt(m[1] ?? '')),
    ...[...text.matchAll(WORD_COUNT_RE)].map((m) => NUMBER_WORDS[(m[1] ?? '').toLowerCase()] ?? 0),
  ].filter((n) => Number.isFinite(n) && n > 0);
  return counts.length > 0 ? Math.max(...counts) : undefined;
}
