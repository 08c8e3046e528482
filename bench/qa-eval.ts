import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { z } from 'zod';
import { loadConfig } from '../src/config/index.js';
import { loadDemoCorpus } from '../src/ingest/demo-corpus.js';
import { createLlmClient } from '../src/llm/client.js';
import type { LlmClient } from '../src/llm/types.js';
import { silentLogger } from '../src/log.js';
import { answerQuestion, RELEVANCE_THRESHOLD } from '../src/qa/answer.js';
import { corpusTermStats } from '../src/qa/corpus-stats.js';
import { draftWithModel } from '../src/qa/model-answer.js';
import { PATIENT_NOTE } from '../src/qa/patient-request.js';
import { redactPhi } from '../src/qa/phi.js';
import { retrievePassages } from '../src/qa/retrieve.js';
import { PaperIndex } from '../src/search/paper-index.js';
import { openStore, type Store } from '../src/store/index.js';
import { findVerbatim, paperText } from '../src/text/index.js';
import type { Answer } from '../src/types.js';
import { type ChatBody, type FakeReply, startFakeOpenAi } from './fakes/fake-openai.js';

/**
 * Q&A measurement. PubMedQA (1,000 real abstracts, expert questions) is the public yardstick:
 * each title question is reworded (see `rewordQuestion`) and we count how often the answer's
 * first citation is the right abstract. Beside it, test/fixtures/qa/questions.json measures
 * answer correctness, quote verification, refusals and PHI leaks, without a model and with a
 * loopback fake model (which checks the pipeline and what a model would receive, not quality).
 */

const FIXTURES = new URL('../test/fixtures/qa/', import.meta.url);
const NOW = new Date('2026-11-23T08:00:00.000Z');

const pubMedQaSchema = z.record(
  z.string(),
  z.object({ QUESTION: z.string(), final_decision: z.enum(['yes', 'no', 'maybe']) }),
);
const questionSetSchema = z.object({
  questions: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      expected: z.array(z.string()),
      thread: z.array(z.string()).optional(),
      digest: z.array(z.string()).optional(),
      phi: z.array(z.string()).optional(),
      mustQuote: z.string().optional(),
      patientNote: z.boolean().optional(),
    }),
  ),
});
type SetQuestion = z.infer<typeof questionSetSchema>['questions'][number];

/** Question and auxiliary words dropped from the title question. */
const DROPPED = new Set(
  'a an the do does did is are was were can could should would will has have what which how why when whether there of in'.split(
    ' ',
  ),
);
/**
 * Everyday synonyms a clinician might type instead of the title's word. Chosen independently of
 * the answer module's clinical equivalents (src/qa/terms.ts): no pair here appears there.
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

export interface QaEvalOptions {
  /** PubMedQA records to ask (all 1,000 by default). */
  pubMedQaLimit?: number;
  /** Records for the yes/no/maybe accuracy with a real model. */
  modelLimit?: number;
  env?: NodeJS.ProcessEnv;
}

export interface QuestionSetMetrics {
  answerable: number;
  correct: number;
  mustQuoteOk: number;
  quotesShown: number;
  quotesVerified: number;
  unanswerable: number;
  refused: number;
  phiQuestions: number;
  phiLeaks: number;
  patientNotes: number;
  failures: string[];
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
    const questions = questionSetSchema.parse(
      JSON.parse(readFileSync(new URL('questions.json', FIXTURES), 'utf8')),
    ).questions;
    for (const q of questions) {
      q.expected = q.expected.map(resolve);
      q.digest = q.digest?.map(resolve);
    }
    const records = Object.entries(
      pubMedQaSchema.parse(JSON.parse(readFileSync(new URL('pubmedqa_ori_pqal.json', FIXTURES), 'utf8'))),
    );

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
      relevance: await relevanceSpread(store, index, questions),
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

async function measurePubMedQa(store: Store, index: PaperIndex, records: [string, { QUESTION: string }][]) {
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

async function measureQuestionSet(
  store: Store,
  index: PaperIndex,
  questions: SetQuestion[],
  llm: LlmClient | undefined,
  logLines: string[],
  sentToModel: () => string = () => '',
): Promise<QuestionSetMetrics> {
  const m: QuestionSetMetrics = {
    answerable: 0,
    correct: 0,
    mustQuoteOk: 0,
    quotesShown: 0,
    quotesVerified: 0,
    unanswerable: 0,
    refused: 0,
    phiQuestions: 0,
    phiLeaks: 0,
    patientNotes: 0,
    failures: [],
  };
  const logger = llm
    ? pino({ level: 'debug' }, { write: (line: string) => logLines.push(line) })
    : silentLogger;
  for (const q of questions) {
    const digestId = q.digest ? await saveDigest(store, q.id, q.digest) : undefined;
    const history: { role: 'user' | 'assistant'; text: string; paperIds?: string[] }[] = [];
    for (const earlier of q.thread ?? []) {
      const prior = await answerQuestion(
        { store, index, llm, logger },
        { question: earlier, digestId, history: [...history] },
      );
      history.push(
        { role: 'user', text: prior.question },
        { role: 'assistant', text: prior.text, paperIds: prior.citations.map((c) => c.paperId) },
      );
    }
    const answer = await answerQuestion(
      { store, index, llm, logger },
      { question: q.question, digestId, history },
    );
    await countQuotes(store, answer, m);
    if (q.expected.length === 0) {
      m.unanswerable += 1;
      if (!answer.answered) m.refused += 1;
      else m.failures.push(`${q.id}: answered an unanswerable question`);
    } else {
      m.answerable += 1;
      if (answer.citations.some((c) => q.expected.includes(c.paperId))) m.correct += 1;
      else
        m.failures.push(
          `${q.id}: expected ${q.expected.join(', ')}, cited ${answer.citations.map((c) => c.paperId).join(', ') || 'nothing'}`,
        );
      if (q.mustQuote && answer.citations.some((c) => c.quote.includes(q.mustQuote as string)))
        m.mustQuoteOk += 1;
    }
    if (q.patientNote && answer.text.startsWith(PATIENT_NOTE)) m.patientNotes += 1;
    if (q.phi) {
      m.phiQuestions += 1;
      const seen = `${sentToModel()}\n${logLines.join('\n')}\n${answer.question}`;
      for (const identifier of q.phi) {
        if (seen.includes(identifier)) {
          m.phiLeaks += 1;
          m.failures.push(`${q.id}: "${identifier}" reached the model, the logs or the answer`);
        }
      }
    }
  }
  return m;
}

/** Every quote the user would see is checked again, independently, against the stored paper. */
async function countQuotes(store: Store, answer: Answer, m: QuestionSetMetrics): Promise<void> {
  for (const citation of [...answer.citations, ...(answer.closest ? [answer.closest] : [])]) {
    m.quotesShown += 1;
    const paper = await store.papers.get(citation.paperId);
    if (paper && findVerbatim(citation.quote, paperText(paper))) m.quotesVerified += 1;
    else m.failures.push(`unverified quote shown for ${citation.paperId}`);
  }
}

async function saveDigest(store: Store, id: string, paperIds: string[]): Promise<string> {
  const digestId = `CEVAL:${id}`;
  const papers = await store.papers.getMany(paperIds);
  const items = papers.map((paper) => ({
    paperId: paper.id,
    title: paper.title,
    summary: {
      headline: paper.title,
      takeaway: '',
      studyType: 'other' as const,
      evidence: 'low' as const,
      keyNumbers: [],
      limitations: [],
      quotes: [],
      source: 'extractive' as const,
    },
    labels: [],
    score: 1,
  }));
  await store.digests.save({
    digest: {
      id: digestId,
      channelId: 'CEVAL',
      period: id,
      generatedAt: NOW.toISOString(),
      intro: '',
      items,
      candidateCount: items.length,
    },
  });
  return digestId;
}

/**
 * A scripted stand-in for a model: it answers with the first passage verbatim (a correct
 * citation) plus one fabricated sentence and quote, which verification must drop.
 */
function scriptedModel(body: ChatBody): FakeReply {
  const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
  const first = /<passages>\n(P\d+) \| [^|]* \| [^|]* \| (.+)/.exec(user);
  if (!first) return { kind: 'json', content: { answered: false, verdict: 'none', sentences: [] } };
  const [, id, text] = first as unknown as [string, string, string];
  return {
    kind: 'json',
    content: {
      answered: true,
      verdict: 'none',
      sentences: [
        { text, citations: [{ passage: id, quote: text }] },
        {
          text: 'Relapse fell to 12% at 2 years.',
          citations: [{ passage: id, quote: 'relapse fell to 12% at 2 years in all patients' }],
        },
      ],
    },
  };
}

async function measureModelAccuracy(
  store: Store,
  index: PaperIndex,
  records: [string, { QUESTION: string; final_decision: string }][],
  options: QaEvalOptions,
): Promise<QaEvalMetrics['modelAccuracy']> {
  const config = loadConfig(options.env ?? process.env);
  const llm = createLlmClient(config, store, silentLogger);
  if (!llm) return 'skipped: no model';
  const stats = await corpusTermStats(store, index);
  let correct = 0;
  const asked = records.slice(0, options.modelLimit ?? 100);
  for (const [pmid, record] of asked) {
    const passages = await retrievePassages(
      { store, index, stats, logger: silentLogger },
      { question: record.QUESTION, scope: { focusPaperIds: [`pmid:${pmid}`], threadPaperIds: [] } },
    );
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

/** The spread the relevance threshold is set in: best passage relevance per question. */
async function relevanceSpread(
  store: Store,
  index: PaperIndex,
  questions: SetQuestion[],
): Promise<QaEvalMetrics['relevance']> {
  const stats = await corpusTermStats(store, index);
  let lowestAnswerable = 1;
  let highestUnanswerable = 0;
  for (const q of questions.filter((question) => !question.thread && !question.digest)) {
    const question = redactPhi(q.question).text;
    const ranked = await retrievePassages(
      { store, index, stats, logger: silentLogger },
      { question, scope: { focusPaperIds: [], threadPaperIds: [] } },
    );
    const best = Math.max(0, ...ranked.map((r) => r.relevance));
    if (q.expected.length > 0) lowestAnswerable = Math.min(lowestAnswerable, best);
    else highestUnanswerable = Math.max(highestUnanswerable, best);
  }
  return { lowestAnswerable, highestUnanswerable, threshold: RELEVANCE_THRESHOLD };
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
