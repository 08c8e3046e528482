import { describe, expect, it } from 'vitest';
import { startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { signedSlashCommand } from '../../bench/signed-command.js';
import { benchSlackDeps } from '../../bench/slack-deps.js';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { createSlackApp } from '../../src/slack/app.js';
import { openStore } from '../../src/store/index.js';
import { BOT_TOKEN, CHANNEL, channelProfile, freePort, PERIOD, seedDigestChannel } from './harness.js';

const SIGNING_SECRET = 'abcdefabcdefabcdefabcdefabcdef12';
const REMOVED = 'C0REMOVED1';

describe('the app removed from one channel', () => {
  it('pauses that channel, keeps posting elsewhere, and tells the next /lit user there why', async () => {
    const slack = await startFakeSlack();
    const store = await openStore({ memory: true });
    await seedDigestChannel(store);
    await store.channels.put(channelProfile(REMOVED, new Date()));
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      PORT: String(await freePort()),
    });
    const deps = await benchSlackDeps(config, store, silentLogger);
    const app = createSlackApp(config, deps);
    const port = await app.start();
    try {
      slack.inject(
        'chat.postMessage',
        { kind: 'error', error: 'not_in_channel' },
        { channel: REMOVED, times: 10 },
      );
      const [removed, kept] = await Promise.all([
        deps.poster.post(REMOVED, PERIOD),
        deps.poster.post(CHANNEL, PERIOD),
      ]);
      expect(removed.status).toBe('paused');
      expect(kept.status).toBe('posted');
      expect((await store.channels.get(REMOVED))?.paused?.reason).toBe('not_in_channel');
      expect(slack.messages().map((m) => m.channel)).toEqual([CHANNEL]);

      const { body, headers } = signedSlashCommand({
        text: 'search cancer',
        channelId: REMOVED,
        userId: 'U0CLINICIAN',
        responseUrl: slack.responseUrl('after-pause'),
        signingSecret: SIGNING_SECRET,
      });
      await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
      for (let i = 0; i < 200 && slack.responses.length === 0; i++)
        await new Promise((r) => setTimeout(r, 25));
      expect(String(slack.responses[0]?.body.text)).toMatch(/paused.*not_in_channel/);

      expect((await deps.poster.post(REMOVED, '2026-W49')).status).toBe('paused');
      expect(slack.callsTo('chat.postMessage').filter((call) => call.args.channel === REMOVED)).toHaveLength(
        1,
      );
    } finally {
      await app.stop();
      await store.close();
      await slack.close();
    }
  }, 60_000);
});
