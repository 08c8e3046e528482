import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { inThreadEngine } from '../../src/search/bm25-engine.js';
import { PaperIndex } from '../../src/search/paper-index.js';
import type { SearchEngine } from '../../src/search/search-engine.js';
import { startSearchWorker } from '../../src/search/worker-engine.js';
import { openStore, type Store } from '../../src/store/index.js';
import { jmmlCaseReport, pubmedQaPaper, SAMPLE_PMIDS } from '../digest/fixture-papers.js';

let store: Store;
let opened: PaperIndex | undefined;
beforeEach(async () => {
  store = await openStore({ memory: true });
  await store.papers.put(jmmlCaseReport(), {});
  for (const pmid of SAMPLE_PMIDS)
    await store.papers.put(pubmedQaPaper(pmid, { retracted: pmid === '16392897' }), {});
});
afterEach(async () => {
  await opened?.close();
  opened = undefined;
  await store.close();
});

const ENGINES: [string, () => SearchEngine][] = [
  ['in this thread', inThreadEngine],
  ['in a worker thread', () => startSearchWorker({ logger: silentLogger })],
];

describe.each(ENGINES)('PaperIndex with its BM25 index %s', (_where, engine) => {
  const load = async () => {
    opened = await PaperIndex.load(store, engine());
    return opened;
  };

  it('loads every stored paper and finds the JMML case report by its topic', async () => {
    const index = await load();
    expect(index.size).toBe(SAMPLE_PMIDS.length + 1);
    const [top] = await index.search('juvenile myelomonocytic leukemia relapse');
    expect(top?.paper.id).toBe('t:jmml-rapamycin-gvl');
  });

  it('tolerates a misspelled medical term', async () => {
    const index = await load();
    const hits = await index.search('hematopoetic transplantation');
    expect(hits.map((hit) => hit.paper.id)).toContain('pmid:27184293');
  });

  it('leaves retracted papers out of free-text results unless asked', async () => {
    const index = await load();
    expect((await index.search('BCR-ABL transcript')).map((hit) => hit.paper.id)).not.toContain(
      'pmid:16392897',
    );
    const withRetracted = await index.search('BCR-ABL transcript', { includeRetracted: true });
    expect(withRetracted[0]?.paper).toMatchObject({ id: 'pmid:16392897', retracted: true });
  });

  it('answers a PMID query with that exact paper, retracted or not', async () => {
    const index = await load();
    const hits = await index.search('PMID: 16392897');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ exact: true, paper: { id: 'pmid:16392897', retracted: true } });
  });

  it('replaces a paper added again, so a retraction takes effect', async () => {
    const index = await load();
    index.add(pubmedQaPaper('27184293', { retracted: true }));
    expect(index.size).toBe(SAMPLE_PMIDS.length + 1);
    expect((await index.search('microbial contamination')).map((hit) => hit.paper.id)).not.toContain(
      'pmid:27184293',
    );
  });

  it('honors the limit', async () => {
    const index = await load();
    expect(await index.search('patients', { limit: 3 })).toHaveLength(3);
  });
});
