import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LiteratureFakes, startLiteratureFakes } from '../../../bench/fakes/literature-fakes.js';
import { loadConfig } from '../../../src/config/index.js';
import { createExtractiveSummarizer } from '../../../src/digest/extractive.js';
import { silentLogger } from '../../../src/log.js';
import { createLiveServices } from '../../../src/qa/live-services.js';
import { PaperIndex } from '../../../src/search/paper-index.js';
import { createPaperLookup } from '../../../src/slack/paper-lookup.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { CHANNEL, NOW, seedPapers } from '../digest-fixture.js';
import { FakeSlackApi } from '../fake-slack-api.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { lit } from './lit-harness.js';

/** In the Europe PMC fixture (2025, Eur J Cancer Prev) and not in the PubMed fake's records. */
const EUROPE_PMC_ONLY_DOI = '10.1097/cej.0000000000000979';

let fakes: LiteratureFakes;
let fake: FakeSlackApi;
let store: Store;
let app: TestApp;

beforeAll(async () => {
  fakes = await startLiteratureFakes();
});
afterAll(async () => fakes.close());
beforeEach(async () => {
  fake = await new FakeSlackApi(() => NOW.getTime()).start();
  fake.members.set(CHANNEL, ['W111', 'UBOT']);
  store = await openStore({ memory: true });
  await seedPapers(store);
  const { env } = fakes;
  const live = createLiveServices(loadConfig({ NODE_ENV: 'test', ...env }), store, silentLogger);
  const index = await PaperIndex.load(store);
  app = await startTestApp(fake, {
    store,
    env,
    deps: {
      clock: { now: () => NOW },
      searchPapers: (query, limit) => index.search(query, { limit }),
      summarizePaper: (paper, context) => createExtractiveSummarizer().summarize(paper, context),
      findPaper: createPaperLookup({ store, live, logger: silentLogger }),
      live,
    },
  });
});
afterEach(async () => {
  await app.stop();
  await fake.stop();
  await store.close();
});

const run = async (text: string) => (await lit(app.eventsUrl, fake, text)).reply();

describe('/lit paper and /lit search beyond the store', () => {
  it('/lit paper <DOI> of a paper PubMed does not have resolves through Europe PMC and stores it', async () => {
    const reply = await run(`paper ${EUROPE_PMC_ONLY_DOI}`);
    expect(reply.text).toBe(
      'Second-hand smoke and bladder cancer risk among nonsmokers: a systematic review and a meta-analysis.',
    );
    expect(fakes.europePmc.requests.at(-1)?.query).toBe(`DOI:"${EUROPE_PMC_ONLY_DOI}"`);
    expect(await store.papers.findId({ doi: EUROPE_PMC_ONLY_DOI })).toBe('pmid:40536077');
  });

  it('names the services that could not be reached and what to try', async () => {
    fakes.eutils.inject('esearch', { kind: 'server-error', status: 400 });
    fakes.europePmc.failNext(400);
    const reply = await run('paper 10.1093/annonc/mds526');
    expect(reply.text).toBe(
      ':x: PubMed answered HTTP 400. Europe PMC answered HTTP 400. Try again in a few minutes, or open https://doi.org/10.1093/annonc/mds526 to read it there.',
    );
  });

  it('/lit search --pubmed searches PubMed now and says the papers come from there', async () => {
    const reply = await run('search --pubmed snord55 platelets');
    expect(reply.text).toBe('Papers from a PubMed search just now for “snord55 platelets”');
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain('from a PubMed search just now (not the stored papers)');
    expect(blocks).toContain('Tumor-educated platelet SNORD55');
    expect(await store.papers.get('pmid:33474827')).toBeDefined();
  });

  it('/lit search falls back to PubMed when no stored paper matches', async () => {
    const reply = await run('search telomere pancreatic');
    expect(reply.text).toBe('Papers from a PubMed search just now for “telomere pancreatic”');
    expect(JSON.stringify(reply.blocks)).toContain('Leucocyte telomere length');
  });
});
