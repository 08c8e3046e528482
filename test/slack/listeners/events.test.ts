import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ignoreBotMessages } from '../../../src/slack/middleware/ignore-bot-messages.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { CHANNEL, channelProfile, NOW } from '../digest-fixture.js';
import { FakeSlackApi } from '../fake-slack-api.js';
import { fixtureJson, postToSlackEndpoint } from '../signed-request.js';
import { startTestApp, type TestApp } from '../test-app.js';

const USER = 'W222';

/** The app_mention fixture's envelope carrying an app_home_opened event instead. */
function homeOpenedBody(eventId: string, user = USER): string {
  const envelope = fixtureJson<Record<string, unknown>>('boltpy_event_app_mention.json');
  envelope.event_id = eventId;
  envelope.event = {
    type: 'app_home_opened',
    user,
    channel: 'D111',
    tab: 'home',
    event_ts: '1595926230.009600',
  };
  return JSON.stringify(envelope);
}

describe('Events API', () => {
  let fake: FakeSlackApi;
  let store: Store;
  let app: TestApp;
  beforeEach(async () => {
    fake = await new FakeSlackApi(() => NOW.getTime()).start();
    store = await openStore({ memory: true });
    app = await startTestApp(fake, { store, deps: { clock: { now: () => NOW } } });
  });
  afterEach(async () => {
    await app.stop();
    await fake.stop();
    await store.close();
  });

  const send = (body: string, headers: Record<string, string> = {}) =>
    postToSlackEndpoint(app.eventsUrl, body, { contentType: 'application/json', headers });

  it('handles an event once when Slack retries it with X-Slack-Retry-Num', async () => {
    expect((await send(homeOpenedBody('Ev0001'))).status).toBe(200);
    await fake.until(() => fake.callsTo('views.publish').length === 1);
    expect(
      (
        await send(homeOpenedBody('Ev0001'), {
          'x-slack-retry-num': '1',
          'x-slack-retry-reason': 'http_timeout',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send(homeOpenedBody('Ev0001'), {
          'x-slack-retry-num': '2',
          'x-slack-retry-reason': 'http_timeout',
        })
      ).status,
    ).toBe(200);
    // A later event from someone else: once it is handled, the retries before it were too.
    expect((await send(homeOpenedBody('Ev0002', 'W333'))).status).toBe(200);
    await fake.until(() => fake.callsTo('views.publish').some((call) => call.params.user_id === 'W333'));
    expect(fake.callsTo('views.publish').filter((call) => call.params.user_id === USER)).toHaveLength(1);
  });

  it('shows the user’s channels on the Home tab with topics, schedule, next run, last digest and feed health', async () => {
    fake.members.set(CHANNEL, [USER]);
    fake.members.set('C999', ['USOMEONE']);
    const ts = fake.addMessage(CHANNEL, { text: 'digest' });
    await store.digests.save({
      digest: {
        id: `${CHANNEL}:2026-W48`,
        channelId: CHANNEL,
        period: '2026-W48',
        generatedAt: NOW.toISOString(),
        intro: '',
        items: [],
        candidateCount: 0,
      },
    });
    await store.digests.markPosted(`${CHANNEL}:2026-W48`, {
      channelId: CHANNEL,
      ts,
      postedAt: '2026-11-23T13:30:00.000Z',
    });
    const feed = {
      id: 'rss:https://example.org/a.xml',
      kind: 'rss' as const,
      target: 'https://example.org/a.xml',
      addedAt: NOW.toISOString(),
    };
    await store.channels.put(
      channelProfile({
        feeds: [feed],
        lastDigestId: `${CHANNEL}:2026-W48`,
        lastDigestAt: '2026-11-23T13:30:00.000Z',
      }),
    );
    await store.feeds.setHealth({
      feedId: feed.id,
      lastErrorAt: NOW.toISOString(),
      lastError: 'HTTP 404',
      consecutiveFailures: 1,
    });
    await store.channels.put(channelProfile({ channelId: 'C999', name: 'other-board' }));

    await send(homeOpenedBody('Ev0003'));
    await fake.until(() => fake.callsTo('views.publish').length === 1);
    const params = fake.callsTo('views.publish')[0]?.params ?? {};
    const view = JSON.stringify(params.view);
    expect(params.user_id).toBe(USER);
    expect(view).toContain(`<#${CHANNEL}>`);
    expect(view).not.toContain('<#C999>');
    expect(view).toContain('natural language processing');
    expect(view).toContain('Mondays at 07:30 (America/Chicago) · next: Mon, Dec 7, 07:30');
    expect(view).toContain(`/archives/${CHANNEL}/p${ts.replace('.', '')}|last digest 2026-11-23`);
    expect(view).toContain('1 feeds, :warning: 1 failing');
    expect(view).toContain('home_edit_topics');
    expect(view).toContain('home_edit_schedule');
  });
  it('keeps the channels’ data when only user tokens are revoked, and deletes it when the bot token is', async () => {
    await store.channels.put(channelProfile());
    const revoked = (eventId: string, tokens: Record<string, string[]>) => {
      const envelope = fixtureJson<Record<string, unknown>>('boltpy_event_app_mention.json');
      envelope.event_id = eventId;
      envelope.event = { type: 'tokens_revoked', tokens, event_ts: '1764500000.000200' };
      return send(JSON.stringify(envelope));
    };
    expect((await revoked('Ev0USERTOKEN', { oauth: ['W123'] })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await store.channels.ids()).toEqual([CHANNEL]);
    expect((await revoked('Ev0BOTTOKEN', { bot: ['UBOT'] })).status).toBe(200);
    for (let i = 0; i < 100 && (await store.channels.ids()).length > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.channels.ids()).toEqual([]);
  });

  it('deletes what it stored for the workspace when the app is uninstalled', async () => {
    await store.channels.put(channelProfile());
    await store.channels.put(channelProfile({ channelId: 'C222', name: 'neuro-onc-board' }));
    const envelope = fixtureJson<Record<string, unknown>>('boltpy_event_app_mention.json');
    envelope.event_id = 'Ev0UNINSTALL';
    envelope.event = { type: 'app_uninstalled', event_ts: '1764500000.000100' };
    expect((await send(JSON.stringify(envelope))).status).toBe(200);
    for (let i = 0; i < 100 && (await store.channels.ids()).length > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.channels.ids()).toEqual([]);
    expect(await store.channels.get(CHANNEL)).toBeUndefined();
  });
});

describe('ignoreBotMessages', () => {
  const run = async (event: Record<string, unknown>) => {
    let passed = false;
    const next = async () => {
      passed = true;
    };
    await ignoreBotMessages({ body: { event }, next } as never);
    return passed;
  };

  it('drops messages written by bots, including this app, and lets people through', async () => {
    const human = fixtureJson<{ event: Record<string, unknown> }>('boltpy_event_message.json').event;
    expect(await run(human)).toBe(true);
    expect(await run({ ...human, bot_id: 'B123' })).toBe(false);
    expect(await run({ ...human, subtype: 'bot_message' })).toBe(false);
    expect(await run({ type: 'app_home_opened', user: 'W1' })).toBe(true);
  });
});
