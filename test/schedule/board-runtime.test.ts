import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeEutils } from '../../bench/fakes/fake-eutils.js';
import { startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { sendJson, startLoopbackServer } from '../../bench/fakes/loopback.js';
import { AgendaStore } from '../../src/board/agenda.js';
import { loadConfig } from '../../src/config/index.js';
import { createExtractiveSummarizer } from '../../src/digest/extractive.js';
import { silentLogger } from '../../src/log.js';
import { createBoardSweep } from '../../src/schedule/board-runtime.js';
import { PaperIndex } from '../../src/search/paper-index.js';
import { type FetchBody, fetchBody } from '../../src/sources/http.js';
import { createEutilsClient } from '../../src/sources/pubmed/eutils.js';
import { createRateLimiter } from '../../src/sources/rate-limit.js';
import { openStore } from '../../src/store/index.js';
import { loadFixtureCorpus } from '../board/fixture-corpus.js';
import { testDeliverer } from '../factories/poster.js';

const BRIEF_DUE = new Date('2026-12-02T22:05:00Z');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('board sweep', () => {
  it('posts a due brief with synthetic recruiting trials from the configured registry, once across replicas', async () => {
    const slack = await startFakeSlack();
    const eutils = await startFakeEutils({ total: 5 });
    const page = readFileSync(new URL('../fixtures/board/ctgov-studies-page1.json', import.meta.url), 'utf8');
    const registry = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, JSON.parse(page)),
    );
    closers.push(slack.close, eutils.close, registry.close);

    const config = loadConfig({ NCBI_EUTILS_URL: eutils.url, CLINICALTRIALS_URL: `${registry.url}/api/v2` });
    const store = await openStore({ memory: true });
    const papers = loadFixtureCorpus().slice(0, 80);
    for (const paper of papers) await store.papers.put(paper, {});
    const index = await PaperIndex.load(store);
    const agendas = new AgendaStore(store, () => new Date('2026-11-30T15:00:00Z'));
    await agendas.add('CRUNTIME1', ['18-month-old, JMML with monosomy 7, relapse 4 months after HSCT']);
    await agendas.setMeeting('CRUNTIME1', { cron: '0 16 * * 4', timezone: 'America/Chicago' });

    const fetch: FetchBody = (url, request) =>
      fetchBody(url, {
        ...request,
        timeoutMs: 5_000,
        maxBytes: 5_000_000,
        allowPrivateUrls: true,
        maxAttempts: 1,
      });
    const sweep = (owner: string) =>
      createBoardSweep({
        config,
        store,
        logger: silentLogger,
        agendas,
        deliverer: testDeliverer(store, slack.url, { owner }),
        index: () => index,
        summarizer: createExtractiveSummarizer,
        eutils: createEutilsClient({
          config,
          fetchBody: fetch,
          limiter: createRateLimiter({ perSecond: 50 }),
          feedId: 'board:pubmed',
        }),
        fetchBody: fetch,
        now: () => BRIEF_DUE,
      });

    const results = await sweep('replica-a')();
    expect(results).toEqual([
      { channelId: 'CRUNTIME1', action: 'posted', briefId: 'CRUNTIME1:board-2026-12-03' },
    ]);
    const json = JSON.stringify(slack.messages('CRUNTIME1')[0]?.blocks);
    expect(json).toContain('NCT99990001');
    expect(json).toContain('Phase 1/2 · recruiting · ages 1 Month to 21 Years');
    expect(json).not.toContain('NCT99990002');
    await sweep('replica-b')();
    expect(slack.messages('CRUNTIME1')).toHaveLength(1);
  });
});
