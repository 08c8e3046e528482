import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../src/config/index.js';
import { loadDemoCorpus } from '../src/ingest/demo-corpus.js';
import { createLlmClient } from '../src/llm/client.js';
import { silentLogger } from '../src/log.js';
import { RELEVANCE_THRESHOLD } from '../src/qa/answer.js';
import { PaperIndex } from '../src/search/paper-index.js';
import { openStore, type Store } from '../src/store/index.js';
import { startFakeOpenAi } from './fakes/fake-openai.js';
import { loadPubMedQa, measureModelAccuracy, measurePubMedQa } from './qa-eval-pubmedqa.js';
import {
  loadQuestionSet,
  measureQuestionSet,
  type QuestionSetMetrics,
  relevanceSpread,
  scriptedModel,
} from './qa-eval-question-set.js';

export { rewordQuestion } from './qa-eval-pubmedqa.js';
export type { QuestionSetMetrics } from './qa-eval-question-set.js';

/**
 * Q&A measurement. PubMedQA (1,000 real abstracts, expert questions) is the public yardstick:
 * each title question is reworded (see `rewordQuestion`) and we count how often the answer's
 * first citation is the right abstract. Beside it, test/fixtures/qa/questions.json measures
 * answer correctness, quote verification, refusals and PHI leaks, without a model and with a
 * loopback fake model (which checks the pipeline and what a model would receive, not quality).
 */

const FIXTURES = new URL('../test/fixtures/qa/', import.meta.url);
const NOW = new Date('2026-11-23T08:00:00.000Z');

export interface QaEvalOptions {
  /** PubMedQA records to ask (all 1,000 by default). */
  pubMedQaLimit?: number;
  /** Records for the yes/no/maybe accuracy with a real model. */
  modelLimit?: number;
  env?: NodeJS.ProcessEnv;
}

export interface QaEvalMetrics {
  pubMedQa: {
    questions: number;
    citedFirst: number;
    citedAnywhere: number;
    refused: number;
    msPerQuestion: number;
  };
  modelAccuracy: { asked: number; correct: number } | 'skipped: no model';
  extractive: QuestionSetMetrics;
  fakeModel: QuestionSetMetrics & { requestsToModel: number };
  relevance: { lowestAnswerable: number; highestUnanswerable: number; threshold: number };
}

export async function runQaEval(options: QaEvalOptions = {}): Promise<QaEvalMetrics> {
  const store = await openStore({ memory: true });
  try {
    await loadDemoCorpus(store, { now: NOW, logger: silentLogger });
    const index = await PaperIndex.load(store);
    const fileIds = await papersByFile(store);
    const resolve = (ref: string) => (ref.startsWith('file:') ? (fileIds.get(ref.slice(5)) ?? ref) : ref);
    const questions = loadQuestionSet(FIXTURES, resolve);
    const records = loadPubMedQa(FIXTURES);

    const pubMedQa = await measurePubMedQa(
      store,
      index,
      records.slice(0, options.pubMedQaLimit ?? records.length),
    );
    const extractive = await measureQuestionSet(store, index, questions, undefined, []);
    const fake = await startFakeOpenAi({ respond: scriptedModel });
    let fakeModel: QaEvalMetrics['fakeModel'];
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        OPENAI_BASE_URL: fake.baseUrl,
        OPENAI_API_KEY: 'fake-key',
      });
      const logLines: string[] = [];
      const logger = pino({ level: 'debug' }, { write: (line: string) => logLines.push(line) });
      const llm = createLlmClient(config, store, logger, { maxRetries: 0 });
      const metrics = await measureQuestionSet(store, index, questions, llm, logLines, () =>
        JSON.stringify(fake.requests),
      );
      fakeModel = { ...metrics, requestsToModel: fake.chatRequests().length };
    } finally {
      await fake.close();
    }
    return {
      pubMedQa,
      modelAccuracy: await measureModelAccuracy(store, index, records, options),
      extractive,
      fakeModel,
      relevance: { ...(await relevanceSpread(store, index, questions)), threshold: RELEVANCE_THRESHOLD },
    };
  } finally {
    await store.close();
  }
}

async function papersByFile(store: Store): Promise<Map<string, string>> {
  const byFile = new Map<string, string>();
  for await (const ids of store.papers.allIds()) {
    for (const paper of await store.papers.getMany(ids.filter((id) => !id.startsWith('pmid:')))) {
      for (const source of paper.sources)
        if (source.kind === 'file') byFile.set(source.feedId.split(':').at(-1) as string, paper.id);
    }
  }
  return byFile;
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

export function formatQaEval(m: QaEvalMetrics): string[] {
  const set = (name: string, s: QuestionSetMetrics) => [
    `${name}: correct ${s.correct}/${s.answerable} (${pct(s.correct, s.answerable)}), quotes verified ${s.quotesVerified}/${s.quotesShown} (${pct(s.quotesVerified, s.quotesShown)}), unanswerable refused ${s.refused}/${s.unanswerable} (${pct(s.refused, s.unanswerable)}), PHI leaks ${s.phiLeaks} over ${s.phiQuestions} questions, patient notes ${s.patientNotes}`,
    ...s.failures.map((f) => `  - ${f}`),
  ];
  return [
    `PubMedQA reworded: right abstract cited first ${m.pubMedQa.citedFirst}/${m.pubMedQa.questions} (${pct(m.pubMedQa.citedFirst, m.pubMedQa.questions)}), cited anywhere ${pct(m.pubMedQa.citedAnywhere, m.pubMedQa.questions)}, refused ${m.pubMedQa.refused}, ${m.pubMedQa.msPerQuestion.toFixed(0)} ms/question`,
    `PubMedQA yes/no/maybe accuracy: ${typeof m.modelAccuracy === 'string' ? m.modelAccuracy : `${m.modelAccuracy.correct}/${m.modelAccuracy.asked} (${pct(m.modelAccuracy.correct, m.modelAccuracy.asked)})`}`,
    ...set('Question set, no model', m.extractive),
    ...set(`Question set, fake model (${m.fakeModel.requestsToModel} requests)`, m.fakeModel),
    `Relevance: lowest answerable ${m.relevance.lowestAnswerable.toFixed(2)}, highest unanswerable ${m.relevance.highestUnanswerable.toFixed(2)}, threshold ${m.relevance.threshold}`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const metrics = await runQaEval();
  for (const line of formatQaEval(metrics)) console.log(line);
}
