import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFreshSources } from '../../src/digest/fresh-sources.js';
import { ingestFeeds } from '../../src/ingest/run-feeds.js';
import { silentLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/index.js';
import { type LoopbackServer, startLoopbackServer } from '../sources/loopback-server.js';
import { CHANNEL, NOW, realDigestBuilder } from './digest-fixture.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { lit, realLitDeps } from './listeners/lit-harness.js';
import { startTestApp, type TestApp, testConfig } from './test-app.js';

const USER = 'W111';
const GUIDE = readFileSync(new URL('../../docs/slack-setup.md', import.meta.url), 'utf8');
const PUBMED = new URL('../fixtures/sources/pubmed/', import.meta.url);
const EUROPEPMC = new URL('../fixtures/sources/europepmc/', import.meta.url);
const DAY_MS = 86_400_000;

/**
 * Papers of the loopback sources about breast, lung or pancreatic cancer or immune checkpoint
 * inhibitors, judged by reading their titles (not by the matcher).
 */
const ON_TOPIC = new Set([
  'pmid:36542249', // pathologic complete response after neoadjuvant chemotherapy for breast cancer
  'pmid:33474827', // platelet SNORD55 for early diagnosis of non-small cell lung cancer
  'pmid:27797938', // telomere length, TERT variants and risk of pancreatic cancer
  'pmid:38704912', // older patients with cancer on checkpoint inhibitors
  'pmid:40528292', // incidence and mortality of breast cancer in older women
  'pmid:40524053', // Mendelian randomization of risk factors for breast cancer
  'pmid:40536727', // rising breast cancer rates (news)
  'pmid:39038316', // cough after thoracoscopic lung cancer resection
  'pmid:40245290', // pancreatic cancer survival rates
]);

/** Every real efetch PubmedArticle bundled with the tests, by PMID. */
function bundledArticles(): Map<string, string> {
  const articles = new Map<string, string>();
  for (const name of readdirSync(PUBMED)) {
    if (!name.endsWith('.xml') || name.startsWith('abridged')) continue;
    const xml = readFileSync(new URL(name, PUBMED), 'utf8');
    for (const article of xml.match(/<PubmedArticle\b[^>]*>[\s\S]*?<\/PubmedArticle>/g) ?? []) {
      const pmid = /<PMID[^>]*>(\d+)<\/PMID>/.exec(article)?.[1];
      if (pmid && !articles.has(pmid)) articles.set(pmid, article);
    }
  }
  return articles;
}

/** The `/lit` lines of the guide's fenced blocks, in order (the invite is Slack's own command). */
function guideCommands(section: string): string[] {
  const start = GUIDE.indexOf(section);
  const body = GUIDE.slice(start, GUIDE.indexOf('\n## ', start + section.length));
  return [...body.matchAll(/```\n([\s\S]*?)```/g)]
    .flatMap((block) => (block[1] ?? '').split('\n'))
    .filter((line) => line.startsWith('/lit '))
    .map((line) => line.slice('/lit '.length));
}

describe('docs/slack-setup.md, followed step by step', () => {
  let fake: FakeSlackApi;
  let store: Store;
  let app: TestApp;
  let eutils: LoopbackServer;
  let europePmc: LoopbackServer;

  beforeEach(async () => {
    const articles = bundledArticles();
    eutils = await startLoopbackServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://loopback');
      if (url.pathname.endsWith('/esearch.fcgi')) {
        const idlist = [...articles.keys()];
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({ esearchresult: { count: String(idlist.length), retstart: '0', idlist } }),
        );
        return;
      }
      const ids = (url.searchParams.get('id') ?? '').split(',');
      response.setHeader('content-type', 'text/xml');
      response.end(
        `<?xml version="1.0" ?>\n<PubmedArticleSet>\n${ids.map((id) => articles.get(id) ?? '').join('\n')}\n</PubmedArticleSet>\n`,
      );
    });
    europePmc = await startLoopbackServer((request, response) => {
      const cursorMark = new URL(request.url ?? '/', 'http://loopback').searchParams.get('cursorMark');
      const file =
        cursorMark === '*' ? 'pyeuropepmc_search_cancer_core.json' : 'pyeuropepmc_search_no_results.json';
      response.setHeader('content-type', 'application/json');
      response.end(readFileSync(new URL(file, EUROPEPMC)));
    });
    fake = await new FakeSlackApi(() => NOW.getTime()).start();
    store = await openStore({ memory: true });
    const env = {
      NCBI_EUTILS_URL: eutils.url,
      EUROPEPMC_URL: europePmc.url,
      ALLOW_PRIVATE_FEED_URLS: 'true',
    };
    const config = testConfig(fake, env);
    const buildDigest = withFreshSources(realDigestBuilder(store), {
      store,
      logger: silentLogger,
      ingest: async (feeds) => {
        await ingestFeeds(store, feeds, { config, logger: silentLogger, now: () => NOW });
      },
    });
    app = await startTestApp(fake, { store, env, buildDigest, deps: await realLitDeps(store, fake) });
  });

  afterEach(async () => {
    await app.stop();
    await fake.stop();
    await eutils.close();
    await europePmc.close();
    await store.close();
  });

  it('posts a first digest of at least five on-topic papers from the searches the topics wrote', async () => {
    // "/invite @Tumor Board Digest": the app and the user are now members of the channel.
    fake.members.set(CHANNEL, [USER, 'UBOT']);
    const steps = [...guideCommands('## 3. Set up a channel'), ...guideCommands('## 4. The first digest')];
    expect(steps).toContain('digest now');
    const replies: string[] = [];
    for (const step of steps) {
      const { status, reply } = await lit(app.eventsUrl, fake, step);
      expect(status, step).toBe(200);
      const text = (await reply()).text;
      expect(text, step).not.toMatch(/^:x:/);
      replies.push(text);
    }

    const search = eutils.requests
      .map((request) => new URL(request.url ?? '/', 'http://loopback'))
      .find((url) => url.pathname.endsWith('/esearch.fcgi'));
    const term = search?.searchParams.get('term') ?? '';
    expect(term).toContain('"Breast Neoplasms"[mh]');
    expect(term).toContain('"breast cancer"[tiab]');
    expect(term).toContain('"editorial"[pt]');
    const fortnightAgo = new Date(NOW.getTime() - 14 * DAY_MS)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '/');
    expect(search?.searchParams.get('mindate')).toBe(fortnightAgo);
    expect(europePmc.requests.length).toBeGreaterThan(0);

    const feedsReply = replies[steps.indexOf('feeds')] ?? '';
    expect(feedsReply).toContain(
      'PubMed: breast cancer, lung cancer, pancreatic cancer, immune checkpoint inhibitors',
    );
    expect(feedsReply).toContain('Europe PMC');

    expect(replies.at(-1)).toMatch(/^Posted this week’s digest \(\d+ papers\)/);
    const digestId = (await store.channels.get(CHANNEL))?.lastDigestId ?? '';
    const digest = (await store.digests.get(digestId))?.digest;
    expect(fake.messages.get(CHANNEL)?.length).toBe(1);
    const shown = digest?.items.map((item) => item.paperId) ?? [];
    expect(shown.length).toBeGreaterThanOrEqual(5);
    for (const id of shown) expect(ON_TOPIC, id).toContain(id);
  });
});
