import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { openStore } from '../../src/store/index.js';
import { CHANNEL, DIGEST_ID, PERIOD, seedDigestChannel, sigkill, spawnPoster } from './harness.js';

/** Short enough that a restart takes over a dead replica's claim within the test. */
const LEASE_MS = '1500';

function digestMessages(slack: FakeSlack) {
  return slack
    .messages(CHANNEL)
    .filter((m) => !m.thread_ts && m.metadata?.event_payload?.digest_id === DIGEST_ID);
}

async function sqliteIntegrity(dataDir: string): Promise<string> {
  const sqlite = new KeyvSqlite({ uri: `sqlite://${path.join(dataDir, 'tbdigest.sqlite')}` });
  try {
    const rows = (await sqlite.query('PRAGMA integrity_check')) as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join(',');
  } finally {
    await sqlite.disconnect();
  }
}

describe('a replica killed with SIGKILL in the middle of a digest', () => {
  const fakes: FakeSlack[] = [];
  afterAll(async () => {
    await Promise.all(fakes.map((fake) => fake.close()));
  });

  it.each(['claimed', 'saved', 'posted', 'recorded'])(
    'leaves exactly one digest in the channel after a restart when killed once %s',
    async (phase) => {
      const slack = await startFakeSlack();
      fakes.push(slack);
      const dataDir = mkdtempSync(path.join(tmpdir(), `tbd-sigkill-${phase}-`));
      const seeded = await openStore({ dataDir });
      await seedDigestChannel(seeded);
      await seeded.close();
      const env = { DATA_DIR: dataDir, SLACK_API_URL: slack.url, CHANNEL, PERIOD, LEASE_MS };

      const doomed = spawnPoster({ ...env, CRASH_AT: phase });
      // The replacement loads beside it, and acts only once the first one is dead.
      const restarted = spawnPoster({ ...env, WAIT_FOR_GO: '1', RETRY_FOR_MS: '15000' });
      expect(await doomed.waitFor('CRASH_POINT')).toBe(phase);
      await sigkill(doomed);
      const reachedSlack = digestMessages(slack).length;

      await restarted.waitFor('READY');
      restarted.go();
      const outcome = JSON.parse(await restarted.waitFor('OUTCOME')) as { status: string };
      await restarted.exited;

      expect(digestMessages(slack)).toHaveLength(1);
      expect(outcome.status).toBe(reachedSlack === 1 ? 'already-posted' : 'posted');
      expect(await sqliteIntegrity(dataDir)).toBe('ok');
      const store = await openStore({ dataDir });
      try {
        const record = await store.digests.get(DIGEST_ID);
        expect(record?.posted?.ts).toBe(digestMessages(slack)[0]?.ts);
        expect(await store.digests.digestIdForThread(CHANNEL, record?.posted?.ts ?? '')).toBe(DIGEST_ID);
        // Killed between recording the post and updating the profile, the profile keeps the
        // previous digest id: selection falls back to its window and delivered marks, so no paper repeats.
        if (phase !== 'recorded') expect((await store.channels.get(CHANNEL))?.lastDigestId).toBe(DIGEST_ID);
      } finally {
        await store.close();
      }
    },
    60_000,
  );

  it('waits while the dead replica still holds its claim and takes it over once the lease expires', async () => {
    const slack = await startFakeSlack();
    fakes.push(slack);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tbd-stale-lease-'));
    const seeded = await openStore({ dataDir });
    await seedDigestChannel(seeded);
    await seeded.close();
    const env = { DATA_DIR: dataDir, SLACK_API_URL: slack.url, CHANNEL, PERIOD, LEASE_MS: '8000' };

    const doomed = spawnPoster({ ...env, CRASH_AT: 'claimed' });
    const impatient = spawnPoster({ ...env, WAIT_FOR_GO: '1' });
    const patient = spawnPoster({ ...env, WAIT_FOR_GO: '1', RETRY_FOR_MS: '30000' });
    await Promise.all([doomed.waitFor('CRASH_POINT'), impatient.waitFor('READY'), patient.waitFor('READY')]);
    await sigkill(doomed);

    impatient.go();
    expect(JSON.parse(await impatient.waitFor('OUTCOME'))).toEqual({ status: 'claimed-elsewhere' });
    expect(digestMessages(slack)).toHaveLength(0);

    patient.go();
    expect(JSON.parse(await patient.waitFor('OUTCOME'))).toEqual({ status: 'posted' });
    await Promise.all([impatient.exited, patient.exited]);
    expect(digestMessages(slack)).toHaveLength(1);
  }, 90_000);
});
