import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AgendaStore } from '../src/board/agenda.js';
import { briefIdOf } from '../src/board/meeting.js';
import { createExtractiveSummarizer } from '../src/digest/extractive.js';
import { digestItemOf } from '../src/digest/item.js';
import { digestPeriod } from '../src/digest/period.js';
import { ingestPapers } from '../src/ingest/ingest.js';
import { noticesOf } from '../src/living/notices.js';
import { silentLogger } from '../src/log.js';
import { parsePubmedArticleSet } from '../src/sources/pubmed/parse-article.js';
import { openStore, type Store } from '../src/store/index.js';
import type { ChannelProfile, Paper } from '../src/types.js';
import { freePort } from './ack-latency.js';
import { ensureBuilt, imageCommand, ROOT } from './built-app.js';
import { startFakeEutils } from './fakes/fake-eutils.js';
import { type FakeSlack, startFakeSlack } from './fakes/fake-slack.js';
import { sendJson, startLoopbackServer } from './fakes/loopback.js';

/**
 * The black box for exactly-once delivery: three replicas of the built app (`node
 * dist/index.js`, the image's command, default timings) on one Redis, against a loopback fake
 * Slack, with every scheduled post of the run due at start (digests and board briefs whose
 * slot passed while the app was down, and a living notice). Faults hit posts in flight: a
 * response lost after Slack took the message, 429s, a replica killed with SIGKILL while its post
 * is on the wire (before and after Slack took it), and a replica stopped with SIGTERM while it
 * waits out a 429. A stopped or killed replica is restarted after a few seconds, as a
 * supervisor would. The run counts, per scheduled post, the messages that reached Slack.
 */

const SIGNING_SECRET = 'cccccccccccccccc0123456789abcdef';
const BOT_TOKEN = 'xoxb-fault-harness-token';
const REPLICAS = 3;
const RESTART_AFTER_MS = 3_000;
const GIVE_UP_MS = 150_000;
/** After every post is recorded, how long to keep watching for a late duplicate. */
const SETTLE_MS = 5_000;
const CASE_LINE = '18-month-old, JMML with monosomy 7, relapse 4 months after HSCT, mixed chimerism';

type Fault =
  | 'none'
  | 'lost-response'
  | '429'
  | 'sigterm-during-429'
  | 'sigkill-in-flight'
  | 'sigkill-after-accepted';

interface ExpectedPost {
  kind: 'digest' | 'brief' | 'notice';
  channelId: string;
  /** The id the message carries in its metadata (`digest_id`). */
  postId: string;
  fault: Fault;
}

export interface PostResult extends ExpectedPost {
  messages: number;
  /** Whole seconds from the replicas' start to the message reaching Slack. */
  secondsToPost?: number;
}

export interface FaultRunResult {
  ok: boolean;
  posts: PostResult[];
  duplicates: number;
  missing: number;
  maxSecondsToPost: number;
  /** Time from SIGTERM (during a 429 wait) to that replica's exit. */
  sigtermExitMs: number[];
  /** Exit codes of the replicas stopped with SIGTERM at the end. */
  finalExitCodes: (number | null)[];
  logsDir: string;
}

export async function runDeliveryFaults(
  progress: (line: string) => void = () => undefined,
): Promise<FaultRunResult> {
  ensureBuilt();
  const logsDir = mkdtempSync(path.join(tmpdir(), 'tbd-faults-'));
  const redis = await startRedis(logsDir);
  const slack = await startFakeSlack();
  const eutils = await startFakeEutils({ total: 20 });
  const registry = await startLoopbackServer((_request, response) =>
    sendJson(response, 200, { studies: [] }),
  );
  const store = await openStore({ redisUrl: redis.url });
  const replicas: Replica[] = [];
  try {
    const startedAt = Date.now();
    const expected = await seed(store, new Date());
    const faultOf = new Map(expected.map((post) => [post.channelId, post]));
    for (const post of expected) injectFault(slack, post);
    const sigtermExitMs: number[] = [];
    const env = (port: number) => ({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      REDIS_URL: redis.url,
      PORT: String(port),
      NCBI_EUTILS_URL: eutils.url,
      CLINICALTRIALS_URL: `${registry.url}/api/v2`,
      EUROPEPMC_URL: registry.url,
      BIORXIV_URL: registry.url,
      DATA_DIR: logsDir,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
    });
    const launch = async (name: string): Promise<Replica> => {
      const replica = startReplica(name, env(await freePort()), logsDir);
      replicas.push(replica);
      void replica.exited.then(() => {
        if (!replica.finalStop) setTimeout(() => void launch(`${name}+`), RESTART_AFTER_MS);
      });
      return replica;
    };

    slack.onCall = (call) => {
      const post = faultOf.get(String(call.args.channel));
      if (!post || call.method !== 'chat.postMessage') return;
      if (post.fault === 'sigterm-during-429' && call.fault === 'rate-limited') {
        setTimeout(() => void signalHolder(store, post, replicas, 'SIGTERM', sigtermExitMs), 1_000);
      }
      if (
        (post.fault === 'sigkill-in-flight' || post.fault === 'sigkill-after-accepted') &&
        call.fault === 'hang'
      ) {
        void signalHolder(store, post, replicas, 'SIGKILL');
      }
    };

    for (let i = 1; i <= REPLICAS; i++) await launch(`replica-${i}`);
    progress(`${REPLICAS} replicas started; ${expected.length} scheduled posts due, faults injected`);
    await waitUntil(() => allRecorded(store, expected), GIVE_UP_MS);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

    const finalExitCodes = await stopAll(replicas);
    const posts = expected.map((post) => resultOf(post, slack, startedAt));
    const duplicates = posts.filter((post) => post.messages > 1).length;
    const missing = posts.filter((post) => post.messages === 0).length;
    const maxSecondsToPost = Math.max(
      0,
      ...posts.map((post) => post.secondsToPost ?? Number.POSITIVE_INFINITY),
    );
    return {
      ok:
        duplicates === 0 &&
        missing === 0 &&
        maxSecondsToPost <= 60 &&
        finalExitCodes.every((code) => code === 0) &&
        sigtermExitMs.length > 0 &&
        sigtermExitMs.every((ms) => ms < 10_000),
      posts,
      duplicates,
      missing,
      maxSecondsToPost: Math.round(maxSecondsToPost * 10) / 10,
      sigtermExitMs,
      finalExitCodes,
      logsDir,
    };
  } finally {
    for (const replica of replicas) {
      replica.finalStop = true;
      if (replica.child.exitCode === null && replica.child.signalCode === null) replica.child.kill('SIGKILL');
    }
    await store.close();
    await Promise.all([slack.close(), eutils.close(), registry.close()]);
    await redis.stop();
  }
}

/** Channels, agendas and a posted digest whose paper was since retracted: every post due now. */
async function seed(store: Store, now: Date): Promise<ExpectedPost[]> {
  const fetchedAt = new Date(now.getTime() - 86_400_000);
  const papers = ['metapub_pmid_33474827.xml', 'metapub_pmid_38704912.xml'].flatMap((name) =>
    parsePubmedArticleSet(readFileSync(path.join(ROOT, 'test/fixtures/reliability', name), 'utf8'), {
      kind: 'pubmed',
      feedId: 'pubmed:cancer',
      fetchedAt: fetchedAt.toISOString(),
    }),
  );
  await ingestPapers(store, papers, { now: fetchedAt, logger: silentLogger });
  // The slot passed a minute or two ago, while the app was down.
  const slot = new Date(Math.floor((now.getTime() - 60_000) / 60_000) * 60_000);
  const daily = `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`;
  const period = digestPeriod(slot, 'UTC');
  const expected: ExpectedPost[] = [];
  const digestFaults: Fault[] = [
    'lost-response',
    'sigterm-during-429',
    'sigkill-in-flight',
    'sigkill-after-accepted',
    '429',
    'none',
  ];
  for (const [index, fault] of digestFaults.entries()) {
    const channelId = `CFAULTD${index + 1}`;
    await store.channels.put(profile(channelId, fetchedAt, { cron: daily, timezone: 'UTC' }));
    expected.push({ kind: 'digest', channelId, postId: `${channelId}:${period}`, fault });
  }

  // Briefs are due 24 h before the meeting: a meeting 24 h after the slot.
  const meetingAt = new Date(slot.getTime() + 86_400_000);
  const weekly = `${meetingAt.getUTCMinutes()} ${meetingAt.getUTCHours()} * * ${meetingAt.getUTCDay()}`;
  const agendas = new AgendaStore(store, () => new Date(now.getTime() - 600_000));
  for (const [index, fault] of (['sigkill-in-flight', 'lost-response'] as Fault[]).entries()) {
    const channelId = `CFAULTB${index + 1}`;
    await store.channels.put(profile(channelId, fetchedAt, null));
    await agendas.add(channelId, [CASE_LINE]);
    await agendas.setMeeting(channelId, { cron: weekly, timezone: 'UTC' });
    expected.push({ kind: 'brief', channelId, postId: briefIdOf(channelId, meetingAt, 'UTC'), fault });
  }

  const retracted = parsePubmedArticleSet(
    readFileSync(path.join(ROOT, 'test/fixtures/sources/pubmed/abridged_pmid_9500320_retracted.xml'), 'utf8'),
    { kind: 'pubmed', feedId: 'pubmed:cancer', fetchedAt: fetchedAt.toISOString() },
  )[0] as Paper;
  const noticeChannel = 'CFAULTN1';
  const summary = await createExtractiveSummarizer().summarize(retracted, { channelName: 'n1', topics: [] });
  await store.channels.put(profile(noticeChannel, fetchedAt, null));
  await store.papers.put(retracted, { pmid: retracted.pmid });
  const digestId = `${noticeChannel}:2026-W10`;
  await store.digests.save({
    digest: {
      id: digestId,
      channelId: noticeChannel,
      period: '2026-W10',
      generatedAt: fetchedAt.toISOString(),
      intro: '',
      items: [digestItemOf(retracted, summary, 1)],
      candidateCount: 1,
    },
  });
  await store.digests.markPosted(digestId, {
    channelId: noticeChannel,
    ts: '1772524800.000100',
    postedAt: fetchedAt.toISOString(),
  });
  const notice = noticesOf(retracted)[0];
  if (notice) {
    expected.push({
      kind: 'notice',
      channelId: noticeChannel,
      postId: `${noticeChannel}:${notice.key}`,
      fault: 'lost-response',
    });
  }
  return expected;
}

function profile(channelId: string, at: Date, schedule: ChannelProfile['schedule']): ChannelProfile {
  return {
    channelId,
    name: `fault-${channelId.toLowerCase()}`,
    topics: [{ kind: 'text', query: 'cancer' }],
    includePreprints: false,
    feeds: [],
    topN: 5,
    schedule,
    whenEmpty: 'line',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
}

function injectFault(slack: FakeSlack, post: ExpectedPost): void {
  const on = { channel: post.channelId };
  switch (post.fault) {
    case 'lost-response':
    case 'sigkill-after-accepted':
      slack.inject('chat.postMessage', { kind: 'hang', afterAccepting: true }, on);
      break;
    case 'sigkill-in-flight':
      slack.inject('chat.postMessage', { kind: 'hang' }, on);
      break;
    case '429':
      slack.inject('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 2 }, on);
      break;
    case 'sigterm-during-429':
      slack.inject('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 20 }, on);
      break;
    case 'none':
      break;
  }
}

interface Replica {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  finalStop?: boolean;
}

function startReplica(name: string, env: Record<string, string>, logsDir: string): Replica {
  const [command, ...args] = imageCommand();
  const child = spawn(command === 'node' ? process.execPath : (command as string), args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(path.join(logsDir, `${name}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { name, child, exited };
}

/** Signals the replica holding the post's claim (its pid is part of the lease token). */
async function signalHolder(
  store: Store,
  post: ExpectedPost,
  replicas: Replica[],
  signal: NodeJS.Signals,
  exitTimes?: number[],
): Promise<void> {
  const token = await store.locks.holder(`${post.kind}:${post.postId}`);
  const pid = Number(token?.split(':')[1]);
  const replica = replicas.find(
    (candidate) => candidate.child.pid === pid && candidate.child.exitCode === null,
  );
  if (!replica) return;
  const sent = performance.now();
  replica.child.kill(signal);
  if (exitTimes) void replica.exited.then(() => exitTimes.push(Math.round(performance.now() - sent)));
}

async function allRecorded(store: Store, expected: ExpectedPost[]): Promise<boolean> {
  for (const post of expected) {
    const done =
      post.kind === 'notice'
        ? await store.namespace<string>('living-notice').has(post.postId)
        : Boolean((await store.digests.get(post.postId))?.posted);
    if (!done) return false;
  }
  return true;
}

function resultOf(post: ExpectedPost, slack: FakeSlack, startedAt: number): PostResult {
  const messages = slack
    .messages(post.channelId)
    .filter(
      (message) =>
        message.metadata?.event_payload?.digest_id === post.postId &&
        (message.metadata.event_payload.part ?? 0) === 0,
    );
  // The fake stamps a message's ts with the wall-clock second it arrived.
  const arrived = messages[0] ? Number(messages[0].ts.split('.')[0]) : undefined;
  return {
    ...post,
    messages: messages.length,
    secondsToPost: arrived === undefined ? undefined : Math.max(0, arrived - Math.floor(startedAt / 1000)),
  };
}

async function stopAll(replicas: Replica[]): Promise<(number | null)[]> {
  const running = replicas.filter(
    (replica) => replica.child.exitCode === null && replica.child.signalCode === null,
  );
  for (const replica of running) {
    replica.finalStop = true;
    replica.child.kill('SIGTERM');
  }
  return Promise.all(running.map((replica) => replica.exited));
}

async function waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A Redis of its own for the run (redis-server is installed by `.ci/run`), emptied at the end. */
async function startRedis(logsDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    cwd: logsDir,
    stdio: 'ignore',
  });
  // Without redis-server the spawn fails with an 'error' event, which would end the whole bench.
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (spawnError)
      throw new Error(
        `redis-server could not start (${spawnError.message}); apt-get install -y redis-server`,
      );
    const probe = await openStore({ redisUrl: url }).catch(() => undefined);
    if (probe) {
      await probe.close();
      break;
    }
    if (Date.now() > deadline) throw new Error('redis-server did not start; is it installed?');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
