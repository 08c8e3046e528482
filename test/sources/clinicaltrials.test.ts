import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, sendJson, startLoopbackServer } from '../../bench/fakes/loopback.js';
import { FeedError } from '../../src/errors.js';
import { findRecruitingTrials, type RecruitingTrial } from '../../src/sources/clinicaltrials.js';
import { type FetchBody, fetchBody } from '../../src/sources/http.js';
import { openStore } from '../../src/store/index.js';

// Synthetic pages in the documented API v2 shape; see test/fixtures/board/README.md.
const page = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/board/${name}`, import.meta.url), 'utf8'));
const PAGE_1 = page('ctgov-studies-page1.json');
const PAGE_2 = page('ctgov-studies-page2.json');

const loopbackFetch: FetchBody = (url, request) =>
  fetchBody(url, {
    ...request,
    timeoutMs: 5_000,
    maxBytes: 1_000_000,
    allowPrivateUrls: true,
    maxAttempts: 1,
  });

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function fakeRegistry(): Promise<{ url: string; queries: URLSearchParams[] }> {
  const queries: URLSearchParams[] = [];
  server = await startLoopbackServer((request, response) => {
    queries.push(request.query);
    if (request.path !== '/api/v2/studies') return sendJson(response, 404, {});
    sendJson(response, 200, request.query.get('pageToken') === 'SYNTHETIC-PAGE-2' ? PAGE_2 : PAGE_1);
  });
  return { url: `${server.url}/api/v2`, queries };
}

describe('findRecruitingTrials', () => {
  it('asks for recruiting studies by condition and terms and follows nextPageToken', async () => {
    const registry = await fakeRegistry();
    const trials = await findRecruitingTrials(
      { condition: 'juvenile myelomonocytic leukemia', terms: 'monosomy 7' },
      { baseUrl: registry.url, fetch: loopbackFetch },
    );
    expect(registry.queries).toHaveLength(2);
    expect(registry.queries[0]?.get('query.cond')).toBe('juvenile myelomonocytic leukemia');
    expect(registry.queries[0]?.get('query.term')).toBe('monosomy 7');
    expect(registry.queries[0]?.get('filter.overallStatus')).toBe('RECRUITING');
    expect(registry.queries[1]?.get('pageToken')).toBe('SYNTHETIC-PAGE-2');
    expect(trials.map((trial) => trial.nctId)).toEqual(['NCT99990001', 'NCT99990002', 'NCT99990003']);
    expect(trials[0]).toEqual({
      nctId: 'NCT99990001',
      title: '[SYNTHETIC TEST TRIAL] Pediatric JMML relapse after transplant',
      status: 'RECRUITING',
      phases: ['PHASE1', 'PHASE2'],
      minimumAge: '1 Month',
      maximumAge: '21 Years',
      conditions: ['Juvenile Myelomonocytic Leukemia'],
      url: 'https://clinicaltrials.gov/study/NCT99990001',
    });
    expect(trials[2]?.phases).toEqual([]);
  });

  it('answers a repeated query from the store cache without calling the registry', async () => {
    const registry = await fakeRegistry();
    const store = await openStore({ memory: true });
    const options = {
      baseUrl: registry.url,
      fetch: loopbackFetch,
      cache: store.namespace<RecruitingTrial[]>('trials'),
    };
    const first = await findRecruitingTrials({ condition: 'JMML', limit: 2 }, options);
    const second = await findRecruitingTrials({ condition: 'jmml', limit: 2 }, options);
    expect(second).toEqual(first);
    expect(registry.queries).toHaveLength(1);
  });

  it('fails with a FeedError naming the registry when the answer is not the documented shape', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, { studies: 'nope' }));
    await expect(
      findRecruitingTrials({ condition: 'AML' }, { baseUrl: server.url, fetch: loopbackFetch }),
    ).rejects.toSatisfy((error) => error instanceof FeedError && error.feedId === 'clinicaltrials.gov');
  });
});
