import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiteratureFakes } from '../../../bench/fakes/literature-fakes.js';
import { loadConfig } from '../../../src/config/index.js';
import { silentLogger } from '../../../src/log.js';
import { createLiveServices } from '../../../src/qa/live-services.js';
import { openCorpus } from '../../qa/corpus.js';
import { FakeSlackApi } from '../fake-slack-api.js';
import { fixtureJson, postToSlackEndpoint } from '../signed-request.js';
import { startTestApp } from '../test-app.js';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

let corpus: Awaited<ReturnType<typeof openCorpus>>;
beforeAll(async () => {
  corpus = await openCorpus(40);
  closers.push(() => corpus.store.close());
});

describe('a question in Slack the stored papers cannot answer', () => {
  it('is answered in its thread from a live PubMed search, labelled as such', async () => {
    const fakes = await startLiteratureFakes();
    closers.push(fakes.close);
    const { env } = fakes;
    const live = createLiveServices(loadConfig({ NODE_ENV: 'test', ...env }), corpus.store, silentLogger);
    const fake = await new FakeSlackApi().start();
    const app = await startTestApp(fake, {
      store: corpus.store,
      env,
      deps: { searchPapers: (query, limit) => corpus.index.search(query, { limit }), live },
    });
    closers.push(fake.stop.bind(fake), app.stop);

    const body = fixtureJson<{ event: Record<string, unknown>; event_id: string }>(
      'boltpy_event_app_mention.json',
    );
    body.event = {
      ...body.event,
      text: '<@UBOT> is tumor-educated platelet SNORD55 useful for early detection of NSCLC?',
      ts: '1764000200.000100',
      event_ts: '1764000200.000100',
      channel: 'C111',
      user: 'W2001',
    };
    body.event_id = 'EvLive1';
    const response = await postToSlackEndpoint(app.eventsUrl, JSON.stringify(body), {
      contentType: 'application/json',
    });
    expect(response.status).toBe(200);
    await fake.until(() => fake.callsTo('chat.postMessage').length === 1);
    const posted = JSON.stringify(fake.callsTo('chat.postMessage')[0]?.params.blocks);
    expect(posted).toMatch(
      /From a PubMed search just now \(query: [^"]*snord55[^"]*\), not from the stored papers\./i,
    );
    expect(posted).toContain('PMID 33474827');
  });
});
