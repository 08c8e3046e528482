import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { silentLogger } from '../../../src/log.js';
import { fetchBody } from '../../../src/sources/http.js';
import { parseEsearch } from '../../../src/sources/pubmed/esearch.js';
import { createPubmedSource } from '../../../src/sources/pubmed/source.js';
import type { RateLimiter } from '../../../src/sources/rate-limit.js';
import { type LoopbackServer, startLoopbackServer } from '../loopback-server.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/sources/pubmed/${name}`, import.meta.url), 'utf8');

describe('parseEsearch', () => {
  it('reads the JSON retmode', () => {
    const result = parseEsearch(fixture('findpapers_pubmed_esearch_response.json'), 'f');
    expect(result.count).toBe(1834);
    expect(result.ids).toHaveLength(50);
    expect(result.ids[0]).toBe('36006759');
  });

  it('reads the XML retmode, with the history server keys when present', () => {
    expect(parseEsearch(fixture('biopython_Entrez_esearch1.xml'), 'f')).toMatchObject({
      count: 63,
      retStart: 0,
    });
    const withHistory = parseEsearch(fixture('biopython_Entrez_esearch2.xml'), 'f');
    expect(withHistory).toMatchObject({
      count: 42249,
      queryKey: '1',
      webEnv: 'MCID_6927d6e7fee3e90f880ec190',
    });
    expect(withHistory.ids).toHaveLength(100);
    expect(parseEsearch(fixture('biopython_Entrez_esearch7.xml'), 'f').ids).toHaveLength(20);
    expect(parseEsearch(fixture('findpapers_pubmed-api-search.xml'), 'f')).toMatchObject({ count: 51 });
  });
});

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createPubmedSource', () => {
  it('searches the entry-date window, fetches in batches of at most 200 and sends tool/email/api_key', async () => {
    const efetch = fixture('findpapers_pubmed_efetch_response_50.xml');
    const esearch = JSON.parse(fixture('findpapers_pubmed_esearch_response.json'));
    // 250 ids: the 50 real ones of the fixture plus 200 more, so two efetch batches are needed.
    const ids = [
      ...esearch.esearchresult.idlist,
      ...Array.from({ length: 200 }, (_, i) => String(40_000_000 + i)),
    ];
    server = await startLoopbackServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.pathname.endsWith('/esearch.fcgi')) {
        response.end(JSON.stringify({ esearchresult: { count: '250', retstart: '0', idlist: ids } }));
      } else {
        response.end(efetch);
      }
    });
    const config = loadConfig({
      NCBI_EUTILS_URL: `${server.url}/eutils`,
      NCBI_EMAIL: 'board@example.org',
      NCBI_API_KEY: 'abcdef0123456789abcdef',
      ALLOW_PRIVATE_FEED_URLS: 'true',
    });
    let acquired = 0;
    const limiter: RateLimiter = { acquire: async () => void acquired++ };
    const source = createPubmedSource(
      {
        id: 'pubmed:jmml',
        kind: 'pubmed',
        target: 'juvenile myelomonocytic leukemia',
        addedAt: '2026-11-01T00:00:00Z',
      },
      {
        config,
        logger: silentLogger,
        limiter,
        fetchBody: (url, request) =>
          fetchBody(url, { ...request, timeoutMs: 5000, maxBytes: 5e6, allowPrivateUrls: true }),
      },
    );
    const now = new Date('2026-11-25T11:00:00Z');
    const result = await source.fetch({ now, cursor: { cursor: '2026-11-20T11:00:00.000Z' } });

    const urls = (server.requests ?? []).map((request) => new URL(request.url ?? '/', 'http://x'));
    const search = urls[0] as URL;
    expect(search.searchParams.get('term')).toBe('juvenile myelomonocytic leukemia');
    expect(search.searchParams.get('mindate')).toBe('2026/11/19');
    expect(search.searchParams.get('maxdate')).toBe('2026/11/25');
    expect(search.searchParams.get('datetype')).toBe('edat');
    const fetches = urls.filter((url) => url.pathname.endsWith('/efetch.fcgi'));
    expect(fetches.map((url) => url.searchParams.get('id')?.split(',').length)).toEqual([200, 50]);
    for (const url of urls) {
      expect(url.searchParams.get('tool')).toBe('tumor-board-digest');
      expect(url.searchParams.get('email')).toBe('board@example.org');
      expect(url.searchParams.get('api_key')).toBe('abcdef0123456789abcdef');
    }
    expect(acquired).toBe(3);
    expect(result.papers).toHaveLength(100);
    expect(result.cursor.cursor).toBe(now.toISOString());
  });
});
