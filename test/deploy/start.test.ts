import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuilt, startBuiltApp } from '../../bench/built-app.js';
import { FakeSlackApi } from '../slack/fake-slack-api.js';
import { SIGNING_SECRET } from '../slack/signed-request.js';

const CHILD_TIMEOUT_MS = 60_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function healthOf(port: number): Promise<Response> {
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    if (response) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the image’s start command (node dist/index.js)', () => {
  let fake: FakeSlackApi;
  beforeAll(() => ensureBuilt(), 120_000);
  beforeEach(async () => {
    fake = await new FakeSlackApi().start();
  });
  afterEach(async () => fake.stop());

  const env = async () => ({
    SLACK_BOT_TOKEN: 'xoxb-1-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tbd-start-')),
    PORT: String(await freePort()),
  });

  it(
    'serves /healthz and /metrics, ignores a second SIGTERM, and exits 0 after stopping cleanly',
    async () => {
      const settings = await env();
      const app = startBuiltApp(settings);
      const health = await healthOf(Number(settings.PORT));
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, store: { kind: 'sqlite', reachable: true } });
      const metrics = await (await fetch(`http://127.0.0.1:${settings.PORT}/metrics`)).text();
      expect(metrics).toContain('# TYPE tbd_slash_command_ack_seconds histogram');
      expect(metrics).toContain('# TYPE tbd_posts_total counter');

      app.child.kill('SIGTERM');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'refuses to start without a bot token and says which variable is missing',
    async () => {
      const { SLACK_BOT_TOKEN: _left, ...settings } = await env();
      const app = startBuiltApp(settings);
      expect(await app.exited).toBe(1);
      expect(app.stderr()).toMatch(/could not start: Cannot start the Slack app; set SLACK_BOT_TOKEN/);
    },
    CHILD_TIMEOUT_MS,
  );
});
