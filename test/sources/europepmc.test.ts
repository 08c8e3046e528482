import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { FeedError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { createEuropePmcSource, parseEuropePmcSearch } from '../../src/sources/europepmc.js';
import { fetchBody } from '../../src/sources/http.js';
import { type LoopbackServer, startLoopbackServer } from './loopback-server.js';

const CONTEXT = {
  kind: 'europepmc' as const,
  feedId: 'europepmc:test',
  fetchedAt: '2026-11-25T11:00:00.000Z',
};
const page = (n: number) =>
  readFileSync(new URL(`../fixtures/sources/europepmc/search-page${n}.json`, import.meta.url), 'utf8');

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('parseEuropePmcSearch', () => {
  it('reads ids, authors, journal and the <h4> sections of a core result', () => {
    const result = parseEuropePmcSearch(page(1), CONTEXT);
    expect(result.hitCount).toBe(3);
    expect(result.nextCursorMark).toBe('AoIIQDYdKCk0MjQ1NjU=');
    const [tert] = result.papers;
    expect(tert).toMatchObject({
      id: 'pmid:27797938',
      pmid: '27797938',
      doi: '10.1136/gutjnl-2016-312510',
      pmcid: 'PMC5442267',
      url: 'https://europepmc.org/article/MED/27797938',
      isPreprint: false,
    });
    expect(tert?.abstract.map((s) => s.label)).toEqual(['Objective', 'Design', 'Results', 'Conclusions']);
    expect(tert?.authors[0]).toEqual({ lastName: 'Bao', foreName: 'Ying', initials: 'Y' });
  });

  it('reads Europe PMC’s open-access flag: which full texts may be fetched', () => {
    const core = readFileSync(
      new URL('../fixtures/sources/europepmc/pyeuropepmc_search_cancer_core.json', import.meta.url),
      'utf8',
    );
    const papers = parseEuropePmcSearch(core, CONTEXT).papers;
    expect(papers.find((p) => p.pmid === '40437959')).toMatchObject({
      pmcid: 'PMC12120539',
      openAccess: true,
    });
    expect(papers.find((p) => p.pmid === '39709208')).toMatchObject({
      pmcid: 'PMC12124214',
      openAccess: false,
    });
  });

  it('turns a response that is not a search result into a FeedError', () => {
    expect(() => parseEuropePmcSearch('<html>', CONTEXT)).toThrow(FeedError);
    expect(() => parseEuropePmcSearch('{"resultList": 3}', CONTEXT)).toThrow(/unexpected response/);
  });
});

describe('createEuropePmcSource', () => {
  it('pages with cursorMark until the cursor stops moving', async () => {
    server = await startLoopbackServer((request, response) => {
      const cursorMark = new URL(request.url ?? '/', 'http://x').searchParams.get('cursorMark');
      response.end(cursorMark === '*' ? page(1) : page(2));
    });
    const config = loadConfig({ EUROPEPMC_URL: server.url, ALLOW_PRIVATE_FEED_URLS: 'true' });
    const source = createEuropePmcSource(
      { id: 'europepmc:onc', kind: 'europepmc', target: 'cancer', addedAt: '2026-11-01T00:00:00Z' },
      {
        config,
        logger: silentLogger,
        fetchBody: (url, request) =>
          fetchBody(url, { ...request, timeoutMs: 5000, maxBytes: 5e6, allowPrivateUrls: true }),
      },
    );
    const now = new Date('2026-11-25T11:00:00Z');
    const result = await source.fetch({ now });
    expect(result.papers.map((p) => p.pmid)).toEqual(['27797938', '33474827', '38704912']);
    const queries = (server.requests ?? []).map((r) => new URL(r.url ?? '/', 'http://x').searchParams);
    expect(queries.map((q) => q.get('cursorMark'))).toEqual(['*', 'AoIIQDYdKCk0MjQ1NjU=']);
    expect(queries[0]?.get('query')).toBe('(cancer) AND FIRST_PDATE:[2026-11-11 TO 2026-11-25]');
    expect(result.cursor.cursor).toBe(now.toISOString());
  });
});
