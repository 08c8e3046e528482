import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOME_ACTIONS, HOME_STARTER_BLOCK, renderHomeView } from '../../../src/slack/blocks/home.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { CHANNEL, NOW } from '../digest-fixture.js';
import { FakeSlackApi } from '../fake-slack-api.js';
import { blockActionBody, postToSlackEndpoint } from '../signed-request.js';
import { startTestApp, type TestApp } from '../test-app.js';

const USER = 'W111';
const FORM = { contentType: 'application/x-www-form-urlencoded' } as const;

/** The Home tab's specialty select, chosen with `channelId` picked in the channel select beside it. */
function starterChoice(specialty: string, channelId: string | null, responseUrl: string): string {
  const view = {
    type: 'home',
    state: {
      values: {
        [HOME_STARTER_BLOCK]: {
          [HOME_ACTIONS.starterChannel]: { type: 'conversations_select', selected_conversation: channelId },
        },
      },
    },
  };
  const body = new URLSearchParams(
    blockActionBody(HOME_ACTIONS.starterSpecialty, '', responseUrl, { view, container: { type: 'view' } }),
  );
  const payload = JSON.parse(body.get('payload') ?? '{}');
  payload.actions = [
    {
      type: 'static_select',
      action_id: HOME_ACTIONS.starterSpecialty,
      block_id: HOME_STARTER_BLOCK,
      selected_option: { value: specialty },
    },
  ];
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

describe('Home tab starter row', () => {
  it('offers every specialty beside a channel picker', () => {
    const view = renderHomeView([], NOW);
    const row = view.blocks.find((block) => block.block_id === HOME_STARTER_BLOCK) as {
      elements: { options?: unknown[] }[];
    };
    expect(row.elements[1]?.options).toHaveLength(10);
  });
});

describe('Home tab specialty starter', () => {
  let fake: FakeSlackApi;
  let store: Store;
  let app: TestApp;
  let rescheduled: string[];

  beforeEach(async () => {
    fake = await new FakeSlackApi(() => NOW.getTime()).start();
    fake.members.set(CHANNEL, [USER, 'UBOT']);
    store = await openStore({ memory: true });
    rescheduled = [];
    app = await startTestApp(fake, {
      store,
      deps: { clock: { now: () => NOW }, schedules: { reschedule: async (id) => void rescheduled.push(id) } },
    });
  });
  afterEach(async () => {
    await app.stop();
    await fake.stop();
    await store.close();
  });

  it('applies the chosen specialty to the picked channel in one choice and refreshes the Home tab', async () => {
    const response = await postToSlackEndpoint(
      app.eventsUrl,
      starterChoice('neuro', CHANNEL, `${fake.baseUrl}/r/1`),
      FORM,
    );
    expect(response.status).toBe(200);
    await fake.until(() => fake.callsTo('views.publish').length === 1);
    const profile = await store.channels.get(CHANNEL);
    expect(profile?.topics).toContainEqual({ kind: 'mesh', term: 'Glioma' });
    expect(profile?.feeds.map((feed) => feed.kind)).toEqual(
      expect.arrayContaining(['pubmed', 'europepmc', 'medrxiv']),
    );
    expect(rescheduled).toEqual([CHANNEL]);
    expect(JSON.stringify(fake.callsTo('views.publish')[0])).toContain('now follows Neuro-oncology');
  });

  it('asks for a channel first, and changes nothing, when none is picked', async () => {
    await postToSlackEndpoint(app.eventsUrl, starterChoice('breast', null, `${fake.baseUrl}/r/2`), FORM);
    await fake.until(() => fake.callsTo('views.publish').length === 1);
    expect(JSON.stringify(fake.callsTo('views.publish')[0])).toContain('Pick a channel first');
    expect(await store.channels.get(CHANNEL)).toBeUndefined();
  });
});
