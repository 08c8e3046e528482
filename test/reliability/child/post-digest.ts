import { loadConfig } from '../../../src/config/index.js';
import { ChannelPacer } from '../../../src/delivery/pacer.js';
import { buildDigest } from '../../../src/digest/build.js';
import { createExtractiveSummarizer } from '../../../src/digest/extractive.js';
import { createLogger } from '../../../src/log.js';
import type { PostOutcome } from '../../../src/schedule/digest-poster.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { testDigestPoster } from '../../factories/poster.js';

/**
 * One app replica posting one digest through the real poster, store and Slack client.
 * `CRASH_AT` makes it stop dead at a point of the run (printing `CRASH_POINT <phase>`) so
 * the test can SIGKILL it there: claimed, saved (built, not posted), posted (in Slack, not
 * recorded), recorded (recorded, channel not yet updated).
 */
const env = process.env;
const config = loadConfig(env);
const logger = createLogger({ level: config.logLevel, pretty: false });
const crashAt = env.CRASH_AT ?? '';
const store = await openStore(
  env.TEST_STORE_REDIS_URL
    ? { redisUrl: env.TEST_STORE_REDIS_URL, redisNamespace: env.TEST_STORE_NAMESPACE }
    : { dataDir: config.dataDir },
);
hookCrashPoints(store, crashAt);

const poster = testDigestPoster({
  slackApiUrl: config.slack.apiUrl,
  botToken: config.slack.botToken,
  store,
  buildDigest: (profile, period, now) =>
    buildDigest({ store, profile, now, period, summarizer: createExtractiveSummarizer(), logger }),
  logger,
  owner: `replica-${process.pid}`,
  leaseMs: Number(env.LEASE_MS ?? 60_000),
  pacer: new ChannelPacer(),
});

process.stdout.write('READY\n');
// Loaded and waiting: the test decides the moment this replica acts, whatever the start-up time.
if (env.WAIT_FOR_GO) await firstLineOfStdin();
const outcome = await postUntilSettled(
  String(env.CHANNEL),
  String(env.PERIOD),
  Number(env.RETRY_FOR_MS ?? 0),
);
process.stdout.write(`OUTCOME ${JSON.stringify({ status: outcome.status })}\n`);
await store.close();
process.exit(0);

/** Like the scheduler's catch-up: while another replica holds the claim, look again shortly. */
async function postUntilSettled(channel: string, period: string, retryForMs: number): Promise<PostOutcome> {
  const deadline = Date.now() + retryForMs;
  for (;;) {
    const outcome = await poster.post(channel, period);
    if (outcome.status !== 'claimed-elsewhere' || Date.now() > deadline) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function hookCrashPoints(target: Store, phase: string): void {
  const stopHere = async (point: string): Promise<never> => {
    process.stdout.write(`CRASH_POINT ${point}\n`);
    return new Promise<never>(() => undefined);
  };
  const acquire = target.locks.acquire.bind(target.locks);
  target.locks.acquire = async (key, owner, ttlMs) => {
    const held = await acquire(key, owner, ttlMs);
    if (held && phase === 'claimed' && key.startsWith('digest:')) await stopHere('claimed');
    return held;
  };
  const save = target.digests.save.bind(target.digests);
  target.digests.save = async (record) => {
    await save(record);
    if (phase === 'saved') await stopHere('saved');
  };
  const markPosted = target.digests.markPosted.bind(target.digests);
  target.digests.markPosted = async (id, posted) => {
    if (phase === 'posted') await stopHere('posted');
    await markPosted(id, posted);
    if (phase === 'recorded') await stopHere('recorded');
  };
}

async function firstLineOfStdin(): Promise<void> {
  await new Promise<void>((resolve) => {
    process.stdin.once('data', () => {
      process.stdin.pause();
      resolve();
    });
  });
}
