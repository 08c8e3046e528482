import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFeedback } from '../../../src/digest/feedback.js';
import { openStore, type Store } from '../../../src/store/index.js';
import type { Paper } from '../../../src/types.js';
import { CHANNEL, channelProfile, NOW, seedPapers } from '../digest-fixture.js';
import { FakeSlackApi } from '../fake-slack-api.js';
import { blockActionBody, postToSlackEndpoint } from '../signed-request.js';
import { startTestApp, type TestApp } from '../test-app.js';

const USER = 'W111';
const FORM = { contentType: 'application/x-www-form-urlencoded' } as const;
const IN_CHANNEL = { type: 'message', message_ts: '111.222', channel_id: CHANNEL, is_ephemeral: false };

describe('interactivity', () => {
  let fake: FakeSlackApi;
  let store: Store;
  let app: TestApp;
  let paper: Paper;
  let presses = 0;
  let rescheduled: string[];
  beforeEach(async () => {
    fake = await new FakeSlackApi(() => NOW.getTime()).start();
    fake.members.set(CHANNEL, [USER]);
    store = await openStore({ memory: true });
    [paper] = (await seedPapers(store)) as [Paper];
    await store.channels.put(channelProfile());
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

  /** A press on the digest message in the channel (the fixture's container is an ephemeral message). */
  async function press(actionId: string, value: string, container: Record<string, unknown> = IN_CHANNEL) {
    const path = `/respond/press-${++presses}`;
    const body = blockActionBody(actionId, value, `${fake.baseUrl}${path}`, { container });
    const response = await postToSlackEndpoint(app.eventsUrl, body, FORM);
    return { status: response.status, path };
  }
  const replyAt = async (path: string) => {
    await fake.until(() => fake.responses.some((entry) => entry.path === path));
    return fake.responses.find((entry) => entry.path === path)?.body ?? {};
  };
  const digestButton = () => JSON.stringify({ digestId: `${CHANNEL}:2026-W49`, paperId: paper.id });

  it('posts the abstract once in the digest thread however many times "Abstract" is pressed', async () => {
    expect((await press('digest_abstract', digestButton())).status).toBe(200);
    await fake.until(() => fake.callsTo('chat.postMessage').length === 1);
    const second = await press('digest_abstract', digestButton());
    expect(await replyAt(second.path)).toMatchObject({
      response_type: 'ephemeral',
      text: 'The abstract is already in this thread.',
    });

    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params).toMatchObject({ channel: CHANNEL, thread_ts: '111.222' });
    expect(JSON.stringify(posts[0]?.params.blocks)).toContain(paper.abstract[0]?.text.slice(0, 60));
  });

  it('shows the abstract privately when "Abstract" is pressed on a preview only the user sees', async () => {
    const pressed = await press('digest_abstract', digestButton(), { ...IN_CHANNEL, is_ephemeral: true });
    const reply = await replyAt(pressed.path);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: paper.title });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('stores "Relevant" and "Not relevant" votes for the channel and thanks the user privately', async () => {
    const relevant = await press('digest_feedback_relevant', digestButton());
    expect(await replyAt(relevant.path)).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
    });
    expect((await loadFeedback(store, CHANNEL)).relevant).toEqual([paper.id]);

    const notRelevant = await press('digest_feedback_not_relevant', digestButton());
    expect(String((await replyAt(notRelevant.path)).text)).toMatch(/not relevant/);
    expect(await loadFeedback(store, CHANNEL)).toEqual({ relevant: [], notRelevant: [paper.id] });
  });

  it('ignores a button whose value is not one of ours', async () => {
    expect((await press('digest_feedback_relevant', 'click_me_123')).status).toBe(200);
    expect(await loadFeedback(store, CHANNEL)).toEqual({ relevant: [], notRelevant: [] });
  });

  it('opens the topics modal from the Home tab and saves valid topics from it', async () => {
    await press('home_edit_topics', CHANNEL);
    await fake.until(() => fake.callsTo('views.open').length === 1);
    const view = fake.callsTo('views.open')[0]?.params.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(view.callback_id).toBe('edit_topics');

    const submit = (value: string) =>
      postToSlackEndpoint(
        app.eventsUrl,
        `payload=${encodeURIComponent(JSON.stringify(viewSubmission(view, value)))}`,
        FORM,
      );
    const rejected = await submit('juvenile myelomonocytic leukemia\n-mesh:Leukemia');
    expect(await rejected.json()).toEqual({
      response_action: 'errors',
      errors: { topics: expect.stringMatching(/^"-mesh:Leukemia": Only journals can be excluded/) },
    });
    expect((await store.channels.get(CHANNEL))?.topics).toEqual(channelProfile().topics);

    expect((await submit('juvenile myelomonocytic leukemia\njournal:Blood')).status).toBe(200);
    await fake.until(() => fake.callsTo('views.publish').length === 1);
    expect((await store.channels.get(CHANNEL))?.topics).toEqual([
      { kind: 'text', query: 'juvenile myelomonocytic leukemia' },
      { kind: 'journal', name: 'Blood', exclude: false },
    ]);
  });

  it('rejects a schedule modal with a bad time zone, then saves a valid one and moves the job', async () => {
    await press('home_edit_schedule', CHANNEL);
    await fake.until(() => fake.callsTo('views.open').length === 1);
    const view = fake.callsTo('views.open')[0]?.params.view as {
      callback_id: string;
      private_metadata: string;
    };
    const payload = viewSubmission(view, '', {
      when: { when_input: value('tue 08:00') },
      zone: { zone_input: value('Chicago') },
    });
    const response = await postToSlackEndpoint(
      app.eventsUrl,
      `payload=${encodeURIComponent(JSON.stringify(payload))}`,
      FORM,
    );
    expect(await response.json()).toEqual({
      response_action: 'errors',
      errors: { zone: expect.stringMatching(/not a time zone/) },
    });
    expect((await store.channels.get(CHANNEL))?.schedule?.cron).toBe('30 7 * * 1');
    expect(rescheduled).toEqual([]);

    const valid = viewSubmission(view, '', {
      when: { when_input: value('tue 08:00') },
      zone: { zone_input: value('Europe/Paris') },
    });
    await postToSlackEndpoint(app.eventsUrl, `payload=${encodeURIComponent(JSON.stringify(valid))}`, FORM);
    await fake.until(() => fake.callsTo('views.publish').length === 1);
    expect((await store.channels.get(CHANNEL))?.schedule).toEqual({
      cron: '0 8 * * 2',
      timezone: 'Europe/Paris',
      since: NOW.toISOString(),
    });
    expect(rescheduled).toEqual([CHANNEL]);
  });
});

function value(text: string) {
  return { type: 'plain_text_input', value: text };
}

/** A view_submission payload (shape as Slack documents it) for a modal the app opened. */
function viewSubmission(
  view: { callback_id: string; private_metadata: string },
  topics: string,
  values: Record<string, Record<string, unknown>> = { topics: { topics_input: value(topics) } },
) {
  return {
    type: 'view_submission',
    team: { id: 'T111', domain: 'workspace-domain' },
    user: { id: USER, username: 'primary-owner', name: 'primary-owner', team_id: 'T111' },
    api_app_id: 'A111',
    token: 'verification_token',
    trigger_id: '111.222.valid',
    view: {
      id: 'V111',
      team_id: 'T111',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values },
      hash: '156772938.1827394',
    },
  };
}
