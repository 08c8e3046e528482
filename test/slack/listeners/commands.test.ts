import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTopic } from '../../../src/digest/profile.js';
import type { SlackDeps } from '../../../src/slack/deps.js';
import { openStore, type Store } from '../../../src/store/index.js';
import type { ChannelProfile } from '../../../src/types.js';
import { CHANNEL, channelProfile, NOW, realDigestBuilder, seedPapers } from '../digest-fixture.js';
import { FakeSlackApi } from '../fake-slack-api.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { capturingLogger, lit, realLitDeps } from './lit-harness.js';

const USER = 'W111'; // the fixture's user_id
const SUBCOMMANDS = [
  'help',
  'search natural language processing',
  'paper 36006759',
  'digest preview',
  'digest now',
  'topics add rapamycin',
  'topics list',
  'feeds add https://example.org/rss2sample.xml',
  'feeds list',
  'schedule mon 07:30 America/Chicago',
  'settings',
  'settings top 5',
  'frobnicate',
];

describe('/lit', () => {
  let fake: FakeSlackApi;
  let store: Store;
  let app: TestApp;
  let rescheduled: string[];
  let log: ReturnType<typeof capturingLogger>;

  async function start(env: Record<string, string> = {}, deps: Partial<SlackDeps> = {}) {
    app = await startTestApp(fake, {
      store,
      env,
      buildDigest: realDigestBuilder(store),
      deps: {
        ...(await realLitDeps(store, fake)),
        logger: log.logger,
        schedules: { reschedule: async (channelId) => void rescheduled.push(channelId) },
        ...deps,
      },
    });
  }

  const run = async (text: string) => (await lit(app.eventsUrl, fake, text)).reply();

  beforeEach(async () => {
    fake = await new FakeSlackApi(() => NOW.getTime()).start();
    fake.members.set(CHANNEL, [USER, 'UBOT']);
    store = await openStore({ memory: true });
    await seedPapers(store);
    rescheduled = [];
    log = capturingLogger();
  });
  afterEach(async () => {
    await app?.stop();
    await fake.stop();
    await store.close();
  });

  it('acknowledges every subcommand before its slow work and answers after', async () => {
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const real = await realLitDeps(store, fake);
    const slow =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A) => {
        await gate;
        return fn(...args);
      };
    await start(
      {},
      {
        ...real,
        searchPapers: slow(real.searchPapers as never),
        findPaper: slow(real.findPaper as never),
        summarizePaper: slow(real.summarizePaper as never),
        probeFeed: slow(real.probeFeed as never),
        previewDigest: slow((profile: ChannelProfile, now: Date) =>
          realDigestBuilder(store)(profile, 'preview', now),
        ),
      },
    );
    await store.channels.put(channelProfile());
    await run('help'); // Bolt verifies its token once, on the first request
    fake.hold(); // every Web API call and response_url post now waits

    const sent = [];
    for (const text of SUBCOMMANDS) sent.push(await lit(app.eventsUrl, fake, text));
    expect(sent.map((request) => request.status)).toEqual(SUBCOMMANDS.map(() => 200));
    expect(fake.responses).toHaveLength(1);

    open();
    fake.release();
    const replies = await Promise.all(sent.map((request) => request.reply()));
    expect(replies.every((reply) => typeof reply.text === 'string' && reply.text.length > 0)).toBe(true);
  });

  it.each([
    ['frobnicate', /"frobnicate" is not a \/lit command/],
    ['paper 123456789', /not a PMID/],
    ['paper tumour board', /Not a PMID, DOI or article URL/],
    ['paper doi:10.1182', /DOI/],
    ['schedule mon 07:30 Mars/Olympus', /not a time zone/],
    ['schedule 61 7 * * 1', /cron expression/],
    ['feeds add ftp://example.org/feed.xml', /http:\/\/ or https:\/\//],
    ['feeds add http://10.0.0.5/feed.xml', /private or local network/],
    ['feeds add https://example.org/not-a-feed', /web page, not a feed/],
    ['settings top 99', /from 1 to 20/],
    ['topics add -mesh:Leukemia', /Only journals can be excluded/],
    ['digest later', /not a digest action/],
  ])('answers "/lit %s" with one line and an example', async (text, message) => {
    await start();
    const reply = await run(text);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(/^:x: /);
    expect(reply.text).toMatch(message);
    expect(reply.text).toMatch(/Example: `[^`]+`$/);
    expect(reply.text.match(/Example:/g)).toHaveLength(1);
    expect(reply.text).not.toContain('\n');
    expect(await store.channels.get(CHANNEL)).toBeUndefined();
  });

  it('follows topics, sets the schedule and logs each change with user and channel', async () => {
    await start();
    expect((await run('topics add juvenile myelomonocytic leukemia')).text).toContain(
      'Added *juvenile myelomonocytic leukemia*',
    );
    expect((await run('topics add mesh:"Leukemia, Myelomonocytic, Juvenile"')).text).toContain(
      '2. Juvenile myelomonocytic leukemia (MeSH)',
    );
    expect((await run('topics remove 1')).text).toMatch(/Removed/);
    const schedule = await run('schedule mon 07:30 America/Chicago');
    expect(schedule.text).toMatch(/Mondays at 07:30 \(America\/Chicago\) · next: Mon, Dec 7, 07:30/);

    const profile = await store.channels.get(CHANNEL);
    expect(profile?.topics).toEqual([parseTopic('mesh:"Leukemia, Myelomonocytic, Juvenile"')]);
    expect(profile?.schedule).toMatchObject({
      cron: '30 7 * * 1',
      timezone: 'America/Chicago',
      since: NOW.toISOString(),
    });
    expect(rescheduled).toEqual([CHANNEL]);
    const changes = log.lines.filter((line) => line.msg === 'channel configuration changed');
    expect(changes).toHaveLength(4);
    expect(changes[3]).toMatchObject({
      user: USER,
      channel: CHANNEL,
      change: 'schedule 30 7 * * 1 America/Chicago',
    });
  });

  it('echoes a topic typed with Slack control sequences as plain text', async () => {
    await start();
    // Slack delivers typed "<", ">" and "&" as entities in slash command text.
    const reply = await run('topics add &lt;!channel&gt; leukemia &amp; &lt;@U123&gt;');
    expect(reply.text).toContain('Added *&lt;!channel&gt; leukemia &amp; &lt;@U123&gt;*');
    expect(reply.text).not.toMatch(/<!channel>|<@U123>/);
    expect((await store.channels.get(CHANNEL))?.topics).toEqual([
      { kind: 'text', query: '<!channel> leukemia & <@U123>' },
    ]);
  });

  it('lets only channel members change settings', async () => {
    fake.members.set(CHANNEL, ['UOTHER', 'UBOT']);
    await start();
    expect((await run('topics add rapamycin')).text).toMatch(/^:x: Only members of this channel/);
    expect(await store.channels.get(CHANNEL)).toBeUndefined();
  });

  it('lets only ADMIN_USER_IDS change settings when it is set', async () => {
    await start({ ADMIN_USER_IDS: 'UADMIN1,UADMIN2' });
    expect((await run('schedule off')).text).toMatch(/^:x: Only the workspace admins/);
    expect((await run('topics list')).text).toMatch(/No topics yet/);
  });

  it('forgets the channel only on "forget confirm" by someone who may configure it, and stops its digests', async () => {
    await start();
    await store.channels.put(channelProfile());
    expect((await run('forget')).text).toMatch(/To go ahead: `\/lit forget confirm`/);
    expect(await store.channels.get(CHANNEL)).toBeDefined();
    fake.members.set(CHANNEL, ['UOTHER', 'UBOT']);
    expect((await run('forget confirm')).text).toMatch(/^:x: Only members of this channel/);
    fake.members.set(CHANNEL, [USER, 'UBOT']);

    expect((await run('forget confirm')).text).toMatch(/^Deleted everything stored for this channel/);
    expect(await store.channels.get(CHANNEL)).toBeUndefined();
    expect(rescheduled).toContain(CHANNEL);
    expect(
      log.lines.some((line) => line.msg === 'channel data deleted on request' && line.user === USER),
    ).toBe(true);
  });

  it('asks to be invited when the app is not in the channel', async () => {
    fake.fail('conversations.members', CHANNEL, 'not_in_channel');
    await start();
    expect((await run('topics add rapamycin')).text).toMatch(
      /Invite me first\. Example: `\/invite @Tumor Board Digest`/,
    );
  });

  it('previews privately and posts this week’s digest once with "digest now"', async () => {
    await start();
    await store.channels.put(channelProfile());
    const preview = await run('digest preview');
    expect(preview.response_type).toBe('ephemeral');
    expect(preview.blocks?.length).toBeGreaterThan(3);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);

    expect((await run('digest now')).text).toBe('Posted this week’s digest (3 papers).');
    expect((await run('digest now')).text).toMatch(/already in the channel/);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('tells the next user why digests stopped in a paused channel, and "digest now" resumes it', async () => {
    await start();
    await store.channels.put(
      channelProfile({ paused: { reason: 'not_in_channel', since: '2026-11-23T13:30:00.000Z' } }),
    );
    expect((await run('settings')).text).toMatch(
      /^:warning: Digests here are paused since 2026-11-23: Slack said `not_in_channel`/,
    );
    expect((await run('digest now')).text).toMatch(/^Posted/);
    expect((await store.channels.get(CHANNEL))?.paused).toBeUndefined();
  });

  it('finds stored papers, fetches an unknown PMID from PubMed, and shares on request', async () => {
    await start();
    const search = await run('search natural language processing --share');
    expect(search.response_type).toBe('in_channel');
    expect(JSON.stringify(search.blocks)).toContain('natural language processing');

    const stored = await run('paper 36006759');
    expect(stored.text).toBe(
      'Using natural language processing and machine learning to replace human content coders.',
    );
    const fetched = await run('paper 38534005');
    expect(fetched.text).toBe('The EFLM European Urinalysis Guideline 2023.');
    expect(await store.papers.findId({ pmid: '38534005' })).toBe('pmid:38534005');
    expect((await run('paper 11111111')).text).toMatch(/^:x: No paper found for PMID 11111111/);
  });

  it('adds a feed that passes the probe and lists it with its health', async () => {
    await start();
    expect((await run('feeds add https://example.org/rss2sample.xml')).text).toMatch(
      /^Added https:\/\/example\.org\/rss2sample\.xml/,
    );
    await store.feeds.setHealth({
      feedId: 'rss:https://example.org/rss2sample.xml',
      lastErrorAt: '2026-11-30T10:00:00.000Z',
      lastError: 'HTTP 503 from the feed server',
      consecutiveFailures: 2,
      lastSuccessAt: '2026-11-29T10:00:00.000Z',
    });
    const list = await run('feeds list');
    expect(list.text).toContain(
      ':warning: error 2026-11-30 10:00 UTC: HTTP 503 from the feed server; last success 2026-11-29 10:00 UTC',
    );
  });
});
