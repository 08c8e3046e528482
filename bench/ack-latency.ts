import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type FakeSlack, startFakeSlack } from './fakes/fake-slack.js';
import { METHOD_TERMS, pick, TOPIC_TERMS } from './generate/vocabulary.js';
import { signedSlashCommand } from './signed-command.js';
import { percentile, round } from './stats.js';

/** Slack shows the user an error if a slash command is not acknowledged within 3 seconds. */
export const SLACK_ACK_DEADLINE_MS = 3000;

export const SIGNING_SECRET = 'bbbbbbbbbbbbbbbb0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench-not-a-real-token';
export const APP_SERVER = fileURLToPath(new URL('./ack-server.ts', import.meta.url));
const BARE_SERVER = fileURLToPath(new URL('./bare-ack-server.ts', import.meta.url));

export interface AckFigures {
  commands: number;
  corpusPapers: number;
  ackP50Ms: number;
  ackP99Ms: number;
  /** p99 as a share of Slack's 3 s deadline (the goal is under 0.05). */
  ackP99ShareOfDeadline: number;
  /**
   * The same burst against a node:http server that answers 200 and does nothing else: what the
   * machine, the kernel and the load generator cost before the app does anything.
   */
  floorP50Ms: number;
  floorP99Ms: number;
  /** The app's p99 over that floor's. */
  ackP99OverFloor: number;
  /** The first burst after start, before anything is compiled. */
  coldAckP50Ms: number;
  coldAckP99Ms: number;
  coldAckP99ShareOfDeadline: number;
  coldFloorP99Ms: number;
  /** Search answers, over both bursts, that reached the response_url before the bench stopped waiting. */
  answered: number;
  /** From the warm burst's first request to its last answer. */
  allAnsweredMs: number;
  non200: number;
  /** Time inside `searchPapers` per command (the work that follows each acknowledgement). */
  searchP50Ms: number;
  searchP99Ms: number;
}

/**
 * Fires `commands` signed `/lit search` requests at once at the real Bolt HTTP receiver
 * (running in a child process over a synthetic corpus) and times each acknowledgement: once
 * right after start (cold: nothing compiled yet) and once more (warm: a server that has been
 * running). The goal is read on the warm burst; the cold one is reported beside it.
 */
export async function runAckBench(options: { commands: number; corpusPapers: number }): Promise<AckFigures> {
  const floor = await runServer(BARE_SERVER, options);
  const app = await runServer(APP_SERVER, options);
  const p99 = percentile(app.warm.latencies, 99);
  const coldP99 = percentile(app.cold.latencies, 99);
  const floorP99 = percentile(floor.warm.latencies, 99);
  return {
    commands: options.commands,
    corpusPapers: options.corpusPapers,
    ackP50Ms: round(percentile(app.warm.latencies, 50)),
    ackP99Ms: round(p99),
    ackP99ShareOfDeadline: round(p99 / SLACK_ACK_DEADLINE_MS, 4),
    coldAckP50Ms: round(percentile(app.cold.latencies, 50)),
    coldAckP99Ms: round(coldP99),
    coldAckP99ShareOfDeadline: round(coldP99 / SLACK_ACK_DEADLINE_MS, 4),
    floorP50Ms: round(percentile(floor.warm.latencies, 50)),
    floorP99Ms: round(floorP99),
    coldFloorP99Ms: round(percentile(floor.cold.latencies, 99)),
    ackP99OverFloor: round(p99 / floorP99),
    answered: app.cold.answered + app.warm.answered,
    allAnsweredMs: app.warm.allAnsweredMs,
    non200: app.cold.non200 + app.warm.non200,
    searchP50Ms: round(percentile(app.searchMs, 50)),
    searchP99Ms: round(percentile(app.searchMs, 99)),
  };
}

interface Burst {
  latencies: number[];
  answered: number;
  allAnsweredMs: number;
  non200: number;
}

/** Starts `script`'s server in a child process and fires a cold and then a warm burst at it. */
async function runServer(
  script: string,
  options: { commands: number; corpusPapers: number },
): Promise<{ cold: Burst; warm: Burst; searchMs: number[] }> {
  const slack = await startFakeSlack();
  const server = spawnServer(script, slack.url, options.corpusPapers, await freePort());
  try {
    const lines = createInterface({ input: server.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
    const { port, answers } = await readyServer(lines);
    const fire = (burst: number) =>
      fireBurst({ port, slack, commands: options.commands, offset: burst * options.commands, answers });
    const cold = await fire(0);
    const warm = await fire(1);
    server.kill('SIGTERM');
    return { cold, warm, searchMs: await readSearchTimes(lines) };
  } finally {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    await slack.close();
  }
}

async function fireBurst(burst: {
  port: number;
  slack: FakeSlack;
  commands: number;
  offset: number;
  answers: boolean;
}): Promise<Burst> {
  const { slack, commands, offset } = burst;
  const before = slack.responses.length;
  const start = performance.now();
  const results = await Promise.all(
    Array.from({ length: commands }, (_, i) =>
      timeCommand(
        burst.port,
        `search ${pick(TOPIC_TERMS, offset + i)} ${pick(METHOD_TERMS, offset + i)}`,
        slack.responseUrl(`r${offset + i}`),
      ),
    ),
  );
  const answered = burst.answers
    ? await waitForAnswers(() => slack.responses.length - before, commands, 120_000)
    : 0;
  return {
    latencies: results.map((r) => r.ms),
    answered,
    allAnsweredMs: round(performance.now() - start, 0),
    non200: results.filter((r) => r.status !== 200).length,
  };
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

/** The bench's app server (or the bare floor) in a child process; `env` adds settings. */
export function spawnServer(
  script: string,
  slackUrl: string,
  papers: number,
  port: number,
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackUrl,
      BENCH_PAPERS: String(papers),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

type Lines = AsyncIterator<string>;

/** The server's `{"port":…,"answers":…}` line; `answers` is false for the bare server. */
export async function readyServer(lines: Lines): Promise<{ port: number; answers: boolean }> {
  for (let line = await lines.next(); !line.done; line = await lines.next()) {
    if (line.value.startsWith('{"port"')) return JSON.parse(line.value) as { port: number; answers: boolean };
  }
  throw new Error('The benchmark server exited before it was ready');
}

async function readSearchTimes(lines: Lines): Promise<number[]> {
  for (let line = await lines.next(); !line.done; line = await lines.next()) {
    if (line.value.startsWith('{"searchMs"'))
      return (JSON.parse(line.value) as { searchMs: number[] }).searchMs;
  }
  return [];
}

function timeCommand(
  port: number,
  text: string,
  responseUrl: string,
): Promise<{ ms: number; status: number }> {
  const { body, headers } = signedSlashCommand({
    text,
    channelId: 'CBENCH000',
    userId: 'UBENCH',
    responseUrl,
    signingSecret: SIGNING_SECRET,
  });
  return new Promise((resolve, reject) => {
    let start = performance.now();
    const req = request(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ ms: performance.now() - start, status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', reject);
    // Slack's clock starts when it has sent the request; the load generator's own work before
    // that (building 200 requests in one loop) is not the app's.
    req.on('finish', () => {
      start = performance.now();
    });
    req.end(body);
  });
}

async function waitForAnswers(count: () => number, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (count() < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return count();
}
