import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { createPaper } from '../factories/paper.js';

const REDIS_URL = process.env.TEST_REDIS_URL;

const backends: [string, () => Promise<Store>][] = [
  ['memory', () => openStore({ memory: true })],
  ['sqlite', () => openStore({ dataDir: mkdtempSync(path.join(tmpdir(), 'tbd-changes-')) })],
];
if (REDIS_URL) {
  backends.push([
    'redis',
    () => openStore({ redisUrl: REDIS_URL, redisNamespace: `c${Date.now()}${Math.random()}` }),
  ]);
}

const paper = (id: string) => createPaper({ id, title: id });

describe.each(backends)('paper change log on %s', (_name, open) => {
  let store: Store;
  afterEach(async () => store?.close());

  it('logs every paper written, in order, and reads on from a cursor', async () => {
    store = await open();
    const changes = store.papers.changes;
    expect(await changes.head()).toBe(0);
    await store.papers.put(paper('t:a'), {});
    await store.papers.putMany([
      { paper: paper('t:b'), keys: {} },
      { paper: paper('t:c'), keys: {} },
    ]);
    await store.papers.put({ ...paper('t:a'), retracted: true }, {});
    expect(await changes.head()).toBe(4);
    const all = await changes.since(0, 10);
    expect(all.map((change) => change.paperId)).toEqual(['t:a', 't:b', 't:c', 't:a']);
    expect(all.map((change) => change.seq)).toEqual([1, 2, 3, 4]);
    expect(await changes.since(2, 1)).toEqual([{ seq: 3, paperId: 't:c' }]);
    expect(await changes.since(4, 10)).toEqual([]);
  });

  it('keeps one epoch per store', async () => {
    store = await open();
    const epoch = await store.papers.changes.epoch();
    expect(epoch).toMatch(/\w{8}-/);
    expect(await store.papers.changes.epoch()).toBe(epoch);
  });
});

describe('paper change log on SQLite', () => {
  it('logs a paper record written by any path, in that write, and survives reopening', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-changes-'));
    const first = await openStore({ dataDir });
    const epoch = await first.papers.changes.epoch();
    // A bulk writer that bypasses PaperStore (the bench seeder does) is logged all the same.
    await first.namespace('paper').set('t:bulk', paper('t:bulk'));
    await first.namespace('paper-idx').set('pmid:1', 't:bulk');
    await first.close();
    const second = await openStore({ dataDir });
    try {
      expect(await second.papers.changes.since(0, 10)).toEqual([{ seq: 1, paperId: 't:bulk' }]);
      expect(await second.papers.changes.epoch()).toBe(epoch);
    } finally {
      await second.close();
    }
  });
});
