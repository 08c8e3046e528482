import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoProfile, parseTopic } from '../../src/digest/profile.js';
import { selectCandidates } from '../../src/digest/select.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { ChannelProfile, Digest, Paper } from '../../src/types.js';
import { jmmlCaseReport, pubmedQaPaper } from './fixture-papers.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

let store: Store;
beforeEach(async () => {
  store = await openStore({ memory: true });
});
afterEach(async () => {
  await store.close();
});

function profile(overrides: Partial<ChannelProfile> = {}): ChannelProfile {
  return { ...demoProfile(NOW), channelId: 'C1', includePreprints: false, ...overrides };
}

async function put(...papers: Paper[]) {
  for (const paper of papers) await store.papers.put(paper, {});
}

const selectedIds = async (channel: ChannelProfile) =>
  (await selectCandidates(store, channel, { now: NOW })).map((paper) => paper.id).sort();

describe('selectCandidates', () => {
  it('takes papers ingested in the last 7 days when the channel has had no digest', async () => {
    await put(
      pubmedQaPaper('27184293', { ingestedAt: daysAgo(2) }),
      pubmedQaPaper('16392897', { ingestedAt: daysAgo(20) }),
    );
    expect(await selectedIds(profile())).toEqual(['pmid:27184293']);
  });

  it('takes papers ingested since the last digest', async () => {
    await put(
      pubmedQaPaper('27184293', { ingestedAt: daysAgo(2) }),
      pubmedQaPaper('16392897', { ingestedAt: daysAgo(12) }),
      pubmedQaPaper('15050326', { ingestedAt: daysAgo(20) }),
    );
    expect(await selectedIds(profile({ lastDigestAt: daysAgo(14) }))).toEqual([
      'pmid:16392897',
      'pmid:27184293',
    ]);
  });

  it('never offers a paper already delivered to the channel, but still to another channel', async () => {
    const delivered = pubmedQaPaper('27184293', { ingestedAt: daysAgo(1) });
    await put(delivered, pubmedQaPaper('16392897', { ingestedAt: daysAgo(1) }));
    const digest: Digest = {
      id: 'C1:2026-W48',
      channelId: 'C1',
      period: '2026-W48',
      generatedAt: NOW.toISOString(),
      intro: '',
      items: [{ paperId: delivered.id, title: delivered.title, summary: {} as never, labels: [], score: 1 }],
      candidateCount: 1,
    };
    await store.digests.save({ digest });
    await store.digests.markPosted(digest.id, { channelId: 'C1', ts: '1.1', postedAt: NOW.toISOString() });
    expect(await selectedIds(profile())).toEqual(['pmid:16392897']);
    expect(await selectedIds(profile({ channelId: 'C2' }))).toEqual(['pmid:16392897', 'pmid:27184293']);
  });

  it('reads only the weeks of the window from the week index', async () => {
    for (let week = 0; week < 30; week += 1) {
      await put(pubmedQaPaper('15050326', { id: `pmid:old-${week}`, ingestedAt: daysAgo(30 + week * 7) }));
    }
    await put(pubmedQaPaper('27184293', { ingestedAt: daysAgo(1) }));
    const reads = vi.spyOn(store.papers, 'idsInWeek');
    const getMany = vi.spyOn(store.papers, 'getMany');
    expect(await selectedIds(profile())).toEqual(['pmid:27184293']);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
    expect(getMany.mock.calls.flatMap(([ids]) => ids)).toEqual(['pmid:27184293']);
  });

  it('leaves out retracted papers and excluded journals', async () => {
    await put(
      pubmedQaPaper('27184293', { ingestedAt: daysAgo(1), retracted: true }),
      pubmedQaPaper('16392897', { ingestedAt: daysAgo(1), journal: 'Leukemia Research' }),
      pubmedQaPaper('15050326', { ingestedAt: daysAgo(1), journal: 'Blood' }),
    );
    const channel = profile({ topics: [parseTopic('lymphoma'), parseTopic('-journal:"leukemia research"')] });
    expect(await selectedIds(channel)).toEqual(['pmid:15050326']);
  });

  it('offers preprints only to channels that want them', async () => {
    await put(jmmlCaseReport({ ingestedAt: daysAgo(1), isPreprint: true }));
    expect(await selectedIds(profile())).toEqual([]);
    expect(await selectedIds(profile({ includePreprints: true }))).toEqual(['t:jmml-rapamycin-gvl']);
  });

  it('shows the published version instead of its preprint, even when the journal version is older', async () => {
    const published = pubmedQaPaper('27184293', { ingestedAt: daysAgo(40) });
    await put(
      published,
      pubmedQaPaper('16392897', {
        id: 'doi:preprint',
        isPreprint: true,
        publishedVersionId: published.id,
        ingestedAt: daysAgo(1),
      }),
    );
    expect(await selectedIds(profile({ includePreprints: true }))).toEqual(['pmid:27184293']);
  });
});

describe('selectCandidates window', () => {
  it('gives a channel paused for months the recent weeks only, not its whole backlog', async () => {
    await put(
      pubmedQaPaper('27184293', { ingestedAt: daysAgo(20) }),
      pubmedQaPaper('16392897', { ingestedAt: daysAgo(60) }),
    );
    expect(await selectedIds(profile({ lastDigestAt: daysAgo(90) }))).toEqual(['pmid:27184293']);
  });

  it('takes an explicit window start as given', async () => {
    await put(pubmedQaPaper('16392897', { ingestedAt: daysAgo(60) }));
    const papers = await selectCandidates(store, profile(), { now: NOW, since: new Date(daysAgo(61)) });
    expect(papers.map((paper) => paper.id)).toEqual(['pmid:16392897']);
  });
});
