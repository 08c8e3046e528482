import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { signedSlashCommand } from '../../bench/signed-command.js';
import { openStore } from '../../src/store/index.js';
import { BOT_TOKEN, CHANNEL, freePort, PERIOD, seedDigestChannel, spawnPoster } from './harness.js';

const SIGNING_SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const ACK_SERVER = fileURLToPath(new URL('../../bench/ack-server.ts', import.meta.url));

function expectNoSecrets(logs: string): void {
  expect(logs).not.toContain(BOT_TOKEN);
  expect(logs).not.toContain(SIGNING_SECRET);
  expect(logs).not.toMatch(/xox[abp]-/);
}

function jsonLines(logs: string): Record<string, unknown>[] {
  return logs
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('logs at trace level during a full run', () => {
  it('carry channel and digest ids but never the bot token, through a rate limit and a 503', async () => {
    const slack = await startFakeSlack();
    try {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-logs-'));
      const seeded = await openStore({ dataDir });
      await seedDigestChannel(seeded);
      await seeded.close();
      slack.inject('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 1 });
      slack.inject('chat.postMessage', { kind: 'server-error', status: 503 });

      const replica = spawnPoster({
        DATA_DIR: dataDir,
        SLACK_API_URL: slack.url,
        CHANNEL,
        PERIOD,
        LOG_LEVEL: 'trace',
      });
      expect(JSON.parse(await replica.waitFor('OUTCOME'))).toEqual({ status: 'posted' });
      await replica.exited;

      const logs = replica.stderr();
      expect(slack.calls.every((call) => call.token === BOT_TOKEN)).toBe(true);
      expectNoSecrets(logs);
      const lines = jsonLines(logs);
      expect(lines.some((line) => line.channel === CHANNEL && line.digestId === `${CHANNEL}:${PERIOD}`)).toBe(
        true,
      );
    } finally {
      await slack.close();
    }
  }, 60_000);

  it('never show the signing secret or bot token while the Slack app answers signed and forged commands', async () => {
    const slack = await startFakeSlack();
    const app = spawn(process.execPath, ['--import', 'tsx', ACK_SERVER], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        LOG_LEVEL: 'trace',
        PORT: String(await freePort()),
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        BENCH_PAPERS: '50',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    app.stderr.on('data', (chunk: Buffer) => {
      logs += chunk.toString('utf8');
    });
    try {
      const port = await readyPort(app.stdout);
      const url = `http://127.0.0.1:${port}/slack/events`;
      const command = (secret: string) =>
        signedSlashCommand({
          text: 'search neuroblastoma',
          channelId: CHANNEL,
          userId: 'U1',
          responseUrl: slack.responseUrl('r1'),
          signingSecret: secret,
        });
      const good = command(SIGNING_SECRET);
      expect((await fetch(url, { method: 'POST', headers: good.headers, body: good.body })).status).toBe(200);
      const forged = command('0000000000000000ffffffffffffffff');
      expect((await fetch(url, { method: 'POST', headers: forged.headers, body: forged.body })).status).toBe(
        401,
      );
      await waitUntil(() => slack.responses.length > 0);
    } finally {
      app.kill('SIGTERM');
      await once(app, 'exit');
      await slack.close();
    }
    expect(logs.length).toBeGreaterThan(0);
    expectNoSecrets(logs);
  }, 60_000);
});

async function readyPort(stdout: NodeJS.ReadableStream): Promise<number> {
  for await (const line of createInterface({ input: stdout })) {
    if (line.startsWith('{"port"')) return (JSON.parse(line) as { port: number }).port;
  }
  throw new Error('the Slack app exited before it was ready');
}

async function waitUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}
