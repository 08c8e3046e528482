import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { openServingIndex, openSynced, PaperIndex } from '../../src/search/paper-index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { createPaper } from '../factories/paper.js';

const REDIS_URL = process.env.TEST_REDIS_URL;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function sqliteStore(dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-index-'))): Promise<Store> {
  const store = await openStore({ dataDir });
  cleanup.push(() => store.close());
  return store;
}

function track(index: PaperIndex): PaperIndex {
  cleanup.push(() => index.close());
  return index;
}

const paper = (id: string, title: string) =>
  createPaper({ id, title, abstract: [{ text: `${title}: a study of children treated at one centre.` }] });
const idsFor = async (index: PaperIndex, query: string) =>
  (await index.search(query)).map((hit) => hit.paper.id);

describe('the index follows the store', () => {
  it('builds from the stored papers, then finds papers stored later once it syncs', async () => {
    const store = await sqliteStore();
    await store.papers.put(paper('t:nb', 'Neuroblastoma relapse'), {});
    const index = track(await PaperIndex.load(store));
    expect(await idsFor(index, 'neuroblastoma')).toEqual(['t:nb']);
    await store.papers.put(paper('t:wilms', 'Wilms tumor nephrectomy'), {});
    expect(await idsFor(index, 'wilms')).toEqual([]);
    await index.sync();
    expect(await idsFor(index, 'wilms')).toEqual(['t:wilms']);
  });

  it('lets two replicas with their own index files both see what one of them stored', async () => {
    const store = await sqliteStore();
    const other = mkdtempSync(path.join(tmpdir(), 'tbd-replica-'));
    const first = track(await PaperIndex.load(store));
    const second = track(
      await PaperIndex.load({ ...store, searchIndexPath: path.join(other, 'search-index.sqlite') }),
    );
    await store.papers.putMany([{ paper: paper('t:ewing', 'Ewing sarcoma radiotherapy'), keys: {} }]);
    await Promise.all([first.sync(), second.sync()]);
    expect(await idsFor(first, 'ewing sarcoma')).toEqual(['t:ewing']);
    expect(await idsFor(second, 'ewing sarcoma')).toEqual(['t:ewing']);
  });

  it('reopens its file at its cursor, applying only what was stored meanwhile, and drops deleted papers', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-index-'));
    const store = await sqliteStore(dataDir);
    await store.papers.put(paper('t:nb', 'Neuroblastoma relapse'), {});
    await store.papers.put(paper('t:gone', 'Hepatoblastoma cisplatin'), {});
    await (await PaperIndex.load(store)).close();
    await store.papers.put(paper('t:rb', 'Retinoblastoma enucleation'), {});
    await store.namespace('paper').delete('t:gone');
    const builds: number[] = [];
    const reopened = track(await PaperIndex.load(store, { onProgress: (p) => builds.push(p.indexed) }));
    expect(builds).toEqual([]);
    expect(await idsFor(reopened, 'retinoblastoma')).toEqual(['t:rb']);
    expect(await idsFor(reopened, 'hepatoblastoma')).toEqual([]);
    expect(reopened.size).toBe(2);
  });

  it('rebuilds an index file that followed another store', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-index-'));
    const first = await sqliteStore(dataDir);
    await first.papers.put(paper('t:old', 'Osteosarcoma methotrexate'), {});
    await (await PaperIndex.load(first)).close();
    const second = await openStore({ memory: true });
    cleanup.push(() => second.close());
    await second.papers.put(paper('t:new', 'Medulloblastoma craniospinal'), {});
    const index = track(await PaperIndex.load({ ...second, searchIndexPath: first.searchIndexPath }));
    expect(await idsFor(index, 'osteosarcoma')).toEqual([]);
    expect(await idsFor(index, 'medulloblastoma')).toEqual(['t:new']);
  });

  it('answers "warming up" while the app builds its index, then serves', async () => {
    const store = await sqliteStore();
    await store.papers.put(paper('t:nb', 'Neuroblastoma relapse'), {});
    const index = track(await openServingIndex(store, { logger: silentLogger }));
    const early = index.search('neuroblastoma');
    await expect(early).rejects.toBeInstanceOf(SearchError);
    await expect(early).rejects.toThrow(/warming up/);
    await index.ready();
    expect(await idsFor(index, 'neuroblastoma')).toEqual(['t:nb']);
  });

  it('builds a shared index file once when two processes open it together', async () => {
    const store = await sqliteStore();
    await store.papers.put(paper('t:nb', 'Neuroblastoma relapse'), {});
    const weeksBuilt: number[] = [0, 0];
    const [one, two] = await Promise.all(
      [0, 1].map((i) =>
        openSynced(store, {
          onProgress: () => {
            weeksBuilt[i] = (weeksBuilt[i] ?? 0) + 1;
          },
        }),
      ),
    );
    if (!one || !two) throw new Error('not opened');
    cleanup.push(
      () => one.index.close(),
      () => two.index.close(),
    );
    await Promise.all([one.sync.prepare(), two.sync.prepare()]);
    expect(weeksBuilt.sort()).toEqual([0, 1]);
    expect(await idsFor(two.index, 'neuroblastoma')).toEqual(['t:nb']);
    expect(await idsFor(one.index, 'neuroblastoma')).toEqual(['t:nb']);
  });

  // `.ci/run` starts redis-server and sets TEST_REDIS_URL; without it this shows as skipped.
  it.skipIf(!REDIS_URL)(
    'keeps one local index per replica on Redis, each following the shared change log',
    async () => {
      const namespace = `index${Date.now()}${Math.random()}`;
      const replicas = await Promise.all(
        [0, 1].map(async () => {
          const store = await openStore({
            redisUrl: REDIS_URL,
            redisNamespace: namespace,
            dataDir: mkdtempSync(path.join(tmpdir(), 'tbd-replica-')),
          });
          cleanup.push(() => store.close());
          return { store, index: track(await PaperIndex.load(store)) };
        }),
      );
      const [writer, reader] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
      expect(writer.store.searchIndexPath).not.toBe(reader.store.searchIndexPath);
      await writer.store.papers.put(paper('t:rms', 'Rhabdomyosarcoma vincristine'), {});
      await reader.index.sync();
      expect(await idsFor(reader.index, 'rhabdomyosarcoma')).toEqual(['t:rms']);
    },
  );
});
