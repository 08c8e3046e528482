import { afterEach, describe, expect, it } from 'vitest';
import type { PaperHit } from '../../src/search/paper-index.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { postToSlackEndpoint, slashCommandBody } from './signed-request.js';
import { startTestApp, type TestApp } from './test-app.js';

const FORM = 'application/x-www-form-urlencoded' as const;

describe('slash commands are acknowledged before Bolt handles them', () => {
  let fake: FakeSlackApi;
  let app: TestApp;
  afterEach(async () => {
    await app.stop();
    await fake.stop();
  });

  it('answers 200 while the search behind /lit search is still running, then answers through response_url', async () => {
    fake = await new FakeSlackApi().start();
    let finishSearch: (hits: PaperHit[]) => void = () => {};
    const searches: string[] = [];
    app = await startTestApp(fake, {
      deps: {
        searchPapers: (query) => {
          searches.push(query);
          return new Promise((resolve) => {
            finishSearch = resolve;
          });
        },
      },
    });
    const response = await postToSlackEndpoint(
      app.eventsUrl,
      slashCommandBody('search imatinib resistance', fake.responseUrl('slow')),
      { contentType: FORM },
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await expect.poll(() => searches).toEqual(['imatinib resistance']);
    expect(fake.responses).toHaveLength(0);
    finishSearch([]);
    await fake.until(() => fake.responses.length === 1);
    expect(String(fake.responses[0]?.body.text)).toContain('imatinib resistance');
  });

  it('refuses a form post whose interactive payload is not JSON with 400, after checking its signature', async () => {
    fake = await new FakeSlackApi().start();
    app = await startTestApp(fake);
    const response = await postToSlackEndpoint(app.eventsUrl, 'payload=%7Bnot-json', { contentType: FORM });
    expect(response.status).toBe(400);
  });

  it('refuses a body over Bolt’s 4 MB limit with 413', async () => {
    fake = await new FakeSlackApi().start();
    app = await startTestApp(fake);
    const body = slashCommandBody('x'.repeat(4 * 1024 * 1024), fake.responseUrl('big'));
    const response = await postToSlackEndpoint(app.eventsUrl, body, { contentType: FORM });
    expect(response.status).toBe(413);
    expect(fake.responses).toHaveLength(0);
  });
});
