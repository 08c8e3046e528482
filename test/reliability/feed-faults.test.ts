import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../../bench/fakes/loopback.js';
import { loadConfig } from '../../src/config/index.js';
import { ingestFeeds } from '../../src/ingest/run-feeds.js';
import { silentLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { FeedSubscription } from '../../src/types.js';

/** The RSS 2.0 specification's sample feed, a real payload: 4 items, 3 of them with a title. */
const GOOD_FEED = readFileSync(
  new URL('../fixtures/reliability/nodefeedparser_rss2sample.xml', import.meta.url),
);
const MAX_BYTES = 64 * 1024;
const MINUTE = 60_000;

/** One loopback host serving a good feed and four broken ones. */
function serveFeeds(path: string, res: ServerResponse): void {
  if (path === '/good.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(GOOD_FEED);
  } else if (path === '/hung.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
  } else if (path === '/error.xml') {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal Server Error');
  } else if (path === '/malformed.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(GOOD_FEED.subarray(0, Math.floor(GOOD_FEED.length / 2)));
  } else if (path === '/huge.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let i = 0; i < 64; i++) res.write(chunk);
    res.end();
  }
}

describe('a feed run where four of five feeds are broken', () => {
  let server: LoopbackServer;
  let store: Store;
  let feeds: FeedSubscription[];
  const start = new Date('2026-11-25T06:00:00.000Z');

  beforeAll(async () => {
    server = await startLoopbackServer((request, res) => serveFeeds(request.path, res));
    store = await openStore({ memory: true });
    feeds = ['good', 'hung', 'error', 'malformed', 'huge'].map((name) => ({
      id: `rss:${name}`,
      kind: 'rss',
      target: `${server.url}/${name}.xml`,
      addedAt: start.toISOString(),
    }));
  });
  afterAll(async () => {
    await store.close();
    await server.close();
  });

  const run = (at: Date) =>
    ingestFeeds(store, feeds, {
      config: loadConfig({
        ALLOW_PRIVATE_FEED_URLS: 'true',
        FEED_TIMEOUT_MS: '1000',
        FEED_MAX_BYTES: String(MAX_BYTES),
      }),
      logger: silentLogger,
      now: () => at,
    });
  const status = (results: { feedId: string; status: string }[]) =>
    Object.fromEntries(results.map((r) => [r.feedId, r.status]));

  it('stores the good feed, records each failure in its health, and backs off before the next attempt', async () => {
    const first = await run(start);
    expect(status(first)).toEqual({
      'rss:good': 'ok',
      'rss:hung': 'failed',
      'rss:error': 'failed',
      'rss:malformed': 'failed',
      'rss:huge': 'failed',
    });
    expect(first.find((r) => r.feedId === 'rss:good')?.added).toBe(3);
    for (const name of ['hung', 'error', 'malformed', 'huge']) {
      const health = await store.feeds.getHealth(`rss:${name}`);
      expect(health?.consecutiveFailures, name).toBe(1);
      expect(health?.lastError, name).toBeTruthy();
      expect(Date.parse(health?.nextAttemptAt ?? '')).toBeGreaterThan(start.getTime());
    }
    expect((await store.feeds.getHealth('rss:good'))?.consecutiveFailures).toBe(0);
  }, 60_000);

  it('skips the broken feeds while they back off and keeps fetching the good one', async () => {
    const soon = await run(new Date(start.getTime() + MINUTE));
    expect(status(soon)['rss:good']).toBe('ok');
    expect(
      soon
        .filter((r) => r.status === 'skipped')
        .map((r) => r.feedId)
        .sort(),
    ).toEqual(['rss:error', 'rss:huge', 'rss:hung', 'rss:malformed']);
  }, 60_000);

  it('waits longer after each consecutive failure', async () => {
    const firstDelay = await backoffOf('rss:error');
    const retry = new Date(
      Date.parse((await store.feeds.getHealth('rss:error'))?.nextAttemptAt ?? '') + 1000,
    );
    expect(status(await run(retry))['rss:error']).toBe('failed');
    const health = await store.feeds.getHealth('rss:error');
    expect(health?.consecutiveFailures).toBe(2);
    expect(Date.parse(health?.nextAttemptAt ?? '') - retry.getTime()).toBeGreaterThan(firstDelay);
  }, 60_000);

  async function backoffOf(feedId: string): Promise<number> {
    const health = await store.feeds.getHealth(feedId);
    return Date.parse(health?.nextAttemptAt ?? '') - Date.parse(health?.lastErrorAt ?? '');
  }
});
