import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { loadConfig } from '../src/config/index.js';
import { loadDemoCorpus } from '../src/ingest/demo-corpus.js';
import { readPapersFromFile } from '../src/ingest/file.js';
import { ingestPapers } from '../src/ingest/ingest.js';
import { silentLogger } from '../src/log.js';
import { type AnswerDeps, answerQuestion } from '../src/qa/answer.js';
import { createLiveServices } from '../src/qa/live-services.js';
import { PaperIndex } from '../src/search/paper-index.js';
import { openStore, type Store } from '../src/store/index.js';
import { findVerbatim, normalizeForMatch, paperText } from '../src/text/index.js';
import type { Answer } from '../src/types.js';
import { startFakeEuropePmc } from './fakes/fake-europepmc.js';
import { fullTextFixtures } from './fakes/fixture-records.js';
import { startLiteratureFakes } from './fakes/literature-fakes.js';
import { type FullTextFigures, loadFullTextSet, measureFullTextSet } from './qa-eval-fulltext.js';
import { percentile, round } from './stats.js';

/**
 * Live look-ups and open-access full text on loopback fakes of PubMed (E-utilities, with
 * NCBI's 3/s or 10/s limit answered with 429) and Europe PMC (which, as the real one, also
 * holds PubMed's records), both serving the real fixtures with NCBI-like latency. Figures: 20 questions the store cannot answer asked at once (429s,
 * p95 latency, which service answered), the live dev set in its two halves, and the full-text
 * dev set with the full texts fetched on demand.
 */

const FIXTURES = new URL('../test/fixtures/qa/', import.meta.url);
const NOW = new Date('2026-11-23T08:00:00.000Z');
const LATENCY_MS = 300;
const CONCURRENT = 20;
/** The store the live questions are asked of: what they ask about is not in it. */
const STORE_FILES = ['fixtures/pubmedqa/ori_pqal.json', 'fixtures/pages/jmml-rapamycin-gvl-case-report.txt'];

const liveSetSchema = z.object({
  questions: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      expected: z.string(),
      accept: z.array(z.string()).min(1),
      service: z.enum(['PubMed', 'Europe PMC']),
      split: z.enum(['tune', 'holdout']),
    }),
  ),
});
type LiveQuestion = z.infer<typeof liveSetSchema>['questions'][number];

export interface LiveRunFigures {
  questions: number;
  withApiKey: boolean;
  ncbiRequests: number;
  /** NCBI's 429 answers: the shared limiter must keep this at 0. */
  ncbi429: number;
  europePmcRequests: number;
  p50Ms: number;
  p95Ms: number;
  /** Over the questions the stored papers could not answer: the live path's own latency. */
  liveP95Ms: number;
  answeredBy: Record<string, number>;
  labelled: number;
  quotes: number;
  quotesVerbatim: number;
}

export interface LiveSplitFigures {
  asked: number;
  answeredLive: number;
  /** The expected paper cited with a quote holding the answer. */
  right: number;
  rightPaper: number;
  quotes: number;
  quotesVerbatim: number;
  failures: string[];
}

export interface LiveBenchFigures {
  concurrent: LiveRunFigures[];
  devSet: Record<'tune' | 'holdout', LiveSplitFigures>;
  /** The full-text dev set over the demo corpus with the two open-access articles ingested from their JATS files. */
  fullTextBundled: Record<'tune' | 'holdout', FullTextFigures>;
  fullTextOnDemand: Record<'tune' | 'holdout', FullTextFigures> & { fullTextRequests: number };
}

export async function runLiveBench(): Promise<LiveBenchFigures> {
  const questions = liveSetSchema.parse(
    JSON.parse(readFileSync(new URL('live-questions.json', FIXTURES), 'utf8')),
  ).questions;
  const concurrent = [
    await withLiveStack({ apiKey: false }, (stack) =>
      measureConcurrent(stack, questions.slice(0, CONCURRENT)),
    ),
    await withLiveStack({ apiKey: true }, (stack) =>
      measureConcurrent(stack, questions.slice(0, CONCURRENT)),
    ),
  ];
  const devSet = await withLiveStack({ apiKey: false }, (stack) => measureDevSet(stack, questions));
  return { concurrent, devSet, ...(await measureFullText()) };
}

interface LiveStack {
  deps: AnswerDeps;
  store: Store;
  withApiKey: boolean;
  ncbi: { requests: number; violations: () => number };
  europePmcRequests: () => number;
}

async function withLiveStack<T>(
  options: { apiKey: boolean },
  work: (stack: LiveStack) => Promise<T>,
): Promise<T> {
  const fakes = await startLiteratureFakes({ mirrorPubmed: true, fullTexts: true, latencyMs: LATENCY_MS });
  const store = await openStore({ memory: true });
  try {
    for (const file of STORE_FILES) {
      const { papers } = await readPapersFromFile(file, { now: NOW });
      await ingestPapers(store, papers, { now: NOW, logger: silentLogger });
    }
    const config = loadConfig({
      NODE_ENV: 'test',
      ...fakes.env,
      ...(options.apiKey ? { NCBI_API_KEY: 'f'.repeat(36) } : {}),
    });
    const live = createLiveServices(config, store, silentLogger);
    const index = await PaperIndex.load(store);
    return await work({
      deps: { store, index, logger: silentLogger, live: live.lookup, fullText: live.fullText },
      store,
      withApiKey: options.apiKey,
      ncbi: {
        get requests() {
          return fakes.eutils.requests.length;
        },
        violations: () => fakes.eutils.violations(),
      },
      europePmcRequests: () => fakes.europePmc.requests.length,
    });
  } finally {
    await store.close();
    await fakes.close();
  }
}

async function measureConcurrent(stack: LiveStack, questions: LiveQuestion[]): Promise<LiveRunFigures> {
  // The corpus term counts are made once per store, before any question: not a live cost.
  await answerQuestion({ ...stack.deps, live: undefined }, { question: 'warm up' });
  const timed = await Promise.all(
    questions.map(async (question) => {
      const started = performance.now();
      const answer = await answerQuestion(stack.deps, { question: question.question });
      return { answer, ms: performance.now() - started };
    }),
  );
  const answeredBy: Record<string, number> = {};
  let quotes = 0;
  let quotesVerbatim = 0;
  for (const { answer } of timed) {
    const by = answer.liveSearch?.service ?? (answer.answered ? 'stored papers' : 'refused');
    answeredBy[by] = (answeredBy[by] ?? 0) + 1;
    const verified = await verifiedQuotes(stack.store, answer);
    quotes += answer.citations.length;
    quotesVerbatim += verified;
  }
  const times = timed.map(({ ms }) => ms);
  const liveTimes = timed.filter(({ answer }) => answer.liveSearch || !answer.answered).map(({ ms }) => ms);
  return {
    questions: questions.length,
    withApiKey: stack.withApiKey,
    ncbiRequests: stack.ncbi.requests,
    ncbi429: stack.ncbi.violations(),
    europePmcRequests: stack.europePmcRequests(),
    p50Ms: round(percentile(times, 50), 0),
    p95Ms: round(percentile(times, 95), 0),
    liveP95Ms: round(percentile(liveTimes, 95), 0),
    answeredBy,
    labelled: timed.filter(({ answer }) => answer.liveSearch && answer.text.startsWith('From a ')).length,
    quotes,
    quotesVerbatim,
  };
}

async function measureDevSet(
  stack: LiveStack,
  questions: LiveQuestion[],
): Promise<Record<'tune' | 'holdout', LiveSplitFigures>> {
  const result = {} as Record<'tune' | 'holdout', LiveSplitFigures>;
  for (const split of ['tune', 'holdout'] as const) {
    const figures: LiveSplitFigures = {
      asked: 0,
      answeredLive: 0,
      right: 0,
      rightPaper: 0,
      quotes: 0,
      quotesVerbatim: 0,
      failures: [],
    };
    for (const question of questions.filter((q) => q.split === split)) {
      const answer = await answerQuestion(stack.deps, { question: question.question });
      figures.asked += 1;
      if (answer.answered && answer.liveSearch) figures.answeredLive += 1;
      const cited = answer.citations.filter((citation) => citation.paperId === question.expected);
      if (cited.length > 0) figures.rightPaper += 1;
      const wanted = question.accept.map(normalizeForMatch);
      const holds = (quote: string) => wanted.some((fragment) => normalizeForMatch(quote).includes(fragment));
      if (cited.some((citation) => holds(citation.quote))) figures.right += 1;
      else
        figures.failures.push(
          `${question.id}: ${answer.answered ? answer.citations.map((c) => c.paperId).join(', ') : answer.text}`,
        );
      figures.quotes += answer.citations.length;
      figures.quotesVerbatim += await verifiedQuotes(stack.store, answer);
    }
    result[split] = figures;
  }
  return result;
}

/**
 * The full-text dev set over the demo corpus with the two articles' JATS ingested (as
 * `tbdigest ingest --file` stores them), then with the two articles stored from their
 * abstracts only (as a PubMed record would have them, PMCID included): the answer fetches each
 * full text from the fake Europe PMC the first time and reads it from the store afterwards.
 */
async function measureFullText(): Promise<Pick<LiveBenchFigures, 'fullTextBundled' | 'fullTextOnDemand'>> {
  const fullTexts = fullTextFixtures();
  const europePmc = await startFakeEuropePmc({ records: [], fullTexts, latencyMs: LATENCY_MS });
  const store = await openStore({ memory: true });
  try {
    await loadDemoCorpus(store, { now: NOW, logger: silentLogger });
    await ingestPapers(
      store,
      [...fullTexts.values()].map(({ paper }) => paper),
      { now: NOW, logger: silentLogger },
    );
    const questions = loadFullTextSet(FIXTURES);
    const bundled = await measureFullTextSet(
      { store, index: await PaperIndex.load(store), logger: silentLogger },
      questions,
    );
    // The full texts removed: the store keeps each article's abstract record only.
    const abstracts = [...fullTexts.values()].map(({ paper }) => paper.id);
    for (const paper of await store.papers.getMany(abstracts)) {
      const { fullTextSections: _removed, ...abstractOnly } = paper;
      await store.papers.put(abstractOnly, { pmid: paper.pmid, doi: paper.doi, pmcid: paper.pmcid });
    }
    const config = loadConfig({
      NODE_ENV: 'test',
      EUROPEPMC_URL: europePmc.url,
      NCBI_EUTILS_URL: 'http://127.0.0.1:9',
      ALLOW_PRIVATE_FEED_URLS: 'true',
    });
    const live = createLiveServices(config, store, silentLogger);
    const index = await PaperIndex.load(store);
    const onDemand = await measureFullTextSet(
      { store, index, logger: silentLogger, fullText: live.fullText },
      questions,
    );
    const fullTextRequests = europePmc.requests.filter((r) => r.endpoint === 'fullTextXML').length;
    return { fullTextBundled: bundled, fullTextOnDemand: { ...onDemand, fullTextRequests } };
  } finally {
    await store.close();
    await europePmc.close();
  }
}

async function verifiedQuotes(store: Store, answer: Answer): Promise<number> {
  let verified = 0;
  for (const citation of answer.citations) {
    const paper = await store.papers.get(citation.paperId);
    if (paper && findVerbatim(citation.quote, paperText(paper))) verified += 1;
  }
  return verified;
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

export function formatLiveBench(figures: LiveBenchFigures): string[] {
  return [
    ...figures.concurrent.map(
      (run) =>
        `Live look-ups, ${run.questions} at once (${run.withApiKey ? 'NCBI_API_KEY, 10/s' : 'no key, 3/s'}; fakes ${LATENCY_MS} ms/call): NCBI 429 answers ${run.ncbi429} of ${run.ncbiRequests} requests, Europe PMC requests ${run.europePmcRequests}; p50 ${run.p50Ms} ms, p95 ${run.p95Ms} ms, p95 of the live-path answers ${run.liveP95Ms} ms (goal < 8000); answered by ${JSON.stringify(run.answeredBy)}; labelled ${run.labelled}; quotes verified ${run.quotesVerbatim}/${run.quotes}`,
    ),
    ...(['tune', 'holdout'] as const).map((split) => {
      const f = figures.devSet[split];
      return `Live dev set (${split}): right paper and quote ${f.right}/${f.asked} (${pct(f.right, f.asked)}), right paper ${f.rightPaper}/${f.asked}, answered from a live search ${f.answeredLive}/${f.asked}, quotes verified ${f.quotesVerbatim}/${f.quotes}${f.failures.length ? `; missed: ${f.failures.join(' | ')}` : ''}`;
    }),
    ...(['tune', 'holdout'] as const).map((split) => {
      const f = figures.fullTextBundled[split];
      return `Full text ingested from JATS (${split}): right quote and section ${f.rightSection}/${f.asked} (${pct(f.rightSection, f.asked)}), right quote ${f.right}/${f.asked}, right paper ${f.rightPaper}/${f.asked}, quotes verified ${f.quotesVerbatim}/${f.quotes}${f.failures.length ? `; missed: ${f.failures.join(' | ')}` : ''}`;
    }),
    ...(['tune', 'holdout'] as const).map((split) => {
      const f = figures.fullTextOnDemand[split];
      return `Full text fetched on demand (${split}): right quote and section ${f.rightSection}/${f.asked} (${pct(f.rightSection, f.asked)}), right quote ${f.right}/${f.asked}, right paper ${f.rightPaper}/${f.asked}, quotes verified ${f.quotesVerbatim}/${f.quotes}, p95 ${f.p95Ms} ms${f.failures.length ? `; missed: ${f.failures.join(' | ')}` : ''}`;
    }),
    `Full-text requests to Europe PMC over both halves: ${figures.fullTextOnDemand.fullTextRequests} (each article fetched once, then read from the store)`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of formatLiveBench(await runLiveBench())) console.log(line);
}
