import type { KeyNumber, KeyNumberKind } from '../types.js';
import { headingKind } from './headings.js';
import { splitSentences } from './sentences.js';
import { normalizeForMatch } from './verbatim.js';

// A decimal point may be a middle dot, as the Lancet prints it ("72·5%").
const NUM = String.raw`\d+(?:[.·]\d+)?`;
/** A number that starts here, not the tail of a longer one (also keeps long digit runs linear). */
const NUM_START = String.raw`(?<![\d.·])`;
const DASH = '(?:-|‐|–|—|to|,)';
const CI = String.raw`95\s?%\s?(?:CI|[Cc]onfidence [Ii]nterval(?:\s?[[(]CI[)\]])?)[,:=\s]*(?:of\s)?${NUM}%?\s?${DASH}\s?${NUM}%?`;
const CI_TAIL = String.raw`(?:\s?[;,(\[]\s?${CI}\s?[)\]]?)?`;
const UNIT = String.raw`(?:months?|mo|years?|yrs?|weeks?|wk|days?)\b`;
// "odds ratio (OR) 2.0", "hazard ratio [HR], 1.73", "hazard ratio for death, 0.62", "HR: 3.01; 95%CI: 1.49, 6.07".
const RATIO_TAIL = String.raw`(?:\s?[[(](?:a?HR|a?OR|RR|IRR|SHR)[)\]])?(?:\s(?:for|of)\s[\w\s-]{1,30}?)?[\s,:=]*(?:was\s|of\s)?${NUM}${CI_TAIL}`;

interface Pattern {
  kind: KeyNumberKind;
  /** Higher is more informative: an effect size with its interval beats a bare count. */
  rank: number;
  re: RegExp;
}

const PATTERNS: readonly Pattern[] = [
  {
    kind: 'hazard-ratio',
    rank: 5,
    re: new RegExp(
      String.raw`\b(?:a?HR|[Hh]azard [Rr]atio|SHR|[Ss]ubdistribution hazard ratio)\b${RATIO_TAIL}`,
      'g',
    ),
  },
  {
    kind: 'odds-ratio',
    rank: 5,
    re: new RegExp(String.raw`\b(?:a?OR|[Oo]dds [Rr]atio)\b${RATIO_TAIL}`, 'g'),
  },
  {
    kind: 'risk-ratio',
    rank: 5,
    re: new RegExp(
      String.raw`\b(?:RR|IRR|[Rr]elative [Rr]isk|[Rr]isk [Rr]atio|[Ii]ncidence rate ratio)\b${RATIO_TAIL}`,
      'g',
    ),
  },
  {
    kind: 'survival',
    rank: 5,
    re: new RegExp(
      String.raw`\b[Mm]edian\s(?:overall survival|progression-free survival|event-free survival|disease-free survival|relapse-free survival|survival|OS|PFS|EFS|DFS|RFS|follow-up|follow up|duration of response|DOR|time to [a-z-]+)\b(?:\s?\([A-Z]{2,4}\))?(?:[^.;]|\.(?=\d)){0,40}?${NUM}\s?${UNIT}(?:\s?\((?:95\s?%\s?CI|range|IQR)[^)]{0,40}\))?`,
      'g',
    ),
  },
  {
    kind: 'survival',
    rank: 5,
    re: new RegExp(
      String.raw`\b\d+-year\s(?:overall |event-free |progression-free |disease-free |relapse-free |cumulative )?(?:survival|OS|EFS|PFS|DFS|RFS|relapse|incidence)[^.;%]{0,40}?${NUM}\s?%`,
      'g',
    ),
  },
  {
    kind: 'percent',
    rank: 4,
    re: new RegExp(
      String.raw`${NUM_START}${NUM}\s?%\s(?:within|at|after|over|by)\s(?:\d+|one|two|three|five|ten)\s${UNIT}`,
      'g',
    ),
  },
  // An interval on its own is context for the number before it, not a finding to list first.
  { kind: 'ci', rank: 0, re: new RegExp(CI, 'g') },
  { kind: 'p-value', rank: 2, re: /\b[Pp]\s?(?:[<>=≤≥])\s?0?\.\d+/g },
  {
    kind: 'percent',
    rank: 3,
    re: new RegExp(String.raw`${NUM_START}${NUM}\s?%(?!\s?(?:CI|[Cc]onfidence))`, 'g'),
  },
  {
    kind: 'n',
    rank: 1,
    re: /\b[nN]\s?=\s?\d[\d,]*|\b\d[\d,]*\s(?:patients|participants|subjects|children|adults|women|men|infants|cases|individuals)\b/g,
  },
];

interface Found extends KeyNumber {
  rank: number;
  order: number;
}

/** Drops a closing bracket the match took without its opening one ("OR 2.0; 95% CI 1.3-2.9)"). */
function balanceBrackets(value: string): string {
  const opened = (value.match(/[([]/g) ?? []).length;
  const closed = (value.match(/[)\]]/g) ?? []).length;
  return closed > opened && /[)\]]$/.test(value) ? value.slice(0, -1) : value;
}

function overlaps(ranges: Array<[number, number]>, start: number, end: number): boolean {
  return ranges.some(([s, e]) => start < e && end > s);
}

function numbersInSentence(sentence: string, sentenceIndex: number): Found[] {
  const found: Found[] = [];
  const taken: Array<[number, number]> = [];
  for (const { kind, rank, re } of PATTERNS) {
    for (const match of sentence.matchAll(re)) {
      const value = balanceBrackets(match[0].trim().replace(/[\s,;:(]+$/, ''));
      const start = match.index;
      const end = start + match[0].length;
      if (overlaps(taken, start, end)) continue;
      taken.push([start, end]);
      const hasInterval = /95\s?%\s?(?:CI|[Cc]onfidence)/.test(value);
      found.push({
        value,
        kind,
        sentence,
        rank: rank + (hasInterval ? 1 : 0),
        order: sentenceIndex * 10_000 + start,
      });
    }
  }
  return found;
}

/**
 * The quantitative findings of a cleaned text: effect sizes with their 95% CI, median survival
 * and follow-up, rates over a time window ("50% within 5 years"), other percentages, p-values
 * and counts. Each carries the verbatim sentence it came from. Most informative first, then in
 * text order; a value stated twice is kept once.
 */
export function extractKeyNumbers(text: string): KeyNumber[] {
  const sentences = splitSentences(text).filter((sentence) => headingKind(sentence) === undefined);
  const found = sentences.flatMap((sentence, index) => numbersInSentence(sentence, index));
  found.sort((a, b) => b.rank - a.rank || a.order - b.order);
  const seen = new Set<string>();
  const result: KeyNumber[] = [];
  for (const { value, kind, sentence } of found) {
    const key = normalizeForMatch(value).toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ value, kind, sentence });
  }
  return result;
}
