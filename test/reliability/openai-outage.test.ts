import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi } from '../../bench/fakes/fake-openai.js';
import { type FakeSlack, startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { loadConfig } from '../../src/config/index.js';
import { buildDigest } from '../../src/digest/build.js';
import { createSummarizerFactory } from '../../src/llm/summarizer.js';
import { silentLogger } from '../../src/log.js';
import { openStore } from '../../src/store/index.js';
import { testDigestPoster } from '../factories/poster.js';
import { BOT_TOKEN, CHANNEL, DIGEST_ID, PERIOD, seedDigestChannel } from './harness.js';

describe('an OpenAI outage during a digest', () => {
  let slack: FakeSlack | undefined;
  afterEach(async () => slack?.close());

  it('falls back to extractive summaries and still posts the digest once', async () => {
    slack = await startFakeSlack();
    const openai = await startFakeOpenAi({
      respond: () => ({ kind: 'status', status: 503, message: 'The server is overloaded' }),
    });
    const store = await openStore({ memory: true });
    try {
      await seedDigestChannel(store);
      const config = loadConfig({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: slack.url,
        OPENAI_BASE_URL: openai.baseUrl,
        OPENAI_API_KEY: 'sk-test-not-a-real-key',
        LLM_TIMEOUT_MS: '2000',
      });
      const summarizers = createSummarizerFactory(config, store, silentLogger);
      const poster = testDigestPoster({
        slackApiUrl: config.slack.apiUrl,
        store,
        owner: 'replica-a',
        buildDigest: (profile, period, now) =>
          buildDigest({ store, profile, now, period, summarizer: summarizers(), logger: silentLogger }),
      });

      expect((await poster.post(CHANNEL, PERIOD)).status).toBe('posted');

      expect(openai.chatRequests().length).toBeGreaterThan(0);
      const record = await store.digests.get(DIGEST_ID);
      expect(record?.digest.items.length).toBeGreaterThan(0);
      expect(record?.digest.items.every((item) => item.summary.source === 'extractive')).toBe(true);
      expect(slack.messages(CHANNEL).filter((m) => !m.thread_ts)).toHaveLength(1);
    } finally {
      await store.close();
      await openai.close();
    }
  }, 60_000);
});
