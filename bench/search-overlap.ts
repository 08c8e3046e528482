import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { loadDemoCorpus } from '../src/ingest/demo-corpus.js';
import { silentLogger } from '../src/log.js';
import { INDEX_OPTIONS, type PaperDocument, toPaperDocument } from '../src/search/paper-document.js';
import { PaperIndex } from '../src/search/paper-index.js';
import { openStore, type Store } from '../src/store/index.js';
import { bulkSeedSyntheticPapers } from './generate/papers.js';
import { benchQueries } from './search-queries.js';
import { round } from './stats.js';

/**
 * Child process of the search benchmark (the in-memory baseline needs gigabytes at 100k):
 * how far the FTS5 index's top 10 agree with the MiniSearch engine it replaced (BM25,
 * fuzzy and prefix matching, OR of the words: `src/search` before FTS5), on the synthetic
 * bench queries and on the demo corpus with queries written from the user's side.
 */
const papers = Number(process.argv[2] ?? 100_000);
const queryCount = Number(process.argv[3] ?? 30);
const TOP = 10;
const DEV_QUERIES = JSON.parse(
  readFileSync(new URL('./fixtures/search-dev-queries.json', import.meta.url), 'utf8'),
) as { halves: Record<string, string[]> };

const synthetic = await openStore({ memory: true });
await bulkSeedSyntheticPapers(synthetic, papers, {
  now: new Date('2026-11-23T06:00:00.000Z'),
  perWeek: 1000,
});
const bench = await overlapOver(synthetic, benchQueries(queryCount));
await synthetic.close();

const demo = await openStore({ memory: true });
await loadDemoCorpus(demo, { now: new Date('2026-11-23T06:00:00.000Z'), logger: silentLogger });
const halves: Record<string, Awaited<ReturnType<typeof overlapOver>>> = {};
for (const [half, queries] of Object.entries(DEV_QUERIES.halves))
  halves[half] = await overlapOver(demo, queries);
await demo.close();
process.stdout.write(`${JSON.stringify({ papers, bench, demo: halves })}\n`);

/** Mean share of MiniSearch's top 10 that the FTS5 index also returns, and how often each returns anything. */
async function overlapOver(store: Store, queries: string[]) {
  const baseline = new MiniSearch<PaperDocument>(INDEX_OPTIONS);
  for await (const paper of store.papers.all()) baseline.add(toPaperDocument(paper));
  const index = await PaperIndex.load(store);
  let shared = 0;
  let compared = 0;
  let ftsAnswered = 0;
  let baselineAnswered = 0;
  for (const query of queries) {
    const before = baseline
      .search(query)
      .slice(0, TOP)
      .map((result) => String(result.id));
    const after = (await index.search(query, { limit: TOP })).map((hit) => hit.paper.id);
    if (before.length > 0) baselineAnswered++;
    if (after.length > 0) ftsAnswered++;
    if (before.length === 0) continue;
    compared++;
    shared += after.filter((id) => before.includes(id)).length / Math.min(TOP, before.length);
  }
  await index.close();
  return {
    queries: queries.length,
    overlapAt10: compared > 0 ? round(shared / compared, 3) : Number.NaN,
    answeredBefore: baselineAnswered,
    answeredNow: ftsAnswered,
  };
}
