import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { CHANNEL, channelProfile, NOW, realDigestBuilder, seedPapers } from './digest-fixture.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { lit } from './listeners/lit-harness.js';
import { fixtureJson, postToSlackEndpoint } from './signed-request.js';
import { startTestApp, type TestApp } from './test-app.js';

/** Two app processes' worth of state: two store connections on one SQLite file, two receivers. */
describe('two app instances on one SQLite store', () => {
  let fake: FakeSlackApi;
  let stores: Store[];
  let apps: TestApp[];

  beforeEach(async () => {
    fake = await new FakeSlackApi(() => NOW.getTime()).start();
    fake.members.set(CHANNEL, ['W111']);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-replicas-'));
    stores = [await openStore({ dataDir }), await openStore({ dataDir })];
    await seedPapers(stores[0] as Store);
    await (stores[0] as Store).channels.put(channelProfile());
    apps = [];
    for (const store of stores) {
      apps.push(
        await startTestApp(fake, {
          store,
          buildDigest: realDigestBuilder(store),
          deps: { clock: { now: () => NOW } },
        }),
      );
    }
  });
  afterEach(async () => {
    for (const app of apps) await app.stop();
    for (const store of stores) await store.close();
    await fake.stop();
  });

  it('posts one digest when "/lit digest now" reaches both at once', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const sent = await Promise.all([
      lit(a.eventsUrl, fake, 'digest now'),
      lit(b.eventsUrl, fake, 'digest now'),
    ]);
    const replies = await Promise.all(sent.map((request) => request.reply()));

    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(replies.filter((reply) => reply.text.startsWith('Posted this week’s digest'))).toHaveLength(1);
  });

  it('handles an event once when Slack retries it against the other instance', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const envelope = fixtureJson<Record<string, unknown>>('boltpy_event_app_mention.json');
    envelope.event_id = 'EvReplica1';
    envelope.event = {
      type: 'app_home_opened',
      user: 'W111',
      channel: 'D111',
      tab: 'home',
      event_ts: '1595926230.009600',
    };
    const body = JSON.stringify(envelope);
    const json = { contentType: 'application/json' } as const;

    await postToSlackEndpoint(a.eventsUrl, body, json);
    await fake.until(() => fake.callsTo('views.publish').length === 1);
    await postToSlackEndpoint(b.eventsUrl, body, {
      ...json,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    const later = JSON.stringify({
      ...envelope,
      event_id: 'EvReplica2',
      event: { ...(envelope.event as object), user: 'W333' },
    });
    await postToSlackEndpoint(b.eventsUrl, later, json);
    await fake.until(() => fake.callsTo('views.publish').some((call) => call.params.user_id === 'W333'));

    expect(fake.callsTo('views.publish').filter((call) => call.params.user_id === 'W111')).toHaveLength(1);
  });
});
