import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { createSlackApp } from '../../src/slack/app.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { postToSlackEndpoint, SIGNING_SECRET, slashCommandBody } from './signed-request.js';
import { startTestApp, type TestApp } from './test-app.js';

describe('Slack app over its HTTP receiver', () => {
  let fake: FakeSlackApi;
  let app: TestApp;
  beforeEach(async () => {
    fake = await new FakeSlackApi().start();
    app = await startTestApp(fake);
  });
  afterEach(async () => {
    await app.stop();
    await fake.stop();
  });

  it('answers a correctly signed /lit help through response_url', async () => {
    const body = slashCommandBody('help', fake.responseUrl('help'));
    const response = await postToSlackEndpoint(app.eventsUrl, body, {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(200);
    await fake.until(() => fake.responses.length === 1);
    expect(fake.responses[0]?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(fake.responses[0]?.body.text)).toContain('/lit schedule');
  });

  it('rejects a request signed with another secret with 401', async () => {
    const body = slashCommandBody('help', fake.responseUrl('x'));
    const response = await postToSlackEndpoint(app.eventsUrl, body, {
      contentType: 'application/x-www-form-urlencoded',
      secret: 'ffffffffffffffffffffffffffffffff',
    });
    expect(response.status).toBe(401);
    expect(fake.responses).toHaveLength(0);
  });

  it('rejects a correctly signed request older than five minutes with 401', async () => {
    const body = slashCommandBody('help', fake.responseUrl('x'));
    const response = await postToSlackEndpoint(app.eventsUrl, body, {
      contentType: 'application/x-www-form-urlencoded',
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(response.status).toBe(401);
  });

  it('reports store reachability and the last ingest time on GET /healthz', async () => {
    await app.store.feeds.setLastIngestAt('2026-11-30T12:00:00.000Z');
    const response = await fetch(`${app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      store: { kind: 'memory', reachable: true },
      slack: { mode: 'http' },
      lastIngestAt: '2026-11-30T12:00:00.000Z',
    });
  });
});

describe('createSlackApp', () => {
  it('fails fast with a ConfigError naming the missing token', () => {
    const config = loadConfig({ SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(() => createSlackApp(config, {} as never)).toThrowError(ConfigError);
    expect(() => createSlackApp(config, {} as never)).toThrowError(/SLACK_BOT_TOKEN/);
  });

  it('fails fast when neither a signing secret nor an app token is set', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-test' });
    expect(() => createSlackApp(config, {} as never)).toThrowError(
      /SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/,
    );
  });

  it('uses Socket Mode when an app token is set, without needing a signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-test', SLACK_APP_TOKEN: 'xapp-1-test' });
    const deps = { config, logger: silentLogger, store: {} } as never;
    expect(createSlackApp(config, deps).mode).toBe('socket');
  });

  it('refuses a malformed token at config load', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token' })).toThrowError(/xoxb-/);
  });
});
