import { findTerms, mentionsAny } from './term-match.js';
import {
  AGE_GROUP_PATTERNS,
  type AgeGroup,
  DIAGNOSES,
  MARKERS,
  SETTINGS,
  type VocabularyTerm,
} from './vocabulary.js';

/** What a one-line, de-identified tumor-board case says, read with the curated vocabulary. */
export interface CaseProfile {
  line: string;
  diagnosis?: VocabularyTerm;
  stage?: string;
  markers: VocabularyTerm[];
  settings: VocabularyTerm[];
  ageGroup?: AgeGroup;
}

const STAGE_PATTERNS: RegExp[] = [
  /\bstage\s+(?:IV|III|II|I|0)[A-C]?\d?\b/i,
  /\bFIGO\s+(?:IV|III|II|I)[A-C]?\d?\b/i,
  /\b(?:y?p|c)?T[0-4][a-c]?(?:\s?N[0-3xX][a-c]?)?(?:\s?M[01xX][a-c]?)?\b/,
  /\b(?:limited|extensive)[- ]stage\b/i,
  /\blocally advanced\b/i,
  /\b(?:standard|low|intermediate|high|very high)[- ]risk\b/i,
  /\bWHO grade\s+(?:[1-4]|IV|III|II|I)\b/i,
];

const AGE_IN_YEARS = /\b(\d{1,3})[- ]?(?:years?|yrs?|y)[- ]?(?:old|\/o\b|o\b)|\b(\d{1,3})\s?(?:yo|y\/o)\b/i;
/** "45M", "62 F": upper case only, so "3 m" (metres, months) is not read as an age. */
const AGE_AND_SEX = /\b(\d{1,3})\s?[MF]\b/;
const AGE_UNDER_TWO = /\b\d{1,2}[- ]?(?:months?|mos?|weeks?|wks?|days?)[- ]?old\b/i;
const AGE_WORDS: Record<AgeGroup, string[]> = {
  pediatric: [
    'infant',
    'toddler',
    'child',
    'boy',
    'girl',
    'adolescent',
    'teen(ager)?',
    'p(a)?ediatric',
    'neonate',
    'newborn',
  ],
  adult: ['adult', 'man', 'woman'],
  elderly: ['elderly', 'older (adult|man|woman|patient)', 'octogenarian', 'nonagenarian'],
};

/** Reads diagnosis, stage, markers, setting and age group from a case line (pure). */
export function parseCaseLine(line: string): CaseProfile {
  const text = line.trim();
  return {
    line: text,
    diagnosis: findTerms(text, DIAGNOSES)[0]?.term,
    stage: stageOf(text),
    markers: findTerms(text, MARKERS).map((hit) => hit.term),
    settings: findTerms(text, SETTINGS).map((hit) => hit.term),
    ageGroup: ageGroupOf(text),
  };
}

/** True when the line names at least one thing a search can use. */
export function isSearchable(profile: CaseProfile): boolean {
  return profile.diagnosis !== undefined || profile.markers.length > 0;
}

function stageOf(text: string): string | undefined {
  const found = STAGE_PATTERNS.map((pattern) => pattern.exec(text)).filter((match) => match !== null);
  if (found.length === 0) return undefined;
  return found
    .sort((a, b) => a.index - b.index)
    .map((match) => match[0])
    .join(', ');
}

function ageGroupOf(text: string): AgeGroup | undefined {
  if (AGE_UNDER_TWO.test(text)) return 'pediatric';
  const years = AGE_IN_YEARS.exec(text) ?? AGE_AND_SEX.exec(text);
  const age = years ? Number(years[1] ?? years[2]) : undefined;
  if (age !== undefined) return age < 18 ? 'pediatric' : age < 65 ? 'adult' : 'elderly';
  for (const group of ['pediatric', 'elderly', 'adult'] as const) {
    if (mentionsAny(text, AGE_WORDS[group])) return group;
  }
  return undefined;
}

/** Whether a paper's text speaks about the same age group (used for the "population match"). */
export function mentionsAgeGroup(text: string, group: AgeGroup): boolean {
  return mentionsAny(text, AGE_GROUP_PATTERNS[group]);
}
