import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { fetchBody } from '../../src/sources/http.js';
import { createPreprintSource, parsePreprintDetails } from '../../src/sources/preprints.js';
import { type LoopbackServer, startLoopbackServer } from './loopback-server.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/sources/preprints/${name}`, import.meta.url), 'utf8');
const BIORXIV = fixture('findpapers_biorxiv_details_sample_response.json');
const MEDRXIV = fixture('findpapers_medrxiv_details_sample_response.json');
const context = (kind: 'biorxiv' | 'medrxiv') => ({
  kind,
  feedId: `${kind}:test`,
  fetchedAt: '2026-11-25T11:00:00.000Z',
});

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('parsePreprintDetails', () => {
  it('keeps the latest version of each preprint', () => {
    const page = parsePreprintDetails(BIORXIV, context('biorxiv'));
    const raw = JSON.parse(BIORXIV).collection as Array<{ doi: string }>;
    expect(page.papers).toHaveLength(new Set(raw.map((r) => r.doi)).size);
    const twice = page.papers.find((p) => p.doi === '10.1101/008326');
    expect(twice?.url).toBe('https://www.biorxiv.org/content/10.1101/008326v4');
    expect(page).toMatchObject({ count: 100, total: 152918 });
  });

  it('links a preprint to its journal version through the published DOI', () => {
    const paper = parsePreprintDetails(BIORXIV, context('biorxiv')).papers.find(
      (p) => p.doi === '10.1101/001768',
    );
    expect(paper).toMatchObject({ isPreprint: true, journal: 'bioRxiv', category: 'systems biology' });
    expect(paper?.notices).toEqual([
      expect.objectContaining({ kind: 'published-version', doi: '10.1016/j.isci.2022.105906' }),
    ]);
    expect(paper?.authors[0]).toEqual({ lastName: 'Durrieu', initials: 'L' });
  });

  it('splits an abstract whose paragraphs start with glued headings into labelled sections', () => {
    const paper = parsePreprintDetails(MEDRXIV, context('medrxiv')).papers.find(
      (p) => p.doi === '10.1101/2019.12.31.19016279',
    );
    expect(paper?.abstract.map((s) => s.label)).toEqual(['Purpose', 'Methods', 'Results', 'Conclusion']);
    expect(paper?.abstract[2]?.text).toMatch(
      /^Among 268 participants, 76% were diagnosed at an advanced stage/,
    );
  });

  it('filters medRxiv to one subject category', () => {
    const oncology = parsePreprintDetails(MEDRXIV, context('medrxiv'), 'oncology').papers;
    expect(oncology.length).toBeGreaterThan(0);
    expect(oncology.every((p) => p.category === 'oncology' && p.journal === 'medRxiv')).toBe(true);
  });
});

describe('createPreprintSource', () => {
  it('pages the details API by cursor until the total is reached, asking for the category', async () => {
    const body = JSON.parse(MEDRXIV);
    server = await startLoopbackServer((request, response) => {
      const cursor = Number(request.url?.split('?')[0]?.split('/').at(-1));
      response.end(
        JSON.stringify({ ...body, messages: [{ ...body.messages[0], cursor, count: 100, total: 250 }] }),
      );
    });
    const config = loadConfig({ BIORXIV_URL: server.url, ALLOW_PRIVATE_FEED_URLS: 'true' });
    const source = createPreprintSource(
      { id: 'medrxiv:oncology', kind: 'medrxiv', target: 'oncology', addedAt: '2026-11-01T00:00:00Z' },
      'medrxiv',
      {
        config,
        logger: silentLogger,
        fetchBody: (url, request) =>
          fetchBody(url, { ...request, timeoutMs: 5000, maxBytes: 5e6, allowPrivateUrls: true }),
      },
    );
    const result = await source.fetch({ now: new Date('2026-11-25T11:00:00Z') });
    expect((server.requests ?? []).map((r) => r.url)).toEqual([
      '/details/medrxiv/2026-11-11/2026-11-25/0?category=oncology',
      '/details/medrxiv/2026-11-11/2026-11-25/100?category=oncology',
      '/details/medrxiv/2026-11-11/2026-11-25/200?category=oncology',
    ]);
    expect(result.papers.length).toBeGreaterThan(0);
    expect(result.papers.every((p) => p.category === 'oncology')).toBe(true);
  });
});
