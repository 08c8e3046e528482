import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '../src/config/index.js';
import { createLlmClient } from '../src/llm/client.js';
import { silentLogger } from '../src/log.js';
import { answerQuestion } from '../src/qa/answer.js';
import { findEvidence } from '../src/qa/evidence.js';
import { draftWithModel } from '../src/qa/model-answer.js';
import { passagesForModel } from '../src/qa/passage-rank.js';
import type { PaperIndex } from '../src/search/paper-index.js';
import type { Store } from '../src/store/index.js';

/** PubMedQA as a public yardstick: reworded title questions, and yes/no/maybe with a real model. */

const pubMedQaSchema = z.record(
  z.string(),
  z.object({ QUESTION: z.string(), final_decision: z.enum(['yes', 'no', 'maybe']) }),
);

export type PubMedQaRecord = z.infer<typeof pubMedQaSchema>[string];

export function loadPubMedQa(fixtures: URL): [string, PubMedQaRecord][] {
  return Object.entries(
    pubMedQaSchema.parse(JSON.parse(readFileSync(new URL('pubmedqa_ori_pqal.json', fixtures), 'utf8'))),
  );
}

/** Question and auxiliary words dropped from the title question. */
const DROPPED = new Set(
  'a an the do does did is are was were can could should would will has have what which how why when whether there of in'.split(
    ' ',
  ),
);
/**
 * Everyday synonyms a clinician might type instead of the title's word. Chosen independently of
 * the answer module's vocabulary (vocabulary/): no pair here comes from there.
 */
const SYNONYMS: Record<string, string> = {
  patients: 'people',
  patient: 'person',
  children: 'kids',
  treatment: 'therapy',
  therapy: 'treatment',
  increase: 'raise',
  increased: 'higher',
  decrease: 'lower',
  reduce: 'cut',
  reduced: 'lower',
  risk: 'likelihood',
  associated: 'linked',
  association: 'link',
  effect: 'impact',
  effects: 'impacts',
  effective: 'useful',
  improve: 'better',
  improves: 'betters',
  outcome: 'result',
  outcomes: 'results',
  predict: 'forecast',
  predictive: 'forecasting',
  role: 'part',
  useful: 'helpful',
  difference: 'gap',
  women: 'females',
  men: 'males',
  elderly: 'older',
  cancer: 'malignancy',
  study: 'analysis',
  factor: 'marker',
  factors: 'markers',
  evaluation: 'assessment',
  management: 'handling',
  prognosis: 'outlook',
  diagnosis: 'detection',
};

/**
 * Deterministic rewording of a PubMedQA title question: lowercase, drop question and
 * auxiliary words, swap everyday synonyms, and rotate the word order by a third, so the text
 * is never the title verbatim and about a fifth of its content words change.
 */
export function rewordQuestion(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/[?:.,;"]/g, ' ')
    .split(/\s+/)
    .filter((word) => word && !DROPPED.has(word))
    .map((word) => SYNONYMS[word] ?? word);
  const cut = Math.floor(words.length / 3);
  return `evidence on ${[...words.slice(cut), ...words.slice(0, cut)].join(' ')}`;
}

export async function measurePubMedQa(
  store: Store,
  index: PaperIndex,
  records: [string, { QUESTION: string }][],
) {
  let citedFirst = 0;
  let citedAnywhere = 0;
  let refused = 0;
  const started = performance.now();
  for (const [pmid, record] of records) {
    const answer = await answerQuestion(
      { store, index, logger: silentLogger },
      { question: rewordQuestion(record.QUESTION) },
    );
    if (!answer.answered) refused += 1;
    if (answer.citations[0]?.paperId === `pmid:${pmid}`) citedFirst += 1;
    if (answer.citations.some((c) => c.paperId === `pmid:${pmid}`)) citedAnywhere += 1;
  }
  const msPerQuestion = (performance.now() - started) / Math.max(1, records.length);
  return { questions: records.length, citedFirst, citedAnywhere, refused, msPerQuestion };
}

export async function measureModelAccuracy(
  store: Store,
  index: PaperIndex,
  records: [string, { QUESTION: string; final_decision: string }][],
  options: { modelLimit?: number; env?: NodeJS.ProcessEnv },
): Promise<{ asked: number; correct: number } | 'skipped: no model'> {
  const config = loadConfig(options.env ?? process.env);
  const llm = createLlmClient(config, store, silentLogger);
  if (!llm) return 'skipped: no model';
  let correct = 0;
  const asked = records.slice(0, options.modelLimit ?? 100);
  for (const [pmid, record] of asked) {
    const { understood, verdicts } = await findEvidence({ store, index }, record.QUESTION, {
      scope: { focusPaperIds: [`pmid:${pmid}`], threadPaperIds: [] },
    });
    const papers = verdicts.slice(0, 4).map((v) => v.candidate.paper);
    const passages = passagesForModel(understood, papers, { total: 16, leading: 6, others: 2 });
    const drafted = await draftWithModel(llm, {
      question: record.QUESTION,
      thread: [],
      passages,
      patientRequest: false,
    }).catch(() => undefined);
    if (drafted?.draft.verdict === record.final_decision) correct += 1;
  }
  return { asked: asked.length, correct };
}
