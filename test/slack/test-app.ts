import { type Config, loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import type { DigestBuilder } from '../../src/schedule/digest-poster.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { Clock } from '../../src/time.js';
import { testDigestPoster } from '../factories/poster.js';
import type { FakeSlackApi } from './fake-slack-api.js';
import { SIGNING_SECRET } from './signed-request.js';

export interface TestApp {
  eventsUrl: string;
  baseUrl: string;
  slack: SlackApp;
  deps: SlackDeps;
  store: Store;
  stop(): Promise<void>;
}

export function testConfig(fake: FakeSlackApi, env: Record<string, string> = {}): Config {
  const config = loadConfig({
    NODE_ENV: 'test',
    SLACK_BOT_TOKEN: 'xoxb-1-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...env,
  });
  config.slack.port = 0;
  return config;
}

/** A poster talking to the fake, pacing disabled so tests need not wait. */
export function testPoster(config: Config, store: Store, buildDigest: DigestBuilder, clock?: Clock) {
  return testDigestPoster({ slackApiUrl: config.slack.apiUrl, store, buildDigest, clock });
}

/** The real Bolt app with its HTTP receiver on a loopback port, Web API calls going to the fake. */
export async function startTestApp(
  fake: FakeSlackApi,
  options: {
    store?: Store;
    deps?: Partial<SlackDeps>;
    env?: Record<string, string>;
    buildDigest?: DigestBuilder;
  } = {},
): Promise<TestApp> {
  const config = testConfig(fake, options.env);
  const store = options.store ?? (await openStore({ memory: true }));
  const clock = options.deps?.clock ?? { now: () => new Date() };
  const buildDigest =
    options.buildDigest ?? (async () => Promise.reject(new Error('no digest builder in this test')));
  const deps: SlackDeps = {
    config,
    store,
    logger: silentLogger,
    clock,
    poster: testPoster(config, store, buildDigest, clock),
    schedules: { reschedule: async () => {} },
    previewDigest: (profile, now) => buildDigest(profile, `preview-${now.getTime()}`, now),
    searchPapers: async () => [],
    termCounts: { size: 0, documentFrequency: async (terms) => new Map(terms.map((term) => [term, 0])) },
    summarizePaper: async () => Promise.reject(new Error('no summarizer in this test')),
    findPaper: async () => undefined,
    probeFeed: async () => Promise.reject(new Error('no feed probe in this test')),
    ...options.deps,
  };
  const slack = createSlackApp(config, deps);
  const port = await slack.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    eventsUrl: `${baseUrl}/slack/events`,
    baseUrl,
    slack,
    deps,
    store,
    async stop() {
      await slack.stop();
      if (!options.store) await store.close();
    },
  };
}
