import type { RecruitingTrial } from '../sources/clinicaltrials.js';
import type { AgeGroup } from './vocabulary.js';

const UNIT_YEARS: Record<string, number> = {
  year: 1,
  month: 1 / 12,
  week: 1 / 52,
  day: 1 / 365,
  hour: 1 / 8760,
  minute: 1 / 525_600,
};

/** "6 Months" → 0.5; undefined for "N/A" or anything the registry did not write as a number and unit. */
export function ageInYears(text: string | undefined): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*$/i.exec(text ?? '');
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_YEARS[(match[2] ?? '').toLowerCase()] ?? 1);
}

/** Whether the trial's eligible ages overlap the case's age group (an unknown group fits all). */
export function trialFitsAgeGroup(trial: RecruitingTrial, group: AgeGroup | undefined): boolean {
  if (!group) return true;
  const min = ageInYears(trial.minimumAge) ?? 0;
  const max = ageInYears(trial.maximumAge) ?? Number.POSITIVE_INFINITY;
  const [low, high] =
    group === 'pediatric' ? [0, 17.99] : group === 'adult' ? [18, 64.99] : [65, Number.POSITIVE_INFINITY];
  return min <= high && max >= low;
}

/** "6 Months to 21 Years", "18 Years and older", "any age". */
export function describeAgeRange(trial: RecruitingTrial): string {
  const min = ageInYears(trial.minimumAge) === undefined ? undefined : trial.minimumAge;
  const max = ageInYears(trial.maximumAge) === undefined ? undefined : trial.maximumAge;
  if (min && max) return `${min} to ${max}`;
  if (min) return `${min} and older`;
  if (max) return `up to ${max}`;
  return 'any age';
}

/** ["PHASE1", "PHASE2"] → "Phase 1/2"; ["EARLY_PHASE1"] → "Early phase 1"; [] → "Phase n/a". */
export function describePhases(phases: string[]): string {
  if (phases.length === 0) return 'Phase n/a';
  if (phases.length === 1 && phases[0] === 'EARLY_PHASE1') return 'Early phase 1';
  const numbers = phases.map((phase) => phase.replace(/^(EARLY_)?PHASE/, '')).filter(Boolean);
  return `Phase ${numbers.join('/')}`;
}
