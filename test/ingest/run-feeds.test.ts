import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { FeedError } from '../../src/errors.js';
import { failureHealth, ingestFeeds } from '../../src/ingest/run-feeds.js';
import { fetchBody } from '../../src/sources/http.js';
import { parsePubmedArticleSet } from '../../src/sources/pubmed/parse-article.js';
import { openStore } from '../../src/store/index.js';
import type { FeedSubscription, Paper } from '../../src/types.js';
import { type LoopbackServer, startLoopbackServer } from '../sources/loopback-server.js';

const GOOD_FEED = readFileSync(new URL('../../fixtures/feeds/pubmed-oncology.rss', import.meta.url));
const NOT_A_FEED = readFileSync(
  new URL('../fixtures/sources/feeds/nodefeedparser_notafeed.html', import.meta.url),
);
const BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<rss version="2.0"><channel><title>&lol5;</title><item><title>&lol5;</title></item></channel></rss>`;
const NOW = new Date('2026-11-25T11:00:00Z');

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function badFeedServer(): Promise<LoopbackServer> {
  let flakyCalls = 0;
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  return startLoopbackServer((request, response) => {
    switch (request.url) {
      case '/good':
        response.end(GOOD_FEED);
        return;
      case '/flaky':
        flakyCalls++;
        response.writeHead(flakyCalls === 1 ? 500 : 200);
        response.end(flakyCalls === 1 ? 'temporarily broken' : GOOD_FEED);
        return;
      case '/bomb':
        response.end(BOMB);
        return;
      case '/huge': {
        let sent = 0;
        const pump = () => {
          while (sent < 50 && response.write(chunk)) sent++;
          if (sent >= 50) response.end();
          else response.once('drain', pump);
        };
        pump();
        return;
      }
      case '/hang':
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.write('<?xml version="1.0"?><rss version="2.0"><channel>');
        return;
      case '/html':
        response.end(NOT_A_FEED);
        return;
      case '/malformed':
        response.end('<rss version="2.0"><channel><title>Half a feed</title><item><title>cut');
        return;
      case '/redirect-private':
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        response.end();
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  });
}

function subscription(id: string, url: string): FeedSubscription {
  return { id, kind: 'rss', target: url, addedAt: '2026-11-01T00:00:00Z' };
}

describe('ingestFeeds', () => {
  it('isolates every bad feed with a clear error naming it, and stores the good ones', async () => {
    server = await badFeedServer();
    const store = await openStore({ memory: true });
    const earlier: Paper = {
      id: 'pmid:32160763',
      pmid: '32160763',
      title: 'The London Patient.',
      abstract: [],
      authors: [{ lastName: 'Brown', foreName: 'Timothy Ray', initials: 'TR' }],
      publicationTypes: ['Journal Article', 'Personal Narrative'],
      mesh: [],
      keywords: [],
      nctIds: [],
      isPreprint: false,
      retracted: false,
      notices: [],
      sources: [{ kind: 'pubmed', feedId: 'pubmed:earlier', fetchedAt: '2026-11-20T00:00:00.000Z' }],
      ingestedAt: '2026-11-20T00:00:00.000Z',
    };
    await store.papers.put(earlier, { pmid: earlier.pmid });
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const config = loadConfig({ ALLOW_PRIVATE_FEED_URLS: 'true' });
    const feeds = ['good', 'flaky', 'bomb', 'huge', 'hang', 'html', 'malformed', 'redirect-private'].map(
      (name) => subscription(`rss:${name}`, `${server?.url}/${name}`),
    );

    const results = await ingestFeeds(store, feeds, {
      config,
      logger,
      now: () => NOW,
      concurrency: 3,
      fetchBody: (url, request) =>
        fetchBody(url, {
          ...request,
          timeoutMs: 2000,
          maxBytes: 5 * 1024 * 1024,
          allowPrivateUrls: true,
          sleep: async () => {},
        }),
    });

    const byId = Object.fromEntries(results.map((result) => [result.feedId, result]));
    // Both feeds carry the same three papers: whichever is stored first adds them, the other merges.
    expect([byId['rss:good']?.status, byId['rss:flaky']?.status]).toEqual(['ok', 'ok']);
    expect((byId['rss:good']?.added ?? 0) + (byId['rss:flaky']?.added ?? 0)).toBe(3);
    expect((byId['rss:good']?.merged ?? 0) + (byId['rss:flaky']?.merged ?? 0)).toBe(3);
    expect(byId['rss:bomb']?.error).toBe(
      'Feed rss:bomb declares its own XML entities, which is not allowed; it was refused.',
    );
    expect(byId['rss:huge']?.error).toBe('Feed rss:huge sent more than 5 MB; the response was refused.');
    expect(byId['rss:hang']?.error).toBe('Feed rss:hang did not respond within 2 s.');
    expect(byId['rss:html']?.error).toBe('Feed rss:html is a web page, not a feed (RSS, Atom or RDF).');
    expect(byId['rss:malformed']?.error).toBe(
      'Feed rss:malformed sent malformed XML; no items could be read.',
    );
    expect(byId['rss:redirect-private']?.error).toBe(
      'Feed rss:redirect-private points to a private or local network address, which is not allowed.',
    );

    expect(await store.papers.get('pmid:32160763')).toEqual(earlier);
    const shared = await store.papers.get('pmid:27797938');
    expect(shared?.sources.map((source) => source.feedId).sort()).toEqual(['rss:flaky', 'rss:good']);
    for (const name of ['bomb', 'huge', 'hang', 'html', 'malformed', 'redirect-private']) {
      const health = await store.feeds.getHealth(`rss:${name}`);
      expect(health).toMatchObject({ consecutiveFailures: 1, lastErrorAt: NOW.toISOString() });
      expect(Date.parse(health?.nextAttemptAt ?? '')).toBeGreaterThan(NOW.getTime());
      expect(await store.feeds.getCursor(`rss:${name}`)).toBeUndefined();
      expect(lines.some((line) => line.includes(`"feed":"rss:${name}"`) && line.includes('"level":50'))).toBe(
        true,
      );
    }
    expect(await store.feeds.getHealth('rss:good')).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: NOW.toISOString(),
      lastItemCount: 3,
    });
    expect(await store.feeds.lastIngestAt()).toBe(NOW.toISOString());
  });

  it('saves validators after a successful store write and reports a 304 as unchanged', async () => {
    server = await startLoopbackServer((request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304);
        response.end();
        return;
      }
      response.writeHead(200, { etag: '"v1"' });
      response.end(GOOD_FEED);
    });
    const store = await openStore({ memory: true });
    const config = loadConfig({ ALLOW_PRIVATE_FEED_URLS: 'true' });
    const feeds = [subscription('rss:onc', `${server.url}/feed`)];
    const deps = { config, logger: pino({ level: 'silent' }), now: () => NOW };
    expect((await ingestFeeds(store, feeds, deps))[0]).toMatchObject({ status: 'ok', added: 3 });
    expect(await store.feeds.getCursor('rss:onc')).toMatchObject({ etag: '"v1"' });
    expect((await ingestFeeds(store, feeds, deps))[0]).toMatchObject({ status: 'unchanged', added: 0 });
  });

  it('skips a feed that is backing off and keeps its cursor untouched when the store write fails', async () => {
    const store = await openStore({ memory: true });
    await store.feeds.setHealth({
      feedId: 'rss:later',
      consecutiveFailures: 2,
      nextAttemptAt: '2026-11-25T12:00:00.000Z',
    });
    await store.feeds.setCursor('rss:broken-store', { etag: '"old"' });
    const deps = {
      config: loadConfig({}),
      logger: pino({ level: 'silent' }),
      now: () => NOW,
      createSource: (sub: FeedSubscription) => ({
        id: sub.id,
        kind: sub.kind,
        fetch: async () => ({ papers: [{ broken: true } as unknown as Paper], cursor: { etag: '"new"' } }),
      }),
    };
    const results = await ingestFeeds(
      store,
      [subscription('rss:later', 'x'), subscription('rss:broken-store', 'y')],
      deps,
    );
    expect(results[0]).toMatchObject({ status: 'skipped' });
    expect(results[1]).toMatchObject({ status: 'failed' });
    expect(await store.feeds.getCursor('rss:broken-store')).toEqual({ etag: '"old"' });
  });
});

describe('ingestFeeds with overlapping feeds', () => {
  it('keeps one record per PMID, naming every feed, when feeds carrying the same papers finish together', async () => {
    const xml = readFileSync(
      new URL('../fixtures/sources/pubmed/findpapers_pubmed_efetch_response_50.xml', import.meta.url),
      'utf8',
    );
    const store = await openStore({ memory: true });
    const feeds = ['pubmed:braf', 'pubmed:melanoma', 'pubmed:targeted', 'pubmed:trials'];
    let fetching = 0;
    let released: () => void = () => {};
    const allFetching = new Promise<void>((resolve) => {
      released = resolve;
    });
    const results = await ingestFeeds(
      store,
      feeds.map((id) => ({ id, kind: 'pubmed', target: id, addedAt: '2026-11-01T00:00:00Z' })),
      {
        config: loadConfig({}),
        logger: pino({ level: 'silent' }),
        now: () => NOW,
        concurrency: feeds.length,
        // Every feed returns the same real records at the same moment, so their stores overlap.
        createSource: (sub: FeedSubscription) => ({
          id: sub.id,
          kind: sub.kind,
          fetch: async () => {
            if (++fetching === feeds.length) released();
            await allFetching;
            const papers = parsePubmedArticleSet(xml, {
              kind: 'pubmed',
              feedId: sub.id,
              fetchedAt: NOW.toISOString(),
            });
            return { papers, cursor: {} };
          },
        }),
      },
    );
    const papers = parsePubmedArticleSet(xml, { kind: 'pubmed', feedId: 'x', fetchedAt: NOW.toISOString() });
    expect(results.every((result) => result.status === 'ok')).toBe(true);
    expect(results.reduce((sum, result) => sum + result.added, 0)).toBe(papers.length);
    const ids = await store.papers.idsInWeek('2026-W48');
    expect(ids).toHaveLength(papers.length);
    for (const { pmid } of papers) {
      expect(await store.papers.findId({ pmid })).toBe(`pmid:${pmid}`);
    }
    for (const stored of await store.papers.getMany(ids)) {
      expect(stored.sources.map((source) => source.feedId).sort()).toEqual([...feeds].sort());
    }
  });
});

describe('failureHealth', () => {
  it('doubles the wait after each failure and waits a day after a permanent one', () => {
    const at = new Date('2026-11-25T00:00:00Z');
    const first = failureHealth({ feedId: 'f', consecutiveFailures: 0 }, new FeedError('f', 'down'), at);
    const third = failureHealth({ feedId: 'f', consecutiveFailures: 2 }, new FeedError('f', 'down'), at);
    const permanent = failureHealth(
      { feedId: 'f', consecutiveFailures: 0 },
      new FeedError('f', 'not a feed', { retryable: false }),
      at,
    );
    expect(first.nextAttemptAt).toBe('2026-11-25T00:05:00.000Z');
    expect(third.nextAttemptAt).toBe('2026-11-25T00:20:00.000Z');
    expect(permanent.nextAttemptAt).toBe('2026-11-26T00:00:00.000Z');
    expect(third).toMatchObject({ consecutiveFailures: 3, lastError: 'down' });
  });
});
