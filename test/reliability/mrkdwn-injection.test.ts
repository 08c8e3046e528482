import { describe, expect, it } from 'vitest';
import { startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { syntheticPaper } from '../../bench/generate/papers.js';
import { signedSlashCommand } from '../../bench/signed-command.js';
import { benchSlackDeps } from '../../bench/slack-deps.js';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { createSlackApp } from '../../src/slack/app.js';
import { openStore } from '../../src/store/index.js';
import { BOT_TOKEN, freePort } from './harness.js';

const SIGNING_SECRET = 'feedfacefeedfacefeedfacefeedface';
/** A feed item crafted to ping everyone, mention a user and hide a link: synthetic, not literature. */
const HOSTILE_TITLE =
  '[SYNTHETIC] <!channel> neuroblastoma update <@U0ADMIN> see <https://evil.example/x|the protocol> & <!here>';

describe('outside text in a /lit search answer', () => {
  it('reaches Slack escaped, so a feed title cannot ping the channel, mention a user or hide a link', async () => {
    const slack = await startFakeSlack();
    const store = await openStore({ memory: true });
    const paper = { ...syntheticPaper(0, { now: new Date(), perWeek: 10 }), title: HOSTILE_TITLE };
    await store.papers.put(paper, { pmid: paper.pmid });
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      PORT: String(await freePort()),
    });
    const app = createSlackApp(config, await benchSlackDeps(config, store, silentLogger));
    const port = await app.start();
    try {
      const { body, headers } = signedSlashCommand({
        text: 'search neuroblastoma',
        channelId: 'C0RELIAB1',
        userId: 'U0CLINICIAN',
        responseUrl: slack.responseUrl('search'),
        signingSecret: SIGNING_SECRET,
      });
      expect(
        (await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body })).status,
      ).toBe(200);
      for (let i = 0; i < 200 && slack.responses.length === 0; i++)
        await new Promise((r) => setTimeout(r, 25));

      const answer = JSON.stringify(slack.responses[0]?.body ?? {});
      expect(answer).toContain('neuroblastoma update');
      expect(answer).not.toMatch(/<!channel>|<!here>|<@U0ADMIN>|<https:\/\/evil\.example/);
      expect(answer).toContain('&lt;!channel&gt;');
    } finally {
      await app.stop();
      await store.close();
      await slack.close();
    }
  }, 60_000);
});
