import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ingestPapers } from '../../src/ingest/ingest.js';
import { silentLogger } from '../../src/log.js';
import { parsePubmedArticleSet } from '../../src/sources/pubmed/parse-article.js';
import type { Store } from '../../src/store/index.js';
import type { ChannelProfile } from '../../src/types.js';

export const CHANNEL = 'C0RELIAB1';
export const PERIOD = '2026-W48';
export const DIGEST_ID = `${CHANNEL}:${PERIOD}`;
export const BOT_TOKEN = 'xoxb-0000000000-reliability-secret-token';

/** Real PubMed records (NSCLC biomarker; older patients on checkpoint inhibitors). */
const FIXTURES = ['metapub_pmid_33474827.xml', 'metapub_pmid_38704912.xml'].map(
  (name) => new URL(`../fixtures/reliability/${name}`, import.meta.url),
);

/** A channel following cancer papers, and the two real papers ingested a day ago. */
export async function seedDigestChannel(store: Store, now = new Date()): Promise<void> {
  const fetchedAt = new Date(now.getTime() - 86_400_000);
  const papers = FIXTURES.flatMap((file) =>
    parsePubmedArticleSet(readFileSync(file, 'utf8'), {
      kind: 'pubmed',
      feedId: 'pubmed:cancer',
      fetchedAt: fetchedAt.toISOString(),
    }),
  );
  await ingestPapers(store, papers, { now: fetchedAt, logger: silentLogger });
  await store.channels.put(channelProfile(CHANNEL, fetchedAt));
}

export function channelProfile(channelId: string, at: Date): ChannelProfile {
  return {
    channelId,
    name: `thoracic-board-${channelId.toLowerCase()}`,
    topics: [{ kind: 'text', query: 'cancer' }],
    includePreprints: false,
    feeds: [],
    topN: 5,
    schedule: { cron: '0 7 * * 1', timezone: 'UTC' },
    whenEmpty: 'line',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
}

const POSTER_SCRIPT = fileURLToPath(new URL('./child/post-digest.ts', import.meta.url));

export interface PosterProcess {
  child: ChildProcess;
  /** Lets a replica started with WAIT_FOR_GO go ahead. */
  go(): void;
  /** Resolves with the first stdout line starting with `prefix` (without it). */
  waitFor(prefix: string): Promise<string>;
  stderr(): string;
  exited: Promise<number | null>;
}

/** Runs `child/post-digest.ts` in its own Node process: a replica of the app posting one digest. */
export function spawnPoster(env: Record<string, string>): PosterProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', POSTER_SCRIPT], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const lines: string[] = [];
  const waiters: { prefix: string; resolve: (rest: string) => void }[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (line.startsWith(waiter.prefix)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line.slice(waiter.prefix.length).trim());
      }
    }
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    go: () => child.stdin?.write('go\n'),
    stderr: () => errors,
    exited,
    waitFor(prefix) {
      const seen = lines.find((line) => line.startsWith(prefix));
      if (seen !== undefined) return Promise.resolve(seen.slice(prefix.length).trim());
      return new Promise((resolve, reject) => {
        waiters.push({ prefix, resolve });
        void exited.then((code) =>
          reject(
            new Error(`poster exited (${code}) before printing "${prefix}"; stderr:\n${errors.slice(-2000)}`),
          ),
        );
      });
    },
  };
}

/** Kills a replica the hard way, as the OOM killer or a pulled plug would. */
export async function sigkill(poster: PosterProcess): Promise<void> {
  poster.child.kill('SIGKILL');
  await poster.exited;
}

/** A port nobody listens on right now, for a Slack app whose config needs a fixed PORT. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  return typeof address === 'object' && address ? address.port : 0;
}
