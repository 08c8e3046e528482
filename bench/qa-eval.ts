import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../src/config/index.js';
import { loadDemoCorpus } from '../src/ingest/demo-corpus.js';
import { createLlmClient } from '../src/llm/client.js';
import type { LlmClient } from '../src/llm/types.js';
import { silentLogger } from '../src/log.js';
import { PaperIndex } from '../src/search/paper-index.js';
import { openStore, type Store } from '../src/store/index.js';
import { type ChatResponder, startFakeOpenAi } from './fakes/fake-openai.js';
import { faithfulModel, lyingModel } from './fakes/qa-models.js';
import {
  type ClinicianQuestion,
  loadClinicianSet,
  measureClinicianSet,
  type Split,
  type SplitFigures,
} from './qa-eval-clinician.js';
import { loadPubMedQa, measureModelAccuracy, measurePubMedQa } from './qa-eval-pubmedqa.js';
import {
  loadQuestionSet,
  measureQuestionSet,
  type QuestionSetMetrics,
  scriptedModel,
} from './qa-eval-question-set.js';
import { measureThreadMessages, type ThreadMessageFigures } from './qa-eval-thread-messages.js';

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
  /** The clinician dev set three times over (no model, faithful and lying fake models); on by default. */
  clinician?: boolean;
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
  /** The clinician-style dev set, tune and holdout halves: no model, a faithful fake model, a lying one. */
  clinician?: {
    extractive: Record<Split, SplitFigures>;
    faithfulModel: Record<Split, SplitFigures>;
    lyingModel: Record<Split, SplitFigures>;
  };
  threadMessages: Record<Split, ThreadMessageFigures>;
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
    const clinicianQuestions = loadClinicianSet(FIXTURES);
    return {
      pubMedQa,
      modelAccuracy: await measureModelAccuracy(store, index, records, options),
      extractive,
      fakeModel,
      clinician:
        options.clinician === false
          ? undefined
          : {
              extractive: await measureClinicianSet(store, index, clinicianQuestions),
              faithfulModel: await withFakeModel(
                store,
                'fake-faithful',
                faithfulModel(answerKey(clinicianQuestions)),
                (llm) => measureClinicianSet(store, index, clinicianQuestions, llm),
              ),
              lyingModel: await withFakeModel(store, 'fake-lying', lyingModel, (llm) =>
                measureClinicianSet(store, index, clinicianQuestions, llm),
              ),
            },
      threadMessages: measureThreadMessages(FIXTURES),
    };
  } finally {
    await store.close();
  }
}

/**
 * Runs `work` with an LLM client pointed at a loopback fake model answering with `respond`. Each
 * fake has its own model name, so one's cached answers are never served for another's.
 */
async function withFakeModel<T>(
  store: Store,
  model: string,
  respond: ChatResponder,
  work: (llm: LlmClient) => Promise<T>,
): Promise<T> {
  const fake = await startFakeOpenAi({ respond });
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: 'fake-key',
      OPENAI_MODEL: model,
    });
    return await work(createLlmClient(config, store, silentLogger, { maxRetries: 0 }) as LlmClient);
  } finally {
    await fake.close();
  }
}

/** What the faithful fake model knows: the fragments that answer each question, [] for none. */
function answerKey(questions: ClinicianQuestion[]): (question: string) => string[] | undefined {
  const key = new Map(questions.map((q) => [q.question.replace(/\s+/g, ' ').trim(), q.mustQuote ?? []]));
  return (question) => key.get(question.replace(/\s+/g, ' ').trim());
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
    ...(m.clinician
      ? [
          ...clinicianLines('Clinician set, no model', m.clinician.extractive),
          ...clinicianLines('Clinician set, faithful fake model', m.clinician.faithfulModel),
          ...clinicianLines('Clinician set, lying fake model', m.clinician.lyingModel),
        ]
      : []),
    ...(['tune', 'holdout'] as const).map(
      (split) =>
        `Thread messages (${split}): answered only what asks ${m.threadMessages[split].right}/${m.threadMessages[split].messages} (${pct(m.threadMessages[split].right, m.threadMessages[split].messages)}); questions missed ${m.threadMessages[split].questionsMissed}, chatter answered ${m.threadMessages[split].chatterAnswered}; whole threads of 20 all right ${m.threadMessages[split].threadsAllRight}/${m.threadMessages[split].threads}; the clinician set's questions posted in a thread answered ${m.threadMessages[split].clinicianMessagesAnswered}/${m.threadMessages[split].clinicianMessages}`,
    ),
  ];
}

function clinicianLines(name: string, bySplit: Record<Split, SplitFigures>): string[] {
  return (['tune', 'holdout'] as const).map((split) => {
    const f = bySplit[split];
    const kinds = Object.entries(f.byKind)
      .map(([kind, score]) => `${kind} ${score}`)
      .join(', ');
    return `${name} (${split}): answered right ${f.right}/${f.answerable} (${pct(f.right, f.answerable)}), right paper ${pct(f.rightPaper, f.answerable)}, unanswerable refused ${f.refused}/${f.unanswerable} (${pct(f.refused, f.unanswerable)}), quotes verbatim ${f.quotesVerbatim}/${f.quotesShown}, p95 ${f.p95Ms.toFixed(0)} ms/question; ${kinds}`;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const metrics = await runQaEval();
  for (const line of formatQaEval(metrics)) console.log(line);
}
