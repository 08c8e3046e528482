import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createExtractiveSummarizer } from '../../../src/digest/extractive.js';
import { createSerialIngest } from '../../../src/ingest/serial-ingest.js';
import { PaperIndex } from '../../../src/search/paper-index.js';
import type { SlackDeps } from '../../../src/slack/deps.js';
import { subscriptionFromProbe } from '../../../src/slack/feed-subscription.js';
import { createPaperLookup } from '../../../src/slack/paper-lookup.js';
import { probeFeedUrl } from '../../../src/sources/index.js';
import type { LiteratureSearch } from '../../../src/sources/live-search.js';
import { parsePubmedArticleSet } from '../../../src/sources/pubmed/parse-article.js';
import type { Store } from '../../../src/store/index.js';
import { NOW } from '../digest-fixture.js';
import type { FakeSlackApi } from '../fake-slack-api.js';
import { postToSlackEndpoint, slashCommandBody } from '../signed-request.js';
import { testConfig } from '../test-app.js';

const FIXTURES = new URL('../../fixtures/sources/', import.meta.url);

/** A pino logger whose JSON lines the test can read. */
export function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/**
 * The real domain functions behind `/lit`, with the network replaced: feed probes read
 * fixture bodies, PubMed returns the efetch fixture of one real record (searches find nothing).
 */
export async function realLitDeps(store: Store, fake: FakeSlackApi): Promise<Partial<SlackDeps>> {
  const config = testConfig(fake);
  const index = await PaperIndex.load(store);
  const feedBodies: Record<string, string> = {
    'https://example.org/rss2sample.xml': 'feeds/nodefeedparser_rss2sample.xml',
    'https://example.org/not-a-feed': 'feeds/nodefeedparser_notafeed.html',
  };
  const fetchBody = async (url: string) => {
    const file = feedBodies[url];
    if (!file) throw new Error(`unexpected fetch of ${url}`);
    return {
      unchanged: false,
      body: readFileSync(new URL(file, FIXTURES)),
      url,
      contentType: 'application/xml',
    };
  };
  const search: LiteratureSearch = {
    searchPubmed: async () => [],
    searchEuropePmc: async () => [],
    pubmedWaitMs: () => 0,
    pubmedRecord: async (pmid) =>
      pmid === '38534005'
        ? parsePubmedArticleSet(readFileSync(new URL('pubmed/metapub_pmid_38534005.xml', FIXTURES), 'utf8'), {
            kind: 'pubmed',
            feedId: 'pubmed:search',
            fetchedAt: NOW.toISOString(),
          })[0]
        : undefined,
  };
  const clock = { now: () => NOW };
  const logger = pino({ level: 'silent' });
  return {
    clock,
    searchPapers: (query, limit) => index.search(query, { limit }),
    termCounts: index,
    summarizePaper: (paper, context) => createExtractiveSummarizer().summarize(paper, context),
    findPaper: createPaperLookup({
      store,
      live: { search, storePapers: createSerialIngest(store, { logger, now: clock.now }) },
      logger,
    }),
    probeFeed: async (url, addedBy) =>
      subscriptionFromProbe(await probeFeedUrl(url, { config, fetchBody }), addedBy, NOW),
  };
}

let responseCounter = 0;

/** Sends `/lit <text>` signed; returns the HTTP status and a promise of the `respond()` body. */
export async function lit(
  eventsUrl: string,
  fake: FakeSlackApi,
  text: string,
  overrides: Record<string, string> = {},
) {
  const path = `/respond/${++responseCounter}`;
  const body = slashCommandBody(text, `${fake.baseUrl}${path}`, overrides);
  const response = await postToSlackEndpoint(eventsUrl, body, {
    contentType: 'application/x-www-form-urlencoded',
  });
  const reply = async () => {
    await fake.until(() => fake.responses.some((entry) => entry.path === path));
    return fake.responses.find((entry) => entry.path === path)?.body as {
      text: string;
      response_type: string;
      blocks?: unknown[];
    };
  };
  return { status: response.status, reply };
}
