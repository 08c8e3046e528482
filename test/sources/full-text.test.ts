import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeEuropePmc, startFakeEuropePmc } from '../../bench/fakes/fake-europepmc.js';
import { type FakeEutils, startFakeEutils } from '../../bench/fakes/fake-eutils.js';
import { fullTextFixtures } from '../../bench/fakes/fixture-records.js';
import { loadConfig } from '../../src/config/index.js';
import { createFullTextFetcher } from '../../src/sources/full-text.js';
import { fetchBody } from '../../src/sources/http.js';
import { createRateLimiter } from '../../src/sources/rate-limit.js';

let eutils: FakeEutils;
let europePmc: FakeEuropePmc;

beforeAll(async () => {
  const fullTexts = fullTextFixtures();
  eutils = await startFakeEutils({ records: [], fullTexts });
  // Europe PMC has the Annals article only; PMC's service has all four.
  const annals = fullTexts.get('PMC3574550') as { xml: string };
  europePmc = await startFakeEuropePmc({ records: [], fullTexts: new Map([['PMC3574550', annals]]) });
});
afterAll(async () => {
  await eutils.close();
  await europePmc.close();
});

function fetcher(europePmcUrl = europePmc.url) {
  const config = loadConfig({
    NODE_ENV: 'test',
    NCBI_EUTILS_URL: eutils.url,
    EUROPEPMC_URL: europePmcUrl,
    ALLOW_PRIVATE_FEED_URLS: 'true',
  });
  return createFullTextFetcher({
    config,
    // One attempt: these tests are about which service answers, not about retries.
    fetchBody: (url, request) =>
      fetchBody(url, { ...request, timeoutMs: 5000, maxBytes: 5e6, allowPrivateUrls: true, maxAttempts: 1 }),
    limiter: createRateLimiter({ perSecond: 100 }),
  });
}

describe('createFullTextFetcher', () => {
  it('reads an open-access article from Europe PMC’s fullTextXML', async () => {
    const paper = await fetcher()('PMC3574550');
    expect(paper?.pmcid).toBe('PMC3574550');
    expect(paper?.fullTextSections?.some((section) => section.title === 'Results')).toBe(true);
    expect(eutils.requests).toHaveLength(0);
  });

  it('takes Europe PMC’s 404 to mean there is no open-access full text, without asking PMC', async () => {
    expect(await fetcher()('PMC2994229')).toBeUndefined();
    expect(eutils.requests).toHaveLength(0);
  });

  it('falls back to PMC’s E-utilities when Europe PMC cannot be reached', async () => {
    europePmc.failNext(503);
    const paper = await fetcher()('PMC2994229');
    expect(paper?.title).toMatch(/^Oral contraceptives, reproductive history and risk of colorectal cancer/);
    expect(eutils.requests.map((request) => request.endpoint)).toEqual(['efetch']);
  });
});
