import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBoardBench } from './board.js';
import { runDeliveryFaults } from './delivery-faults.js';
import { runFairnessBench } from './lit-fairness.js';
import { formatLiveBench, runLiveBench } from './live.js';
import { runLlmBench } from './llm.js';
import { formatPhiBench, runPhiBench } from './phi.js';
import { formatQaEval, runQaEval } from './qa-eval.js';
import { runRelevanceBench } from './relevance.js';
import { formatTable, type ResultRow } from './report.js';
import { type OverlapFigures, runOverlapBench, type SearchFigures } from './search-latency.js';
import { measureSentenceChoice } from './sentence-weights.js';
import { round } from './stats.js';
import { runStudyTypeBench } from './study-type.js';
import { type CoreResults, FULL_SIZES, runCoreBenches } from './suite.js';

/**
 * `npm run bench`: every figure on loopback fakes (Slack Web API, E-utilities, OpenAI),
 * printed as a table and written to bench/results.json. Figures are ratios against the
 * limit that matters where there is one; nothing here passes or fails.
 */
const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const started = performance.now();

// The run at 1M papers takes several minutes more (seeding, building the index): opt in.
const sizes = process.env.BENCH_MILLION === '1' ? { ...FULL_SIZES, millionPapers: 1_000_000 } : FULL_SIZES;
const core = await runCoreBenches(sizes, progress);
progress(`search: top-10 overlap with the former MiniSearch engine over ${sizes.largeStorePapers} papers`);
const overlap = await runOverlapBench({ papers: sizes.largeStorePapers, queries: sizes.searchQueries });
progress('llm: first build vs rebuild on the fake OpenAI server');
const llm = await runLlmBench();
progress('qa: PubMedQA and the question set');
const qa = await runQaEval();
progress('qa: sentence choice on both halves of the clinician dev set');
const sentenceChoice = await measureSentenceChoice();
progress('board: tumor-board briefs');
const board = await runBoardBench();
progress('live: PubMed / Europe PMC look-ups and open-access full text on loopback fakes');
const live = await runLiveBench();
progress('relevance: dev-set channels over the demo corpus; study type against PubMed types');
const relevance = await runRelevanceBench();
const studyType = await runStudyTypeBench();
progress('fairness: a second user’s /lit search while another user’s preview runs');
const fairness = await runFairnessBench({ corpusPapers: FULL_SIZES.ackCorpusPapers });
progress('delivery: 3 built replicas on Redis with SIGKILL, SIGTERM, lost responses and 429s');
// Without Redis on the machine this one bench is skipped, and says why; the others still report.
const deliveryFaults = await runDeliveryFaults(progress).then(
  (faults) => ({
    ok: faults.ok,
    posts: faults.posts.length,
    duplicates: faults.duplicates,
    missing: faults.missing,
    maxSecondsToPost: faults.maxSecondsToPost,
    sigtermExitMs: faults.sigtermExitMs,
    finalExitCodes: faults.finalExitCodes,
  }),
  (error: unknown) => ({ skipped: error instanceof Error ? error.message : String(error) }),
);
progress('phi: PHI guard recall on Presidio halves, PubMedQA sentences altered');
const phi = runPhiBench();

const results = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  sizes,
  totalSeconds: round((performance.now() - started) / 1000, 0),
  ...core,
  overlap,
  llm,
  qa,
  sentenceChoice,
  board,
  live,
  relevance,
  studyType,
  fairness,
  deliveryFaults,
  phi,
};
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${formatTable([...coreRows(core), ...overlapRows(overlap)])}\n\n`);
process.stdout.write(`${formatTable(llmRows(llm))}\n\n`);
for (const line of formatQaEval(qa)) process.stdout.write(`${line}\n`);
process.stdout.write(
  `Clinician set, best-ranked sentence of the expected paper holds the asked figure or finding: tune ${sentenceChoice.topOne.tune}, holdout ${sentenceChoice.topOne.holdout}\n`,
);
process.stdout.write(`\nboard: ${JSON.stringify(board)}\n`);
for (const line of formatLiveBench(live)) process.stdout.write(`${line}\n`);
process.stdout.write(
  `relevance precision@5, tune half: ${JSON.stringify(relevance.tune)}; held half: ${JSON.stringify(relevance.held)}; specialty starters: ${JSON.stringify(relevance.starters)}\n`,
);
process.stdout.write(
  `study type vs PubMed design types: ${studyType.agreeing}/${studyType.records} (${studyType.agreement}); RCT labels without randomization evidence: ${studyType.rctWithoutEvidence}\n`,
);
process.stdout.write(`fairness: ${JSON.stringify(fairness)}\n`);
process.stdout.write(`delivery faults: ${JSON.stringify(deliveryFaults)}\n`);
process.stdout.write(`\n${formatPhiBench(phi).join('\n')}\n`);
process.stdout.write(`\nWrote ${RESULTS_FILE} in ${results.totalSeconds} s\n`);

function coreRows({ ingest, ack, digest, search, searchMillion }: CoreResults): ResultRow[] {
  return [
    {
      section: '1 /lit ack',
      figure: `warm p50 / p99 ms (${ack.commands} concurrent)`,
      value: `${ack.ackP50Ms} / ${ack.ackP99Ms}`,
    },
    {
      section: '1 /lit ack',
      figure: 'warm p99 / 3 s deadline',
      value: ack.ackP99ShareOfDeadline,
      against: 'goal < 0.05',
    },
    {
      section: '1 /lit ack',
      figure: 'cold p50 / p99 ms (first burst after start)',
      value: `${ack.coldAckP50Ms} / ${ack.coldAckP99Ms}`,
    },
    { section: '1 /lit ack', figure: 'cold p99 / 3 s deadline', value: ack.coldAckP99ShareOfDeadline },
    {
      section: '1 /lit ack',
      figure: 'floor warm p50 / p99, cold p99 ms (bare node:http)',
      value: `${ack.floorP50Ms} / ${ack.floorP99Ms}, ${ack.coldFloorP99Ms}`,
    },
    { section: '1 /lit ack', figure: 'warm p99 / floor warm p99', value: ack.ackP99OverFloor },
    {
      section: '1 /lit ack',
      figure: `search p50 / p99 ms (${ack.corpusPapers} papers)`,
      value: `${ack.searchP50Ms} / ${ack.searchP99Ms}`,
    },
    {
      section: '1 /lit ack',
      figure: 'answers delivered',
      value: `${ack.answered}/${2 * ack.commands}; warm burst in ${ack.allAnsweredMs} ms`,
    },
    {
      section: '2 ingest',
      figure: `wall ms (${ingest.records} records, ${ingest.store})`,
      value: ingest.wallMs,
    },
    { section: '2 ingest', figure: 'NCBI rate bound ms', value: ingest.rateBoundMs },
    { section: '2 ingest', figure: 'wall / bound', value: ingest.wallOverBound, against: 'goal <= 1.2' },
    {
      section: '2 ingest',
      figure: 'requests / 429 answers',
      value: `${ingest.requests} / ${ingest.rateLimitViolations}`,
    },
    {
      section: '2 ingest',
      figure: 'records stored / feeds failed',
      value: `${ingest.stored} / ${ingest.failedFeeds.length}`,
    },
    { section: '2 ingest', figure: 'peak RSS MiB', value: ingest.peakRssMiB },
    {
      section: '3 digest',
      figure: `${digest.large.channels} builds ms (${digest.small.papers} / ${digest.large.papers} papers)`,
      value: `${digest.small.totalMs} / ${digest.large.totalMs}`,
    },
    {
      section: '3 digest',
      figure: 'per digest p50 / p99 ms at the large store',
      value: `${digest.large.perDigestP50Ms} / ${digest.large.perDigestP99Ms}`,
    },
    {
      section: '3 digest',
      figure: 'store reads per digest (small / large)',
      value: `${digest.small.readsPerDigest} / ${digest.large.readsPerDigest}`,
    },
    {
      section: '3 digest',
      figure: 'reads ratio large / small',
      value: digest.readsRatio,
      against: 'goal 1.0 (no growth)',
    },
    {
      section: '3 digest',
      figure: 'records read ratio large / small',
      value: digest.keysReadRatio,
      against: 'goal 1.0 (no growth)',
    },
    ...searchRows(search, { search: 'goal < 100', passages: 'goal < 150' }),
    ...(searchMillion ? searchRows(searchMillion, { search: 'goal < 250' }) : []),
    ...(searchMillion?.digest
      ? [
          {
            section: '4 search',
            figure: `digest build p50 / p99 ms (${searchMillion.papers} papers, SQLite)`,
            value: `${searchMillion.digest.perDigestP50Ms} / ${searchMillion.digest.perDigestP99Ms}`,
          },
        ]
      : []),
  ];
}

function overlapRows(overlap: OverlapFigures): ResultRow[] {
  return [
    {
      section: '4 search',
      figure: `top-10 overlap with MiniSearch: bench queries (${overlap.papers / 1000}k papers)`,
      value: overlap.bench.overlapAt10,
    },
    {
      section: '4 search',
      figure: 'top-10 overlap with MiniSearch: demo corpus, user-side queries (half a / b)',
      value: Object.values(overlap.demo)
        .map((half) => `${half.overlapAt10} (${half.answeredNow}/${half.queries} answered)`)
        .join(' / '),
    },
  ];
}

function searchRows(search: SearchFigures, goals: { search?: string; passages?: string }): ResultRow[] {
  const at = `${search.papers / 1000}k`;
  const rows: ResultRow[] = [
    {
      section: '4 search',
      figure: `/lit search p50 / p99 ms (${at} papers, ${search.searchQueries} queries x3)`,
      value: `${search.searchP50Ms} / ${search.searchP99Ms}`,
      against: goals.search,
    },
    {
      section: '4 search',
      figure: `/lit search CPU time p50 / p99 ms (${at}; the rest of the wall time is waiting for a core)`,
      value: `${search.searchCpuP50Ms} / ${search.searchCpuP99Ms}`,
    },
    {
      section: '4 search',
      figure: `Q&A passages: shortlist 12 + their passages p50 / p99 ms (${at})`,
      value: `${search.shortlistPassagesP50Ms} / ${search.shortlistPassagesP99Ms} (CPU p99 ${search.shortlistPassagesCpuP99Ms})`,
      against: goals.passages,
    },
    {
      section: '4 search',
      figure: `corpus-wide passages p50 / p99 ms (${at})`,
      value: `${search.corpusPassagesP50Ms} / ${search.corpusPassagesP99Ms}`,
    },
    {
      section: '4 search',
      figure: `document frequencies of a question p50 / p99 ms (${at})`,
      value: `${search.documentFrequencyP50Ms} / ${search.documentFrequencyP99Ms}`,
    },
    {
      section: '4 search',
      figure: `index build ms / disk MiB (${at}, from a SQLite store)`,
      value: `${search.indexBuildMs} / ${search.indexMiB}`,
    },
    {
      section: '4 search',
      figure: `${search.addedPapers} papers added: index catch-up ms (${at})`,
      value: search.addMs,
      against: search.papers === 100_000 ? 'goal < 2000' : undefined,
    },
    {
      section: '4 search',
      figure: `replica peak RSS MiB (${at})`,
      value: search.indexPeakRssMiB,
      against: 'goal < 300',
    },
  ];
  if (search.qaRetrievalP99Ms !== undefined) {
    rows.push({
      section: '4 search',
      figure: `Q&A evidence for a question (read, shortlist, judge) p50 / p99 ms; RSS with it MiB (${at})`,
      value: `${search.qaRetrievalP50Ms} / ${search.qaRetrievalP99Ms}; ${search.peakRssMiB}`,
    });
  }
  return rows;
}

function llmRows(llm: Awaited<ReturnType<typeof runLlmBench>>): ResultRow[] {
  const tokens = (usage: { promptTokens: number; completionTokens: number }) =>
    usage.promptTokens + usage.completionTokens;
  return [
    {
      section: '5 llm',
      figure: `calls first build / rebuild (${llm.items} items)`,
      value: `${llm.firstBuild.usage.calls} / ${llm.rebuild.usage.calls}`,
      against: 'goal rebuild = 0',
    },
    {
      section: '5 llm',
      figure: 'tokens first build / rebuild',
      value: `${tokens(llm.firstBuild.usage)} / ${tokens(llm.rebuild.usage)}`,
      against: 'goal rebuild = 0',
    },
    {
      section: '5 llm',
      figure: 'requests at the server first / rebuild',
      value: `${llm.firstBuild.serverRequests} / ${llm.rebuild.serverRequests}`,
    },
    { section: '5 llm', figure: 'items with every quote verified', value: llm.quotesAllVerifiedShare },
  ];
}
