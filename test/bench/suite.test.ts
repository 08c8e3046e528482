import { describe, expect, it } from 'vitest';
import { bulkSeedSyntheticPapers, seedSyntheticPapers, syntheticPaper } from '../../bench/generate/papers.js';
import { formatTable } from '../../bench/report.js';
import { countingStore } from '../../bench/store-reads.js';
import { runCoreBenches } from '../../bench/suite.js';
import { exportStore } from '../../src/store/export.js';
import { openStore } from '../../src/store/index.js';

const NOW = new Date('2026-11-23T06:00:00.000Z');

describe('bench building blocks', () => {
  it('bulk seeding leaves the same store as seeding paper by paper', async () => {
    const viaPut = await openStore({ memory: true });
    const bulk = await openStore({ memory: true });
    try {
      await seedSyntheticPapers(viaPut, 60, { now: NOW, perWeek: 25 });
      await bulkSeedSyntheticPapers(bulk, 60, { now: NOW, perWeek: 25 });
      const snapshot = (store: typeof bulk) => exportStore(store, { includePapers: true, now: () => NOW });
      expect(await snapshot(bulk)).toEqual(await snapshot(viaPut));
      expect(await bulk.papers.weeks()).toEqual(await viaPut.papers.weeks());
      const newest = syntheticPaper(0, { now: NOW, perWeek: 25 });
      expect(await bulk.papers.findId({ doi: newest.doi })).toBe(newest.id);
      expect(newest.title.startsWith('[SYNTHETIC]')).toBe(true);
    } finally {
      await viaPut.close();
      await bulk.close();
    }
  });

  it('counts the reads made through a store view and lets writes through', async () => {
    const store = await openStore({ memory: true });
    try {
      const counting = countingStore(store);
      await counting.store.papers.put(syntheticPaper(1, { now: NOW, perWeek: 10 }), {});
      expect(counting.count).toEqual({ calls: 0, keys: 0 });
      await counting.store.papers.getMany(['a', 'b', 'c']);
      await counting.store.digests.deliveredIn('C1', ['a', 'b']);
      await counting.store.namespace<string>('x').get('y');
      expect(counting.count).toEqual({ calls: 3, keys: 6 });
    } finally {
      await store.close();
    }
  });
});

describe('npm run bench at toy sizes', () => {
  it('runs benches 1 to 4 end to end and reports every figure', async () => {
    const results = await runCoreBenches(
      {
        ackCommands: 4,
        ackCorpusPapers: 40,
        ingestRecords: 30,
        channels: 3,
        smallStorePapers: 60,
        largeStorePapers: 240,
        searchQueries: 3,
      },
      () => undefined,
    );
    expect(results.ingest.stored).toBe(30);
    expect(results.ingest.failedFeeds).toEqual([]);
    expect(results.ingest.requests).toBeGreaterThanOrEqual(2);
    // Two bursts, cold and warm, of four commands each.
    expect(results.ack.answered).toBe(8);
    expect(Number.isFinite(results.ack.coldAckP99Ms)).toBe(true);
    expect(Number.isFinite(results.ack.floorP99Ms)).toBe(true);
    expect(results.ack.non200).toBe(0);
    expect(results.digest.large.papers).toBe(240);
    expect(Number.isFinite(results.digest.readsRatio)).toBe(true);
    expect(results.search.searchQueries).toBe(3);
    expect(formatTable([{ section: '1', figure: 'p99', value: results.ack.ackP99Ms }])).toContain('p99');
  }, 120_000);
});
