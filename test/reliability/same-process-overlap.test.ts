import { describe, expect, it } from 'vitest';
import { startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { createDigestScheduler } from '../../src/schedule/scheduler.js';
import { openStore } from '../../src/store/index.js';
import { testDigestPoster } from '../factories/poster.js';
import { realDigestBuilder } from '../slack/digest-fixture.js';
import { BOT_TOKEN, CHANNEL, seedDigestChannel } from './harness.js';

describe('one replica whose channel job and sweep fire in the same minute', () => {
  // The channel's 07:30 job and the */10 sweep fire together and both call poster.post; leases are
  // re-entrant for their holder, so only a token per attempt keeps the second call out.
  it('posts the digest once', async () => {
    const slack = await startFakeSlack();
    const store = await openStore({ memory: true });
    const now = new Date('2026-11-30T13:30:00.000Z');
    const clock = { now: () => now };
    try {
      await seedDigestChannel(store, now);
      const profile = await store.channels.get(CHANNEL);
      await store.channels.put({
        ...(profile as NonNullable<typeof profile>),
        schedule: { cron: '30 7 * * 1', timezone: 'America/Chicago', since: '2026-01-01T00:00:00.000Z' },
      });
      const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.url });
      const scheduler = createDigestScheduler({
        store,
        logger: silentLogger,
        clock,
        catchUpGraceHours: 24,
        poster: testDigestPoster({
          slackApiUrl: config.slack.apiUrl,
          store,
          owner: 'replica-a',
          clock,
          buildDigest: realDigestBuilder(store),
        }),
      });
      await Promise.all([scheduler.runIfDue(CHANNEL), scheduler.sweep()]);
      expect(slack.messages(CHANNEL).filter((m) => !m.thread_ts)).toHaveLength(1);
    } finally {
      await store.close();
      await slack.close();
    }
  }, 30_000);
});
