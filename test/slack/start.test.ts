import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from './fake-slack-api.js';
import { SIGNING_SECRET } from './signed-request.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** A cold `tsx` start compiles the whole app; give the child process room on a busy machine. */
const CHILD_TIMEOUT_MS = 90_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm start` as a child process: node with tsx on src/index.ts. */
function startApp(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe('npm start', () => {
  let fake: FakeSlackApi;
  beforeEach(async () => {
    fake = await new FakeSlackApi().start();
  });
  afterEach(async () => fake.stop());

  it(
    'serves /healthz and exits 0 on SIGTERM after stopping cleanly',
    async () => {
      const port = await freePort();
      const app = startApp({
        SLACK_BOT_TOKEN: 'xoxb-1-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tbd-start-')),
        PORT: String(port),
      });
      let health: Response | undefined;
      while (!health) {
        health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(async () => {
          await new Promise((resolve) => setTimeout(resolve, 100));
          return undefined;
        });
      }
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, store: { kind: 'sqlite', reachable: true } });

      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    },
    CHILD_TIMEOUT_MS,
  );

  it(
    'refuses to start without a bot token and says which variable is missing',
    async () => {
      const app = startApp({
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tbd-start-')),
      });
      expect(await app.exited).toBe(1);
      expect(app.stderr()).toMatch(/could not start: Cannot start the Slack app; set SLACK_BOT_TOKEN/);
    },
    CHILD_TIMEOUT_MS,
  );
});
