import { statSync } from 'node:fs';
import { findEvidence } from '../src/qa/evidence.js';
import { PaperIndex } from '../src/search/paper-index.js';
import { openStore } from '../src/store/index.js';
import { preloadVocabulary } from '../src/vocabulary/index.js';
import { bulkSeedSyntheticPapers, syntheticPaper } from './generate/papers.js';
import { benchQueries, benchQuestion } from './search-queries.js';
import { peakRssMiB, percentile, round, timed } from './stats.js';

/**
 * Child process of the search benchmark, so its peak RSS is a replica's: `seed` fills a
 * SQLite store with synthetic papers; `replica` opens it as the app does, builds the local
 * index, times searches and passage retrieval, then adds papers and times the catch-up.
 * Prints one JSON line on stdout.
 */
const [mode, dataDir = '', papersArg = '0', nowArg = '', queriesArg = '30', qaArg = '1'] =
  process.argv.slice(2);
const papers = Number(papersArg);
const NOW = new Date(nowArg);
const PAPERS_PER_WEEK = 1000;
const ADDED_PAPERS = 1000;
/** Each query runs this many times: 90 samples make a p99 that one slow moment on a shared machine does not decide alone. */
const ROUNDS = 3;

if (mode === 'seed') {
  const store = await openStore({ dataDir });
  const { ms } = await timed(() =>
    bulkSeedSyntheticPapers(store, papers, { now: NOW, perWeek: PAPERS_PER_WEEK }),
  );
  await store.close();
  process.stdout.write(`${JSON.stringify({ seedMs: round(ms, 0) })}\n`);
} else if (mode === 'replica') {
  process.stdout.write(`${JSON.stringify(await measureReplica(Number(queriesArg), qaArg === '1'))}\n`);
} else {
  throw new Error('usage: search-replica.ts seed|replica <dataDir> <papers> <now ISO> [queries] [qa 1|0]');
}

async function measureReplica(queryCount: number, withQaRetrieval: boolean) {
  const store = await openStore({ dataDir });
  const { result: index, ms: buildMs } = await timed(() => PaperIndex.load(store));
  const indexFile = store.searchIndexPath as string;
  const indexMiB = [indexFile, `${indexFile}-wal`].reduce((sum, file) => sum + sizeMiB(file), 0);
  const queries = benchQueries(queryCount);
  const questions = queries.map(benchQuestion);

  const search = await latencies(queries, (query) => index.search(query, { limit: 10 }));
  // What Q&A can do with the index alone: shortlist papers, then rank their passages.
  const shortlistPassages = await latencies(questions, async (question) => {
    const hits = await index.search(question, { limit: 12 });
    return index.passages(question, { paperIds: hits.map((hit) => hit.paper.id), limit: 8 });
  });
  const corpusPassages = await latencies(questions, (question) => index.passages(question, { limit: 8 }));
  const documentFrequency = await latencies(questions, (question) =>
    index.documentFrequency(question.split(/\s+/)),
  );
  // What a replica holds to build, search and retrieve: src/qa's own corpus scan below is apart.
  const indexPeakRssMiB = peakRssMiB();

  let qa: { p50: number; p99: number } | undefined;
  if (withQaRetrieval) {
    // As the app does at start (src/index.ts): the first question does not pay for loading word lists.
    preloadVocabulary();
    // Q&A reads each question with term counts from the index, shortlists through it and judges the papers.
    const retrieval = await latencies(questions, (question) =>
      findEvidence({ store, index }, question, { scope: { focusPaperIds: [], threadPaperIds: [] } }),
    );
    qa = { p50: retrieval.p50, p99: retrieval.p99 };
  }

  // New papers arrive through the store's own write path (as an ingest writes them); the index catches up.
  const added = Array.from({ length: ADDED_PAPERS }, (_, i) =>
    syntheticPaper(papers + i, { now: NOW, perWeek: PAPERS_PER_WEEK }),
  );
  await store.papers.putMany(added.map((paper) => ({ paper, keys: { pmid: paper.pmid, doi: paper.doi } })));
  const { ms: addMs } = await timed(() => index.sync());
  const sizeAfterAdd = index.size;
  await index.close();
  await store.close();
  return {
    papers,
    indexBuildMs: round(buildMs, 0),
    indexMiB: round(indexMiB, 0),
    searchQueries: queries.length,
    searchP50Ms: search.p50,
    searchP99Ms: search.p99,
    searchCpuP50Ms: search.cpuP50,
    searchCpuP99Ms: search.cpuP99,
    shortlistPassagesP50Ms: shortlistPassages.p50,
    shortlistPassagesP99Ms: shortlistPassages.p99,
    shortlistPassagesCpuP99Ms: shortlistPassages.cpuP99,
    corpusPassagesP50Ms: corpusPassages.p50,
    corpusPassagesP99Ms: corpusPassages.p99,
    documentFrequencyP50Ms: documentFrequency.p50,
    documentFrequencyP99Ms: documentFrequency.p99,
    qaRetrievalP50Ms: qa?.p50,
    qaRetrievalP99Ms: qa?.p99,
    addedPapers: ADDED_PAPERS,
    addMs: round(addMs, 0),
    indexedAfterAdd: sizeAfterAdd,
    indexPeakRssMiB,
    peakRssMiB: peakRssMiB(),
  };
}

/**
 * Wall time, and this process's CPU time (all its threads: SQLite runs on libuv's pool) per
 * call: on a shared machine the wall time also holds the other processes' turns on the cores.
 */
async function latencies(inputs: string[], work: (input: string) => Promise<unknown>) {
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      const cpu = process.cpuUsage();
      ms.push((await timed(() => work(input))).ms);
      const used = process.cpuUsage(cpu);
      cpuMs.push((used.user + used.system) / 1000);
    }
  }
  return {
    p50: round(percentile(ms, 50)),
    p99: round(percentile(ms, 99)),
    cpuP50: round(percentile(cpuMs, 50)),
    cpuP99: round(percentile(cpuMs, 99)),
  };
}

function sizeMiB(file: string): number {
  try {
    return statSync(file).size / 2 ** 20;
  } catch {
    return 0;
  }
}
