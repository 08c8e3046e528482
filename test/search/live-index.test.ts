import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { type LiveIndex, openLiveIndex } from '../../src/search/live-index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { jmmlCaseReport, pubmedQaPaper } from '../digest/fixture-papers.js';
import { createPaper } from '../factories/paper.js';

let store: Store;
let live: LiveIndex | undefined;
beforeEach(async () => {
  store = await openStore({ memory: true });
  await store.papers.put(pubmedQaPaper('27184293'), {});
});
afterEach(async () => {
  await live?.close();
  live = undefined;
  await store.close();
});

const topIds = async (index: LiveIndex, query: string) =>
  (await index.current().search(query)).map((hit) => hit.paper.id);

describe('openLiveIndex', () => {
  it('finds papers stored since it opened once reloaded, and searches meanwhile use the previous index', async () => {
    live = await openLiveIndex(store, silentLogger);
    await store.papers.put(jmmlCaseReport(), {});
    const reloading = live.reload();
    expect(await topIds(live, 'juvenile myelomonocytic leukemia')).toEqual([]);
    await reloading;
    expect(await topIds(live, 'juvenile myelomonocytic leukemia')).toEqual(['t:jmml-rapamycin-gvl']);
    expect(live.current().size).toBe(2);
  });

  it('rebuilds after its worker dies, and answers again', async () => {
    live = await openLiveIndex(store, silentLogger, { restartDelayMs: 10 });
    const broken = live.current();
    broken.add(createPaper({ id: undefined as unknown as string, title: 'no id' }));
    await expect(broken.search('microbial contamination')).rejects.toThrow('Search is restarting');
    await expect.poll(() => live?.current() !== broken, { timeout: 10_000 }).toBe(true);
    expect(await topIds(live, 'microbial contamination')).toContain('pmid:27184293');
  });

  it('keeps answering from the current index when a rebuild cannot read the store', async () => {
    live = await openLiveIndex(store, silentLogger);
    const current = live.current();
    const papers = store.papers;
    const failing = Object.create(papers) as typeof papers;
    failing.getMany = async () => {
      throw new Error('disk unavailable');
    };
    Object.defineProperty(store, 'papers', { value: failing, configurable: true });
    await expect(live.reload()).rejects.toThrow('disk unavailable');
    Object.defineProperty(store, 'papers', { value: papers, configurable: true });
    expect(live.current()).toBe(current);
    expect(await topIds(live, 'microbial contamination')).toContain('pmid:27184293');
  });
});
