import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliContext } from '../../src/cli/context.js';
import { exportCommand } from '../../src/cli/export.js';
import { importCommand } from '../../src/cli/import.js';
import { InvalidInputError } from '../../src/errors.js';
import { exportStore, importStore, type StoreSnapshot } from '../../src/store/export.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { ChannelProfile, Digest, Paper } from '../../src/types.js';
import { createSummary } from '../factories/digest.js';

const REDIS_URL = process.env.TEST_REDIS_URL;
const NOW = () => new Date('2026-11-25T12:00:00.000Z');

// Real record: PMID 33474827 (Thorac Cancer 2021), copied from the PubMed fixtures.
const PAPER: Paper = {
  id: 'pmid:33474827',
  pmid: '33474827',
  doi: '10.1111/1759-7714.13823',
  title:
    'Tumor-educated platelet SNORD55 as a potential biomarker for the early diagnosis of non-small cell lung cancer.',
  abstract: [
    {
      label: 'CONCLUSIONS',
      text: 'In summary, TEP SNORD55 could potentially serve as a noninvasive biomarker for NSCLC diagnosis and early diagnosis.',
    },
  ],
  authors: [{ lastName: 'Dong', foreName: 'Xiaohan', initials: 'X' }],
  journal: 'Thoracic cancer',
  publishedDate: '2021-03',
  publicationTypes: ['Journal Article'],
  mesh: [],
  keywords: [],
  nctIds: [],
  isPreprint: false,
  retracted: false,
  notices: [],
  sources: [{ kind: 'pubmed', feedId: 'pubmed:nsclc', fetchedAt: '2026-11-24T08:00:00.000Z' }],
  ingestedAt: '2026-11-24T08:00:00.000Z',
};

function profile(channelId: string): ChannelProfile {
  return {
    channelId,
    name: `thoracic-board-${channelId}`,
    topics: [{ kind: 'text', query: 'non-small cell lung cancer' }],
    includePreprints: false,
    feeds: [
      { id: 'pubmed:nsclc', kind: 'pubmed', target: 'nsclc[tiab]', addedAt: '2026-11-01T00:00:00.000Z' },
    ],
    topN: 5,
    schedule: { cron: '0 7 * * 1', timezone: 'America/Chicago' },
    whenEmpty: 'line',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
}

function digest(channelId: string, period: string): Digest {
  return {
    id: `${channelId}:${period}`,
    channelId,
    period,
    generatedAt: '2026-11-23T13:00:00.000Z',
    intro: 'One new paper for your topics.',
    items: [
      {
        paperId: PAPER.id,
        title: PAPER.title,
        pmid: PAPER.pmid,
        summary: createSummary({
          headline: 'Platelet SNORD55 as an NSCLC biomarker',
          takeaway: PAPER.abstract[0]?.text ?? '',
          studyType: 'case-control',
        }),
        labels: [],
        score: 1,
      },
    ],
    candidateCount: 1,
  };
}

async function fillSource(store: Store): Promise<void> {
  await store.channels.put(profile('C1'));
  await store.channels.put({
    ...profile('C2'),
    paused: { reason: 'not_in_channel', since: '2026-11-20T00:00:00.000Z' },
  });
  await store.papers.put(PAPER, { pmid: PAPER.pmid });
  await store.digests.save({ digest: digest('C1', '2026-W47') });
  await store.digests.markPosted('C1:2026-W47', {
    channelId: 'C1',
    ts: '1763900000.000100',
    postedAt: '2026-11-17T13:00:05.000Z',
  });
  await store.digests.save({ digest: digest('C1', '2026-W48') });
  await store.digests.mapThread('C1', '1763990000.000200', 'C1:2026-W47');
  await store.feeds.setCursor('pubmed:nsclc', { cursor: '2026/11/24' });
  await store.feeds.setHealth({
    feedId: 'pubmed:nsclc',
    consecutiveFailures: 2,
    lastError: 'HTTP 500',
    nextAttemptAt: '2026-11-25T13:00:00.000Z',
  });
  await store.feeds.setLastIngestAt('2026-11-24T08:00:00.000Z');
}

const targets: [string, () => Promise<Store>][] = [
  ['memory', () => openStore({ memory: true })],
  ['sqlite', () => openStore({ dataDir: mkdtempSync(path.join(tmpdir(), 'tbd-import-')) })],
];
if (REDIS_URL)
  targets.push([
    'redis',
    () => openStore({ redisUrl: REDIS_URL, redisNamespace: `imp${Date.now()}${Math.random()}` }),
  ]);

describe.each(targets)('export from SQLite, import into %s', (_name, openTarget) => {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  async function roundTrip(options: { includePapers?: boolean } = {}) {
    const source = await openStore({ dataDir: mkdtempSync(path.join(tmpdir(), 'tbd-export-')) });
    const target = await openTarget();
    opened.push(source, target);
    await fillSource(source);
    const snapshot = await exportStore(source, { now: NOW, ...options });
    const file = JSON.parse(JSON.stringify(snapshot)) as unknown;
    await importStore(target, file);
    return { snapshot, target, file };
  }

  it('round-trips channel settings, digest history, thread links and feed state through JSON', async () => {
    const { snapshot, target } = await roundTrip();
    expect(await exportStore(target, { now: NOW })).toEqual(snapshot);
    expect(snapshot.channels.map((c) => c.channelId)).toEqual(['C1', 'C2']);
    expect(snapshot.digests.map((r) => [r.digest.id, r.posted?.ts])).toEqual([
      ['C1:2026-W47', '1763900000.000100'],
      ['C1:2026-W48', undefined],
    ]);
    expect(snapshot.threads).toHaveLength(2);
    expect(snapshot.feeds).toEqual([
      expect.objectContaining({ feedId: 'pubmed:nsclc', cursor: { cursor: '2026/11/24' } }),
    ]);
  });

  it('restores what the app reads at run time: threads, delivered marks, paused channels', async () => {
    const { target } = await roundTrip();
    expect(await target.digests.digestIdForThread('C1', '1763900000.000100')).toBe('C1:2026-W47');
    expect(await target.digests.digestIdForThread('C1', '1763990000.000200')).toBe('C1:2026-W47');
    expect(await target.digests.deliveredIn('C1', [PAPER.id])).toEqual([true]);
    expect((await target.channels.get('C2'))?.paused?.reason).toBe('not_in_channel');
    expect((await target.feeds.getHealth('pubmed:nsclc'))?.consecutiveFailures).toBe(2);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const { snapshot, target, file } = await roundTrip();
    await importStore(target, file);
    expect(await exportStore(target, { now: NOW })).toEqual(snapshot);
    expect(await target.digests.idsForChannel('C1')).toEqual(['C1:2026-W47', 'C1:2026-W48']);
  });

  it('carries the papers too when asked', async () => {
    const { snapshot, target } = await roundTrip({ includePapers: true });
    expect(snapshot.papers?.map((p) => p.id)).toEqual([PAPER.id]);
    expect(await target.papers.get(PAPER.id)).toEqual(PAPER);
    expect(await target.papers.findId({ doi: PAPER.doi })).toBe(PAPER.id);
  });
});

describe('import of a bad file', () => {
  it('names the problem and writes nothing', async () => {
    const store = await openStore({ memory: true });
    const bad = {
      format: 'tbdigest-export',
      version: 1,
      exportedAt: 'x',
      channels: [{ name: 'no id' }],
      digests: [],
      threads: [],
      feeds: [],
    };
    await expect(importStore(store, bad)).rejects.toThrow(InvalidInputError);
    await expect(importStore(store, bad)).rejects.toThrow(/channels\.0\.channelId/);
    await expect(importStore(store, { hello: 'world' } as unknown as StoreSnapshot)).rejects.toThrow(
      /not a tbdigest export/,
    );
    expect(await store.channels.ids()).toEqual([]);
  });
});

describe('tbdigest export / import', () => {
  function cliIo(dataDir: string, out: string[]) {
    return {
      stdout: (text: string) => out.push(text),
      stderr: (text: string) => out.push(text),
      env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      isTTY: false,
      now: NOW,
    };
  }

  it('writes a file from one data directory that restores into another', async () => {
    const from = mkdtempSync(path.join(tmpdir(), 'tbd-cli-from-'));
    const to = mkdtempSync(path.join(tmpdir(), 'tbd-cli-to-'));
    const file = path.join(from, 'backup.json');
    const source = await openStore({ dataDir: from });
    await fillSource(source);
    const expected = await exportStore(source, { now: NOW });
    await source.close();

    const out: string[] = [];
    await exportCommand.run(['--out', file], createCliContext(cliIo(from, out)));
    await importCommand.run([file], createCliContext(cliIo(to, out)));
    expect(out.at(-1)).toMatch(
      /Imported 2 channels \(\d+ channel records\), 2 digests, 2 thread links, 1 feeds/,
    );

    const target = await openStore({ dataDir: to });
    try {
      expect(await exportStore(target, { now: NOW })).toEqual(expected);
    } finally {
      await target.close();
    }
  });

  it('explains a missing or unreadable file instead of failing silently', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tbd-cli-bad-'));
    const context = createCliContext(cliIo(dir, []));
    await expect(importCommand.run([], context)).rejects.toThrow(/Name the export file/);
    await expect(importCommand.run([path.join(dir, 'missing.json')], context)).rejects.toThrow(/Cannot read/);
  });
});
