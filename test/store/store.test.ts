import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import type { Paper } from '../../src/types.js';
import { createPaper } from '../factories/paper.js';

const REDIS_URL = process.env.TEST_REDIS_URL;

function paper(overrides: Partial<Paper> = {}): Paper {
  return createPaper({
    id: 'pmid:12345',
    pmid: '12345',
    title: 'A paper',
    abstract: [{ text: 'Body.' }],
    ingestedAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  });
}

const backends: [string, () => Promise<Store>][] = [
  ['memory', () => openStore({ memory: true })],
  ['sqlite', () => openStore({ dataDir: mkdtempSync(path.join(tmpdir(), 'tbd-store-')) })],
];
if (REDIS_URL) {
  backends.push([
    'redis',
    () => openStore({ redisUrl: REDIS_URL, redisNamespace: `t${Date.now()}${Math.random()}` }),
  ]);
}

describe.each(backends)('store on %s', (_name, open) => {
  let store: Store;
  afterEach(async () => store?.close());

  it('finds a paper by any of its identifiers and lists it under its ingestion week', async () => {
    store = await open();
    await store.papers.put(paper({ doi: '10.1000/ABC' }), { titleKey: 'a paper|smith' });
    expect(await store.papers.findId({ doi: '10.1000/abc' })).toBe('pmid:12345');
    expect(await store.papers.findId({ titleKey: 'a paper|smith' })).toBe('pmid:12345');
    expect(await store.papers.findId({ pmid: '999' })).toBeUndefined();
    expect(await store.papers.idsInWeek('2026-W48')).toEqual(['pmid:12345']);
    await store.papers.put(paper({ title: 'Updated', ingestedAt: '2026-12-24T10:00:00.000Z' }), {});
    expect(await store.papers.weeks()).toEqual(['2026-W48']);
    expect((await store.papers.get('pmid:12345'))?.title).toBe('Updated');
  });

  it('writes a batch of papers in one go, overwriting older copies, and finds each by any identifier', async () => {
    store = await open();
    await store.papers.put(paper({ title: 'Old title' }), {});
    const second = paper({ id: 'doi:10.1000/xyz', pmid: undefined, doi: '10.1000/XYZ', title: 'Second' });
    await store.papers.putMany([
      { paper: paper({ title: 'New title' }), keys: { titleKey: 'new title|smith' } },
      { paper: second, keys: { titleKey: 'second|jones' } },
    ]);
    expect((await store.papers.get('pmid:12345'))?.title).toBe('New title');
    expect(await store.papers.getMany(['doi:10.1000/xyz'])).toEqual([second]);
    expect(
      await store.papers.findIds([
        { pmid: '12345' },
        { doi: '10.1000/xyz' },
        { pmid: '999', titleKey: 'second|jones' },
        { pmid: '999' },
        {},
      ]),
    ).toEqual(['pmid:12345', 'doi:10.1000/xyz', 'doi:10.1000/xyz', undefined, undefined]);
    expect(await store.papers.idsInWeek('2026-W48')).toEqual(['pmid:12345', 'doi:10.1000/xyz']);
  });

  it('hands out every stored paper week by week, letting timers run during a long scan', async () => {
    store = await open();
    const papers = Array.from({ length: 250 }, (_, i) =>
      paper({
        id: `pmid:${1000 + i}`,
        pmid: String(1000 + i),
        ingestedAt: i < 200 ? '2026-11-24T10:00:00.000Z' : '2026-12-01T10:00:00.000Z',
      }),
    );
    await store.papers.putMany(papers.map((p) => ({ paper: p, keys: {} })));
    let timerRanDuringScan = false;
    const ids: string[] = [];
    setTimeout(() => {
      timerRanDuringScan = ids.length < papers.length;
    }, 0);
    for await (const stored of store.papers.all()) ids.push(stored.id);
    expect(ids.sort()).toEqual(papers.map((p) => p.id).sort());
    expect(timerRanDuringScan).toBe(true);
  });

  it('gives a lease to one owner at a time and lets another take it over once expired', async () => {
    store = await open();
    expect(await store.locks.acquire('digest:C1:2026-W48', 'a', 200)).toBe(true);
    expect(await store.locks.acquire('digest:C1:2026-W48', 'b', 200)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await store.locks.acquire('digest:C1:2026-W48', 'b', 200)).toBe(true);
    await store.locks.release('digest:C1:2026-W48', 'a');
    expect(await store.locks.holder('digest:C1:2026-W48')).toBe('b');
    await store.locks.release('digest:C1:2026-W48', 'b');
    expect(await store.locks.holder('digest:C1:2026-W48')).toBeUndefined();
  });

  it('refuses a second acquire by the same holder and lets only the holder renew', async () => {
    store = await open();
    expect(await store.locks.acquire('cron:C1', 'replica-a', 200)).toBe(true);
    expect(await store.locks.acquire('cron:C1', 'replica-a', 200)).toBe(false);
    expect(await store.locks.renew('cron:C1', 'replica-b', 200)).toBe(false);
    expect(await store.locks.renew('cron:C1', 'replica-a', 200)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await store.locks.renew('cron:C1', 'replica-a', 200)).toBe(false);
  });

  it('remembers which papers a channel already received once a digest is posted', async () => {
    store = await open();
    const digest = {
      id: 'C1:2026-W48',
      channelId: 'C1',
      period: '2026-W48',
      generatedAt: '2026-11-24T10:00:00.000Z',
      intro: '',
      items: [],
      candidateCount: 0,
    };
    await store.digests.save({ digest: { ...digest, items: [{ paperId: 'pmid:1' } as never] } });
    expect(await store.digests.deliveredIn('C1', ['pmid:1'])).toEqual([false]);
    await store.digests.markPosted('C1:2026-W48', {
      channelId: 'C1',
      ts: '1.2',
      postedAt: digest.generatedAt,
    });
    expect(await store.digests.deliveredIn('C1', ['pmid:1', 'pmid:2'])).toEqual([true, false]);
    expect(await store.digests.digestIdForThread('C1', '1.2')).toBe('C1:2026-W48');
    expect(await store.digests.idsForChannel('C1')).toEqual(['C1:2026-W48']);
  });
});
