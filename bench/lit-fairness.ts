import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { APP_SERVER, freePort, readyServer, SIGNING_SECRET, spawnServer } from './ack-latency.js';
import { type FakeSlack, startFakeSlack } from './fakes/fake-slack.js';
import { signedSlashCommand } from './signed-command.js';
import { percentile, round } from './stats.js';

const CHANNEL = 'CBENCH000';
const ROUNDS = 5;
/** What a preview with a model configured spends waiting on it (stood in for by a fixed wait). */
const MODEL_WAIT_MS = 1_500;

export interface FairnessFigures {
  corpusPapers: number;
  previewModelWaitMs: number;
  /** LIT_CONCURRENCY=1: every /lit command in one line, as before the fair pool. */
  oneAtATime: FairnessRound;
  /** The default pool, fair between users. */
  fairPool: FairnessRound;
}

interface FairnessRound {
  litConcurrency: number;
  /** A search with nothing else running. */
  searchAloneP50Ms: number;
  /** From sending `/lit digest preview` (user A) to its answer. */
  previewP50Ms: number;
  /** From sending `/lit search …` (user B, 50 ms after A) to its answer. */
  searchP50Ms: number;
  searchMaxMs: number;
  /** Rounds in which B's search was answered before A's preview. */
  searchFirst: number;
  rounds: number;
}

/**
 * A second user's `/lit search` while another user's `/lit digest preview` runs, on the real
 * Bolt receiver over a synthetic corpus in SQLite: once with every command in one line (the old
 * single-job queue), once on the fair pool. The goal: the search answered within 1 s.
 */
export async function runFairnessBench(options: { corpusPapers: number }): Promise<FairnessFigures> {
  return {
    corpusPapers: options.corpusPapers,
    previewModelWaitMs: MODEL_WAIT_MS,
    oneAtATime: await runRound(1, options.corpusPapers),
    fairPool: await runRound(4, options.corpusPapers),
  };
}

async function runRound(litConcurrency: number, papers: number): Promise<FairnessRound> {
  const slack = await startFakeSlack();
  const server = spawnServer(APP_SERVER, slack.url, papers, await freePort(), {
    BENCH_PREVIEW_CHANNEL: CHANNEL,
    // Production stores do real I/O between reads; the in-memory one never lets the loop turn.
    BENCH_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tbd-fairness-')),
    LIT_CONCURRENCY: String(litConcurrency),
    BENCH_PREVIEW_MODEL_WAIT_MS: String(MODEL_WAIT_MS),
  });
  try {
    const lines = createInterface({ input: server.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
    const { port } = await readyServer(lines);
    // Warm: the index is loaded and each path has run once; these alone are the search baseline.
    const alone: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      alone.push(
        (await answerTime(slack, port, 'search relapse transplant', 'U_SEARCH', `alone${round}`)).ms,
      );
    }
    await answerTime(slack, port, 'digest preview', 'U_PREVIEW', 'warm-preview');
    const preview: number[] = [];
    const search: number[] = [];
    let searchFirst = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const a = answerTime(slack, port, 'digest preview', 'U_PREVIEW', `preview${round}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const b = answerTime(slack, port, 'search relapse transplant', 'U_SEARCH', `search${round}`);
      const [previewMs, searchMs] = await Promise.all([a, b]);
      preview.push(previewMs.ms);
      search.push(searchMs.ms);
      if (searchMs.at < previewMs.at) searchFirst++;
    }
    return {
      litConcurrency,
      searchAloneP50Ms: round(percentile(alone, 50)),
      previewP50Ms: round(percentile(preview, 50)),
      searchP50Ms: round(percentile(search, 50)),
      searchMaxMs: round(Math.max(...search)),
      searchFirst,
      rounds: ROUNDS,
    };
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
    await slack.close();
  }
}

/** Sends one signed command and resolves when its answer reaches the response_url. */
async function answerTime(
  slack: FakeSlack,
  port: number,
  text: string,
  userId: string,
  id: string,
): Promise<{ ms: number; at: number }> {
  const { body, headers } = signedSlashCommand({
    text,
    channelId: CHANNEL,
    userId,
    responseUrl: slack.responseUrl(id),
    signingSecret: SIGNING_SECRET,
  });
  const sent = performance.now();
  await new Promise<void>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers },
      (res) => {
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = slack.responses.find((response) => response.id === id);
    if (answer) return { ms: answer.at - sent, at: answer.at };
    if (Date.now() > deadline) throw new Error(`no answer to "/lit ${text}" within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
