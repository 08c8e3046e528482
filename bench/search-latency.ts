import { silentLogger } from '../src/log.js';
import { corpusTerms } from '../src/qa/corpus-terms.js';
import { findEvidence } from '../src/qa/evidence.js';
import { PaperIndex } from '../src/search/paper-index.js';
import type { BenchCorpus } from './corpus.js';
import { METHOD_TERMS, pick, TOPIC_TERMS } from './generate/vocabulary.js';
import { peakRssMiB, percentile, round, timed } from './stats.js';

export interface SearchFigures {
  papers: number;
  indexBuildMs: number;
  searchQueries: number;
  searchP50Ms: number;
  searchP99Ms: number;
  retrievalQueries: number;
  retrievalP50Ms: number;
  retrievalP99Ms: number;
  peakRssMiB: number;
}

export interface SearchOptions {
  queries: number;
}

/** `/lit search` (PaperIndex) and thread Q&A retrieval latency over a store of synthetic papers. */
export async function runSearchBench(corpus: BenchCorpus, options: SearchOptions): Promise<SearchFigures> {
  const { store } = corpus;
  const { result: index, ms: indexBuildMs } = await timed(() => PaperIndex.load(store));
  const queries = Array.from(
    { length: options.queries },
    (_, i) => `${pick(TOPIC_TERMS, i)} ${pick(METHOD_TERMS, i * 3 + 1)}`,
  );

  const searchMs: number[] = [];
  for (const query of queries) searchMs.push((await timed(() => index.search(query, { limit: 10 }))).ms);

  // Term counts are made once per corpus and cached, as in the running app.
  await corpusTerms(store, index);
  const retrievalMs: number[] = [];
  for (const query of queries) {
    const question = `What did the ${query} papers report?`;
    const { ms } = await timed(() =>
      findEvidence({ store, index }, question, { scope: { focusPaperIds: [], threadPaperIds: [] } }),
    );
    retrievalMs.push(ms);
  }
  return {
    papers: corpus.papers,
    indexBuildMs: round(indexBuildMs, 0),
    searchQueries: queries.length,
    searchP50Ms: round(percentile(searchMs, 50)),
    searchP99Ms: round(percentile(searchMs, 99)),
    retrievalQueries: queries.length,
    retrievalP50Ms: round(percentile(retrievalMs, 50)),
    retrievalP99Ms: round(percentile(retrievalMs, 99)),
    peakRssMiB: peakRssMiB(),
  };
}
