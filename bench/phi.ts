import { findPhi, type PhiSpan } from '../src/privacy/index.js';
import { isCaught } from './phi-coverage.js';
import { type Halves, type LabelledRecord, presidioHalves, pubMedQaSentenceHalves } from './phi-data.js';
import { refilledRecords } from './phi-refill.js';
import { formatSlackPhi, measureSlackPhi, type SlackPhiFigures } from './phi-slack.js';
import { percentile, round } from './stats.js';

/**
 * The PHI guard on labelled data. Recall per identifier type on Presidio's synthetic records
 * (the tuning half and the half kept out of tuning), the share of PubMedQA abstract sentences
 * the guard alters (with and without dates, which Safe Harbor removes even from study
 * periods), and the time one message takes. Cross-validated: the tuning half's records
 * refilled with names and streets from generators the guard does not read (`phi-refill.ts`),
 * once with any such names and once with names no list of the guard knows. `tsx bench/phi.ts
 * --misses` lists what the tuning half misses; the other half is never listed.
 */

/** Presidio types the project counts as identifiers (HIPAA Safe Harbor), grouped as reported. */
export const IDENTIFIER_GROUPS: Record<string, string[]> = {
  'person names': ['PERSON'],
  'phone and fax': ['PHONE_NUMBER'],
  'e-mail': ['EMAIL_ADDRESS'],
  'SSN/account/card/licence numbers': ['US_SSN', 'CREDIT_CARD', 'IBAN_CODE', 'US_DRIVER_LICENSE'],
  'street addresses': ['STREET_ADDRESS'],
  'ZIP codes': ['ZIP_CODE'],
  'IP addresses': ['IP_ADDRESS'],
};

export interface GroupRecall {
  caught: number;
  total: number;
  recall: number;
}

/** Groups the refilled records change: the others keep the tuning half's values. */
const REFILLED_GROUPS = ['person names', 'street addresses'];

export interface PhiBenchResult {
  recall: { tune: Record<string, GroupRecall>; heldOut: Record<string, GroupRecall> };
  /** Recall on the tuning half refilled with other generators' names and streets (4 seeds). */
  crossValidated: { refilled: Record<string, GroupRecall>; unlistedNames: GroupRecall };
  pubmedqa: {
    half: string;
    sentences: number;
    altered: number;
    alteredShare: number;
    alteredNotDates: number;
    alteredNotDatesShare: number;
  }[];
  msPerMessage: { p50: number; p99: number; max: number };
  /** Identifiers as clinicians type them in Slack, and what the guard takes out of their questions. */
  slack: SlackPhiFigures;
}

export function runPhiBench(): PhiBenchResult {
  // Timings are of a warm guard: the word lists load once per process (see docs/operations.md).
  findPhi('warm up: Dzhambek, pt John Smith');
  const presidio = presidioHalves();
  const timings: number[] = [];
  const recallOf = (records: LabelledRecord[]) => groupRecall(records, timings);
  const recall = { tune: recallOf(presidio.tune), heldOut: recallOf(presidio.heldOut) };
  const refilled = groupRecall(refilledRecords(presidio.tune), []);
  const unlisted = groupRecall(refilledRecords(presidio.tune, { unlisted: true }), []);
  const crossValidated = {
    refilled: Object.fromEntries(REFILLED_GROUPS.map((group) => [group, refilled[group] as GroupRecall])),
    unlistedNames: unlisted['person names'] as GroupRecall,
  };
  const sentences = pubMedQaSentenceHalves();
  const pubmedqa = (['tune', 'heldOut'] as const).map((half) => alteredShare(half, sentences, timings));
  return {
    recall,
    crossValidated,
    pubmedqa,
    msPerMessage: {
      p50: round(percentile(timings, 50), 2),
      p99: round(percentile(timings, 99), 2),
      max: round(Math.max(...timings), 1),
    },
    slack: measureSlackPhi(),
  };
}

function groupRecall(records: LabelledRecord[], timings: number[]): Record<string, GroupRecall> {
  const out: Record<string, GroupRecall> = {};
  for (const group of Object.keys(IDENTIFIER_GROUPS)) out[group] = { caught: 0, total: 0, recall: 0 };
  for (const record of records) {
    const spans = timedFind(record.full_text, timings);
    for (const label of record.spans) {
      const group = groupOf(label.entity_type);
      if (!group) continue;
      const tally = out[group] as GroupRecall;
      tally.total += 1;
      if (isCaught(record.full_text, label.start_position, label.end_position, spans)) tally.caught += 1;
    }
  }
  for (const tally of Object.values(out))
    tally.recall = tally.total ? round(tally.caught / tally.total, 3) : 1;
  return out;
}

function alteredShare(half: keyof Halves<string>, sentences: Halves<string>, timings: number[]) {
  let altered = 0;
  let alteredNotDates = 0;
  for (const sentence of sentences[half]) {
    const spans = timedFind(sentence, timings);
    if (spans.length > 0) altered += 1;
    if (spans.some((s) => s.kind !== 'date')) alteredNotDates += 1;
  }
  const count = sentences[half].length;
  return {
    half,
    sentences: count,
    altered,
    alteredShare: round(altered / count, 4),
    alteredNotDates,
    alteredNotDatesShare: round(alteredNotDates / count, 4),
  };
}

function timedFind(text: string, timings: number[]): PhiSpan[] {
  const start = performance.now();
  const spans = findPhi(text);
  timings.push(performance.now() - start);
  return spans;
}

function groupOf(entityType: string): string | undefined {
  return Object.entries(IDENTIFIER_GROUPS).find(([, types]) => types.includes(entityType))?.[0];
}

export function formatPhiBench(result: PhiBenchResult): string[] {
  const lines = [
    'PHI guard: recall per identifier type (Presidio synthetic records; tune half / held-out half)',
  ];
  for (const group of Object.keys(IDENTIFIER_GROUPS)) {
    const tune = result.recall.tune[group] as GroupRecall;
    const held = result.recall.heldOut[group] as GroupRecall;
    lines.push(
      `  ${group.padEnd(34)} ${tune.caught}/${tune.total} (${tune.recall})   ${held.caught}/${held.total} (${held.recall})`,
    );
  }
  const cv = result.crossValidated;
  const cvLine = (label: string, r: GroupRecall) =>
    `    ${label.padEnd(46)} ${r.caught}/${r.total} (${r.recall})`;
  lines.push('  cross-validated: tune half refilled with names and streets from casual/falso (4 seeds)');
  for (const group of REFILLED_GROUPS) lines.push(cvLine(group, cv.refilled[group] as GroupRecall));
  lines.push(cvLine('person names on no list of the guard', cv.unlistedNames));
  for (const p of result.pubmedqa) {
    lines.push(
      `  PubMedQA sentences altered, ${p.half} half: ${p.altered}/${p.sentences} (${p.alteredShare}); not counting dates ${p.alteredNotDates} (${p.alteredNotDatesShare})`,
    );
  }
  lines.push(...formatSlackPhi(result.slack));
  const t = result.msPerMessage;
  lines.push(`  ms per message p50 / p99 / max: ${t.p50} / ${t.p99} / ${t.max}`);
  return lines;
}

/** What the tuning half misses, and which PubMedQA tuning sentences are altered: for tuning only. */
function listMisses(): void {
  const { tune } = presidioHalves();
  for (const record of tune) {
    const spans = findPhi(record.full_text);
    for (const label of record.spans) {
      const group = groupOf(label.entity_type);
      if (group && !isCaught(record.full_text, label.start_position, label.end_position, spans)) {
        process.stdout.write(
          `MISS ${group}: ${JSON.stringify(label.entity_value)} in ${JSON.stringify(record.full_text.slice(0, 160))}\n`,
        );
      }
    }
  }
  for (const sentence of pubMedQaSentenceHalves().tune) {
    const spans = findPhi(sentence).filter((s) => s.kind !== 'date');
    if (spans.length > 0) {
      const found = spans.map((s) => `${s.kind}:${sentence.slice(s.start, s.end)}`).join(' | ');
      process.stdout.write(`ALTERED ${found}   <<${sentence.slice(0, 140)}>>\n`);
    }
  }
}

if (process.argv[1]?.endsWith('phi.ts')) {
  if (process.argv.includes('--misses')) listMisses();
  else for (const line of formatPhiBench(runPhiBench())) process.stdout.write(`${line}\n`);
}
