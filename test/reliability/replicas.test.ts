import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { openStore, type StoreOptions } from '../../src/store/index.js';
import { CHANNEL, DIGEST_ID, PERIOD, seedDigestChannel, spawnPoster } from './harness.js';

const REDIS_URL = process.env.TEST_REDIS_URL;

interface Backend {
  name: string;
  options: () => StoreOptions;
  env: (options: StoreOptions) => Record<string, string>;
}

const backends: Backend[] = [
  {
    name: 'one SQLite file',
    options: () => ({ dataDir: mkdtempSync(path.join(tmpdir(), 'tbd-replicas-')) }),
    env: (options) => ({ DATA_DIR: options.dataDir ?? '' }),
  },
  {
    name: 'one Redis',
    options: () => ({ redisUrl: REDIS_URL, redisNamespace: `replicas${Date.now()}${Math.random()}` }),
    env: (options) => ({
      TEST_STORE_REDIS_URL: options.redisUrl ?? '',
      TEST_STORE_NAMESPACE: options.redisNamespace ?? '',
    }),
  },
];

describe.each(backends)('three replica processes on $name', (backend) => {
  // `.ci/run` starts redis-server and sets TEST_REDIS_URL; without it the Redis case shows as skipped.
  it.skipIf(backend.name === 'one Redis' && !REDIS_URL)(
    'post the same digest at the same moment and exactly one message reaches the channel',
    async () => {
      const slack = await startFakeSlack();
      try {
        const options = backend.options();
        const seeded = await openStore(options);
        await seedDigestChannel(seeded);
        await seeded.close();
        const env = { ...backend.env(options), SLACK_API_URL: slack.url, CHANNEL, PERIOD, WAIT_FOR_GO: '1' };

        const replicas = [spawnPoster(env), spawnPoster(env), spawnPoster(env)];
        await Promise.all(replicas.map((replica) => replica.waitFor('READY')));
        for (const replica of replicas) replica.go();
        const outcomes = await Promise.all(
          replicas.map(
            async (replica) => (JSON.parse(await replica.waitFor('OUTCOME')) as { status: string }).status,
          ),
        );
        await Promise.all(replicas.map((replica) => replica.exited));

        expect(outcomes.filter((status) => status === 'posted')).toHaveLength(1);
        expect(
          outcomes
            .filter((status) => status !== 'posted')
            .every((s) => s === 'claimed-elsewhere' || s === 'already-posted'),
        ).toBe(true);
        const posted = slack.messages(CHANNEL).filter((m) => !m.thread_ts);
        expect(posted.map((m) => m.metadata?.event_payload?.digest_id)).toEqual([DIGEST_ID]);
        const store = await openStore(options);
        try {
          expect((await store.digests.get(DIGEST_ID))?.posted?.ts).toBe(posted[0]?.ts);
        } finally {
          await store.close();
        }
      } finally {
        await slack.close();
      }
    },
    90_000,
  );
});
