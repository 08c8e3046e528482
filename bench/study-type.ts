import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPapersFromFile } from '../src/ingest/file.js';
import { classifyStudy, designText, saysRandomized } from '../src/text/study-type.js';
import type { Paper, StudyType } from '../src/types.js';
import { round } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Every bundled folder of PubMed and Europe PMC records (the demo corpus and the test payloads). */
const FOLDERS = [
  'fixtures/pubmed',
  'fixtures/europepmc',
  'test/fixtures/sources/pubmed',
  'test/fixtures/sources/europepmc',
  'test/fixtures/reliability',
];

/** PubMed design publication types and the labels that agree with each, most specific first. */
const DESIGNS: ReadonlyArray<[RegExp, StudyType[]]> = [
  [/^meta-analysis$/i, ['meta-analysis']],
  [/^systematic review$/i, ['systematic-review']],
  [/^(practice guideline|guideline)$/i, ['guideline']],
  [/^randomized controlled trial$/i, ['rct']],
  // "Clinical Trial" does not say whether it was randomized; the abstract may.
  [/^(clinical trial.*|controlled clinical trial|observational study)$/i, ['cohort', 'rct']],
  [/^case reports$/i, ['case-report']],
  [/^(review|scoping review)$/i, ['review']],
  [/^(editorial|comment|letter)$/i, ['editorial']],
];

export interface StudyTypeFigures {
  /** Distinct records (by id) that carry a design publication type. */
  records: number;
  agreeing: number;
  agreement: number;
  /** Records labelled RCT with neither PubMed's RCT type nor randomization language: must be 0. */
  rctWithoutEvidence: number;
  disagreements: string[];
}

/** Agreement of the study-type label with PubMed's design publication types, over bundled records. */
export async function runStudyTypeBench(): Promise<StudyTypeFigures> {
  const papers = new Map<string, Paper>();
  for (const folder of FOLDERS) {
    for (const name of readdirSync(path.join(ROOT, folder)).sort()) {
      if (!/\.(xml|json)$/.test(name)) continue;
      const read = await readPapersFromFile(path.join(ROOT, folder, name)).catch(() => undefined);
      for (const paper of read?.papers ?? []) papers.set(paper.id, paper);
    }
  }
  let records = 0;
  let agreeing = 0;
  let rctWithoutEvidence = 0;
  const disagreements: string[] = [];
  for (const paper of papers.values()) {
    const { studyType } = classifyStudy(paper);
    const hasRctType = paper.publicationTypes.some((type) => /^randomized controlled trial/i.test(type));
    if (studyType === 'rct' && !hasRctType && !saysRandomized(designText(paper))) rctWithoutEvidence++;
    const allowed = expectedLabels(paper.publicationTypes);
    if (!allowed) continue;
    records++;
    if (allowed.includes(studyType)) agreeing++;
    else disagreements.push(`${paper.id} ${studyType} vs ${paper.publicationTypes.join('; ')}`);
  }
  return {
    records,
    agreeing,
    agreement: records === 0 ? 0 : round(agreeing / records, 3),
    rctWithoutEvidence,
    disagreements,
  };
}

function expectedLabels(types: string[]): StudyType[] | undefined {
  for (const [pattern, labels] of DESIGNS) if (types.some((type) => pattern.test(type.trim()))) return labels;
  return undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await runStudyTypeBench(), null, 2)}\n`);
}
