import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgendaStore } from '../../src/board/agenda.js';
import { loadFeedback, recordFeedback } from '../../src/digest/feedback.js';
import { ThreadMemory } from '../../src/qa/thread-memory.js';
import { forgetChannel } from '../../src/store/channel-data.js';
import { exportStore, importStore } from '../../src/store/export.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { ChannelProfile, Digest } from '../../src/types.js';
import { testDigestPoster } from '../factories/poster.js';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const A = 'CDATAA001';
const B = 'CDATAB002';
const CASE = '18-month-old, JMML with monosomy 7, relapse 4 months after HSCT';

function profile(channelId: string): ChannelProfile {
  return {
    channelId,
    name: `board-${channelId.toLowerCase()}`,
    topics: [{ kind: 'text', query: 'juvenile myelomonocytic leukemia' }],
    includePreprints: false,
    feeds: [],
    topN: 5,
    schedule: { cron: '0 7 * * 1', timezone: 'UTC' },
    whenEmpty: 'silent',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

function digest(channelId: string, period: string): Digest {
  return {
    id: `${channelId}:${period}`,
    channelId,
    period,
    generatedAt: NOW.toISOString(),
    intro: '',
    items: [],
    candidateCount: 0,
  };
}

/** Everything a channel accumulates, written through the modules that own each record. */
async function fillChannel(store: Store, channelId: string): Promise<void> {
  await store.channels.put(profile(channelId));
  const agendas = new AgendaStore(store, () => NOW);
  await agendas.add(channelId, [CASE]);
  await agendas.setMeeting(channelId, { cron: '0 16 * * 4', timezone: 'America/Chicago' });
  await recordFeedback(store, channelId, 'pmid:33474827', 'relevant', 'U123', NOW);
  // An empty week in a channel that chose silence leaves a mark, so it is not rebuilt.
  const poster = testDigestPoster({
    store,
    slackApiUrl: 'http://127.0.0.1:9/api/',
    buildDigest: async () => digest(channelId, '2026-W48'),
  });
  expect(await poster.post(channelId, '2026-W48')).toMatchObject({ status: 'silent' });
  await store.digests.save({ digest: digest(channelId, '2026-W47') });
  await store.digests.markPosted(`${channelId}:2026-W47`, {
    channelId,
    ts: '1764000000.000100',
    postedAt: NOW.toISOString(),
  });
  await store
    .namespace<string>('living-notice')
    .set(`${channelId}:pmid:9500320:retraction`, NOW.toISOString());
  await new ThreadMemory(store).append(channelId, '1764000000.000100', [
    { role: 'user', text: 'relapse rate?' },
  ]);
}

describe('a channel’s own data', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ memory: true });
  });
  afterEach(async () => store.close());

  it('goes through export and import: agenda and meeting time, votes, skipped weeks and notices', async () => {
    await fillChannel(store, A);
    const snapshot = JSON.parse(JSON.stringify(await exportStore(store, { now: () => NOW })));
    const restored = await openStore({ memory: true });
    try {
      await importStore(restored, snapshot);
      const agenda = await new AgendaStore(restored).get(A);
      expect(agenda.cases.map((entry) => entry.text)).toEqual([CASE]);
      expect(agenda.meeting).toEqual({ cron: '0 16 * * 4', timezone: 'America/Chicago' });
      expect(await new AgendaStore(restored).channelIds()).toEqual([A]);
      expect(await loadFeedback(restored, A)).toEqual({ relevant: ['pmid:33474827'], notRelevant: [] });
      const poster = testDigestPoster({
        store: restored,
        buildDigest: async () => Promise.reject(new Error('rebuilt')),
      });
      expect(await poster.post(A, '2026-W48')).toMatchObject({ status: 'already-posted' });
      expect(await restored.namespace('living-notice').has(`${A}:pmid:9500320:retraction`)).toBe(true);
      // Thread memory expires by itself and is not part of a backup.
      expect(await new ThreadMemory(restored).turns(A, '1764000000.000100')).toEqual([]);
      expect(await exportStore(restored, { now: () => NOW })).toEqual(snapshot);
    } finally {
      await restored.close();
    }
  });

  it('still imports a version 1 file, which had no channel records', async () => {
    await store.channels.put(profile(A));
    const { channelRecords: _none, ...v1 } = {
      ...(await exportStore(store, { now: () => NOW })),
      version: 1,
    };
    const restored = await openStore({ memory: true });
    try {
      expect(await importStore(restored, v1)).toMatchObject({ channels: 1, channelRecords: 0 });
    } finally {
      await restored.close();
    }
  });

  it('is deleted whole by forgetChannel, and other channels keep theirs', async () => {
    await fillChannel(store, A);
    await fillChannel(store, B);

    expect(await forgetChannel(store, A)).toMatchObject({ digests: 2 });

    expect(await store.channels.ids()).toEqual([B]);
    expect(await store.digests.idsForChannel(A)).toEqual([]);
    expect(await store.digests.get(`${A}:2026-W47`)).toBeUndefined();
    expect(await store.digests.digestIdForThread(A, '1764000000.000100')).toBeUndefined();
    expect(await new AgendaStore(store).channelIds()).toEqual([B]);
    expect((await new AgendaStore(store).get(A)).cases).toEqual([]);
    expect(await loadFeedback(store, A)).toEqual({ relevant: [], notRelevant: [] });
    expect(await new ThreadMemory(store).turns(A, '1764000000.000100')).toEqual([]);
    const left = await exportStore(store, { now: () => NOW });
    expect(JSON.stringify(left)).not.toContain(A);
    expect(left.channelRecords?.length).toBeGreaterThan(0);
    expect(await new ThreadMemory(store).turns(B, '1764000000.000100')).toHaveLength(1);
    expect(await store.digests.digestIdForThread(B, '1764000000.000100')).toBe(`${B}:2026-W47`);
  });
});
