import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createDigestScheduler, type DigestScheduler } from '../../src/schedule/scheduler.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { DigestSchedule } from '../../src/types.js';
import { CHANNEL, channelProfile, realDigestBuilder } from '../slack/digest-fixture.js';
import { FakeSlackApi } from '../slack/fake-slack-api.js';
import { testConfig, testPoster } from '../slack/test-app.js';

const CHICAGO = 'America/Chicago';
const SET_LONG_AGO = '2026-01-01T00:00:00.000Z';

describe('digest scheduler', () => {
  let fake: FakeSlackApi;
  let store: Store;
  let now: Date;
  const schedulers: DigestScheduler[] = [];
  const clock = { now: () => now };

  beforeEach(async () => {
    fake = await new FakeSlackApi(() => now.getTime()).start();
    store = await openStore({ memory: true });
  });
  afterEach(async () => {
    for (const scheduler of schedulers.splice(0)) await scheduler.stop();
    await fake.stop();
    await store.close();
  });

  function scheduler(on: Store = store): DigestScheduler {
    const poster = testPoster(testConfig(fake), on, realDigestBuilder(on), clock);
    const created = createDigestScheduler({
      store: on,
      poster,
      logger: silentLogger,
      clock,
      catchUpGraceHours: 24,
    });
    schedulers.push(created);
    return created;
  }

  async function scheduleChannel(schedule: DigestSchedule, on: Store = store) {
    await on.channels.put(channelProfile({ schedule }));
  }

  const posts = () => fake.callsTo('chat.postMessage');

  it('posts a digest missed while the app was down once at startup, within the grace window', async () => {
    await scheduleChannel({ cron: '30 7 * * 1', timezone: CHICAGO, since: SET_LONG_AGO });
    now = new Date('2026-12-01T10:00:00Z'); // Monday 07:30 CST was 20.5 h ago
    const app = scheduler();
    await app.start();
    await app.sweep();

    expect(posts()).toHaveLength(1);
    expect((await store.channels.get(CHANNEL))?.lastDigestId).toBe(`${CHANNEL}:2026-W49`);
  });

  it('posts one digest, not one per missed week, after a long outage', async () => {
    await scheduleChannel({ cron: '30 7 * * 1', timezone: CHICAGO, since: SET_LONG_AGO });
    now = new Date('2026-11-30T20:00:00Z'); // down since early November, back the evening of a Monday
    await scheduler().start();
    expect(posts()).toHaveLength(1);
    expect(await store.digests.idsForChannel(CHANNEL)).toEqual([`${CHANNEL}:2026-W49`]);
  });

  it('does not catch up a digest whose time is past the grace window', async () => {
    await scheduleChannel({ cron: '30 7 * * 1', timezone: CHICAGO, since: SET_LONG_AGO });
    now = new Date('2026-12-02T10:00:00Z');
    await scheduler().start();
    expect(posts()).toHaveLength(0);
  });

  it('does not post right away for a time that passed before the schedule was set', async () => {
    await scheduleChannel({ cron: '30 7 * * 1', timezone: CHICAGO, since: '2026-11-30T15:00:00Z' });
    now = new Date('2026-11-30T16:00:00Z');
    await scheduler().start();
    expect(posts()).toHaveLength(0);
  });

  it('posts once in the spring-forward week although 02:30 does not exist that Sunday (Chicago, 2026-03-08)', async () => {
    await scheduleChannel({ cron: '30 2 * * 0', timezone: CHICAGO, since: SET_LONG_AGO });
    const app = scheduler();
    for (const at of [
      '2026-03-08T07:55:00Z',
      '2026-03-08T08:31:00Z',
      '2026-03-08T09:40:00Z',
      '2026-03-08T20:00:00Z',
    ]) {
      now = new Date(at);
      await app.sweep();
    }
    expect(posts()).toHaveLength(1);
    expect(await store.digests.idsForChannel(CHANNEL)).toEqual([`${CHANNEL}:2026-W10`]);
  });

  it('posts once in the fall-back week although 01:30 happens twice (Chicago, 2026-11-01)', async () => {
    await scheduleChannel({ cron: '30 1 * * 0', timezone: CHICAGO, since: SET_LONG_AGO });
    const app = scheduler();
    // node-cron fires at both 01:30 CDT (06:30Z) and 01:30 CST (07:30Z); the sweep runs too.
    for (const at of ['2026-11-01T06:30:00Z', '2026-11-01T07:30:00Z', '2026-11-01T08:00:00Z']) {
      now = new Date(at);
      await app.runIfDue(CHANNEL);
      await app.sweep();
    }
    expect(posts()).toHaveLength(1);
  });

  it('posts the Monday 07:30 digest once in each DST-change week, at the local time', async () => {
    await scheduleChannel({ cron: '30 7 * * 1', timezone: CHICAGO, since: SET_LONG_AGO });
    const app = scheduler();
    now = new Date('2026-03-09T12:29:00Z');
    expect(await app.runIfDue(CHANNEL)).toBeUndefined(); // 06:29 CDT: last week's time is past the grace window
    now = new Date('2026-03-09T12:30:00Z');
    expect(await app.runIfDue(CHANNEL)).toMatchObject({ status: 'posted', digestId: `${CHANNEL}:2026-W11` });
    now = new Date('2026-11-02T13:30:00Z');
    expect(await app.runIfDue(CHANNEL)).toMatchObject({ status: 'posted', digestId: `${CHANNEL}:2026-W45` });
    await app.runIfDue(CHANNEL);
    expect(posts()).toHaveLength(2);
  });

  it('posts one digest when two replicas on one SQLite store run the same job', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-scheduler-'));
    const a = await openStore({ dataDir });
    const b = await openStore({ dataDir });
    await scheduleChannel({ cron: '30 7 * * 1', timezone: CHICAGO, since: SET_LONG_AGO }, a);
    now = new Date('2026-11-30T13:30:00Z');
    await Promise.all([scheduler(a).runIfDue(CHANNEL), scheduler(b).runIfDue(CHANNEL)]);
    expect(posts()).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it('keeps one node-cron job per scheduled channel in its zone and moves it when the schedule changes', async () => {
    await scheduleChannel({ cron: '30 7 * * 1', timezone: CHICAGO, since: SET_LONG_AGO });
    await store.channels.put(channelProfile({ channelId: 'C222', schedule: null }));
    now = new Date('2026-11-25T00:00:00Z');
    const app = scheduler();
    await app.start();
    expect(app.scheduledChannels()).toEqual([CHANNEL]);
    const job = [...cron.getTasks().values()].find((task) => task.name === `digest:${CHANNEL}`);
    expect(job?.getNextRun()?.toISOString()).toMatch(/T13:30:00\.000Z$/);

    await scheduleChannel({ cron: '0 8 * * 2', timezone: 'Europe/Paris', since: now.toISOString() });
    await app.reschedule(CHANNEL);
    const moved = [...cron.getTasks().values()].find((task) => task.name === `digest:${CHANNEL}`);
    expect(moved?.getPattern()).toBe('0 8 * * 2');
    expect(moved?.getNextRun()?.toISOString()).toMatch(/T07:00:00\.000Z$/);

    await store.channels.put(channelProfile({ schedule: null }));
    await app.reschedule(CHANNEL);
    expect(app.scheduledChannels()).toEqual([]);
  });

  it('stops every job on stop', async () => {
    await scheduleChannel({ cron: '30 7 * * 1', timezone: CHICAGO, since: SET_LONG_AGO });
    now = new Date('2026-11-25T00:00:00Z');
    const app = scheduler();
    await app.start();
    await app.stop();
    expect(app.scheduledChannels()).toEqual([]);
    expect(
      [...cron.getTasks().values()].filter(
        (task) => task.name?.startsWith('digest') && task.getStatus() !== 'destroyed',
      ),
    ).toEqual([]);
  });
});
