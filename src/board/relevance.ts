import type { Paper } from '../types.js';
import { type CaseProfile, mentionsAgeGroup } from './case-line.js';
import { findTerm } from './term-match.js';
import type { VocabularyTerm } from './vocabulary.js';

/** How much each kind of shared fact says about a paper's relevance to a case. */
const WEIGHTS = { diagnosisInTitle: 4, diagnosis: 3, marker: 2, setting: 1, ageGroup: 1 };

export interface CaseMatch {
  score: number;
  /** Labels of the case facts the paper shares, in case order ("JMML", "pediatric", "post-HSCT"). */
  matches: string[];
  diagnosisMatched: boolean;
}

/**
 * Scores a paper against a case by the facts it shares with it. A paper that does not name
 * the case's diagnosis (or, without one, any of its markers) scores 0: a brief is read at the
 * board, and a paper about another disease is noise there.
 */
export function matchCase(profile: CaseProfile, paper: Pick<Paper, 'title'>, text: string): CaseMatch {
  const matches: string[] = [];
  let score = 0;
  const diagnosisMatched = profile.diagnosis !== undefined && findTerm(text, profile.diagnosis) !== undefined;
  if (profile.diagnosis && diagnosisMatched) {
    score += findTerm(paper.title, profile.diagnosis) ? WEIGHTS.diagnosisInTitle : WEIGHTS.diagnosis;
    matches.push(profile.diagnosis.label);
  }
  const markers = profile.markers.filter((marker) => findTerm(text, marker));
  if (!diagnosisMatched && (profile.diagnosis || markers.length === 0))
    return { score: 0, matches: [], diagnosisMatched };
  score += markers.length * WEIGHTS.marker;
  matches.push(...markers.map((marker) => marker.label));
  if (profile.ageGroup && mentionsAgeGroup(text, profile.ageGroup)) {
    score += WEIGHTS.ageGroup;
    matches.push(profile.ageGroup);
  }
  const settings = profile.settings.filter((setting) => findTerm(text, setting));
  score += settings.length * WEIGHTS.setting;
  matches.push(...settings.map((setting) => setting.label));
  return { score, matches, diagnosisMatched };
}

/**
 * The passage that makes the paper relevant to the case: the one naming the most of the
 * case's facts (diagnosis and markers count double), the earliest on a tie. Undefined when no
 * passage names the diagnosis or a marker.
 */
export function relevantPassage<T extends { text: string }>(
  profile: CaseProfile,
  passages: T[],
): T | undefined {
  const core: VocabularyTerm[] = [...(profile.diagnosis ? [profile.diagnosis] : []), ...profile.markers];
  let best: { passage: T; score: number } | undefined;
  for (const passage of passages) {
    const coreHits = core.filter((term) => findTerm(passage.text, term)).length;
    if (coreHits === 0) continue;
    const settingHits = profile.settings.filter((setting) => findTerm(passage.text, setting)).length;
    const ageHit = profile.ageGroup && mentionsAgeGroup(passage.text, profile.ageGroup) ? 1 : 0;
    const score = coreHits * 2 + settingHits + ageHit;
    if (!best || score > best.score) best = { passage, score };
  }
  return best?.passage;
}

/** The corpus query for a case: what it is (diagnosis, markers); the setting only reranks. */
export function corpusQueryOf(profile: CaseProfile): string {
  const parts = [
    profile.diagnosis?.label,
    profile.diagnosis?.query,
    ...profile.markers.map((marker) => marker.query),
  ];
  return [...new Set(parts.filter((part): part is string => Boolean(part)))].join(' ');
}

/**
 * The live PubMed query for a case: diagnosis AND any marker AND any setting, each as a
 * title/abstract phrase, so the search stays about this patient's situation.
 */
export function pubmedQueryOf(profile: CaseProfile): string | undefined {
  const phrase = (text: string) => `"${text.replace(/"/g, '')}"[tiab]`;
  const anyOf = (terms: string[]) => (terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`);
  const groups: string[] = [];
  if (profile.diagnosis) {
    const names = [...new Set([profile.diagnosis.query, profile.diagnosis.label])].map(phrase);
    groups.push(anyOf(names) as string);
  }
  if (profile.markers.length > 0)
    groups.push(anyOf(profile.markers.map((marker) => phrase(marker.query))) as string);
  if (groups.length === 0) return undefined;
  const settings = profile.settings.filter((setting) => setting.id !== 'metastatic');
  if (settings.length > 0) groups.push(anyOf(settings.map((setting) => phrase(setting.query))) as string);
  return groups.join(' AND ');
}
