import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/store/index.js';
import { CHANNEL, NOW, realDigestBuilder } from '../digest-fixture.js';
import { FakeSlackApi } from '../fake-slack-api.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { lit, realLitDeps } from './lit-harness.js';

const USER = 'W111';

describe('/lit feeds, /lit topics and /lit setup: topics drive the sources', () => {
  let fake: FakeSlackApi;
  let store: Store;
  let app: TestApp;
  let rescheduled: string[];
  const run = async (text: string) => (await lit(app.eventsUrl, fake, text)).reply();

  beforeEach(async () => {
    fake = await new FakeSlackApi(() => NOW.getTime()).start();
    fake.members.set(CHANNEL, [USER, 'UBOT']);
    store = await openStore({ memory: true });
    rescheduled = [];
    app = await startTestApp(fake, {
      store,
      buildDigest: realDigestBuilder(store),
      deps: {
        ...(await realLitDeps(store, fake)),
        schedules: { reschedule: async (channelId) => void rescheduled.push(channelId) },
      },
    });
  });
  afterEach(async () => {
    await app.stop();
    await fake.stop();
    await store.close();
  });

  it('adds PubMed, Europe PMC, bioRxiv and medRxiv searches and lists them with their health', async () => {
    await run('feeds add pubmed "Neuroblastoma"[mh] AND "Clinical Trial"[pt]');
    await run('feeds add europepmc MESH_HEADING:"Neuroblastoma" AND SRC:PPR');
    await run('feeds add biorxiv Cancer Biology');
    const listed = await run('feeds add medrxiv oncology');
    expect(listed.text).toContain(
      '1. PubMed: "Neuroblastoma"[mh] AND "Clinical Trial"[pt] — not fetched yet',
    );
    expect(listed.text).toContain('2. Europe PMC: MESH_HEADING:"Neuroblastoma" AND SRC:PPR');
    expect(listed.text).toContain('3. bioRxiv: cancer biology');
    expect(listed.text).toContain('4. medRxiv: oncology');
    await store.feeds.setHealth({
      feedId: 'medrxiv:oncology',
      lastSuccessAt: '2026-11-22T10:00:00.000Z',
      consecutiveFailures: 0,
      lastItemCount: 12,
    });
    expect((await run('feeds')).text).toContain(
      '4. medRxiv: oncology — ok, last success 2026-11-22 10:00 UTC (12 items)',
    );
    const kinds = (await store.channels.get(CHANNEL))?.feeds.map((feed) => feed.kind);
    expect(kinds).toEqual(['pubmed', 'europepmc', 'biorxiv', 'medrxiv']);
  });

  it.each([
    ['feeds add medrxiv astrology', /not a medRxiv category/],
    ['feeds add pubmed ("Neuroblastoma"[mh]', /unmatched parenthesis or quote/],
    ['feeds add pubmed', /Give the PubMed search/],
  ])('refuses "/lit %s" with an example and changes nothing', async (text, message) => {
    const reply = await run(text);
    expect(reply.text).toMatch(/^:x: /);
    expect(reply.text).toMatch(message);
    expect(reply.text).toMatch(/Example: `\/lit feeds add /);
    expect(await store.channels.get(CHANNEL)).toBeUndefined();
  });

  it('rewrites the searches when topics change, and keeps one the channel edited', async () => {
    await run('topics add mesh:"Leukemia, Myelomonocytic, Juvenile"');
    let feeds = (await store.channels.get(CHANNEL))?.feeds ?? [];
    expect(feeds.map((feed) => feed.kind)).toEqual(['pubmed', 'europepmc']);
    expect(feeds[0]?.target).toContain(
      '"Leukemia, Myelomonocytic, Juvenile"[mh] OR "juvenile myelomonocytic leukemia"[tiab]',
    );
    expect(feeds[1]?.target).toMatch(/AND SRC:MED$/);

    await run('topics preprints on');
    feeds = (await store.channels.get(CHANNEL))?.feeds ?? [];
    expect(feeds[1]?.target).toContain('(SRC:MED OR SRC:PPR)');
    expect(feeds.map((feed) => `${feed.kind}:${feed.target}`)).toEqual(
      expect.arrayContaining(['medrxiv:oncology', 'biorxiv:cancer biology', 'medrxiv:hematology']),
    );

    const edited = await run(
      'feeds edit 1 "Leukemia, Myelomonocytic, Juvenile"[mh] AND "Clinical Trial"[pt]',
    );
    expect(edited.text).toContain('no longer follows topic changes');
    await run('topics add author:"Loh ML"');
    feeds = (await store.channels.get(CHANNEL))?.feeds ?? [];
    expect(feeds.filter((feed) => feed.kind === 'pubmed').map((feed) => feed.target)).toEqual([
      '"Leukemia, Myelomonocytic, Juvenile"[mh] AND "Clinical Trial"[pt]',
    ]);
    expect(feeds.find((feed) => feed.kind === 'europepmc')?.target).toContain('AUTH:"Loh ML"');
  });

  it('sets up a specialty in one command: MeSH topics, searches and a weekly schedule', async () => {
    const reply = await run('setup gyn-onc');
    expect(reply.text).toContain('now follows Gynecologic oncology');
    expect(reply.text).toContain('Ovarian neoplasms (MeSH)');
    const profile = await store.channels.get(CHANNEL);
    expect(profile?.topics).toContainEqual({ kind: 'mesh', term: 'Uterine Cervical Neoplasms' });
    expect(profile?.feeds.find((feed) => feed.kind === 'pubmed')?.target).toContain(
      '"Ovarian Neoplasms"[mh]',
    );
    expect(profile?.schedule).toMatchObject({ cron: '0 7 * * 1' });
    expect(rescheduled).toEqual([CHANNEL]);
    expect((await run('setup astrology')).text).toMatch(/not a specialty starter/);
    expect((await run('setup')).text).toContain('`head-neck` — Head and neck');
  });

  it('shows topics in plain words with what to type to remove one', async () => {
    await run('topics add mesh:"Leukemia, Myelomonocytic, Juvenile"');
    const listed = await run('topics list');
    expect(listed.text).toContain(
      '1. Juvenile myelomonocytic leukemia (MeSH) (`mesh:"Leukemia, Myelomonocytic, Juvenile"`)',
    );
    expect(listed.text).toContain('PubMed: Juvenile myelomonocytic leukemia (MeSH)');
  });
});
