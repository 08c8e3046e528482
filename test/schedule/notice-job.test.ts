import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../bench/fakes/fake-slack.js';
import { noticesOf } from '../../src/living/notices.js';
import { silentLogger } from '../../src/log.js';
import { runLivingNotices } from '../../src/schedule/notice-job.js';
import { PaperIndex } from '../../src/search/paper-index.js';
import { parsePreprintDetails } from '../../src/sources/preprints.js';
import { parsePubmedArticleSet } from '../../src/sources/pubmed/parse-article.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { Digest, DigestItem, Paper } from '../../src/types.js';
import { createDigestItem, createSummary } from '../factories/digest.js';
import { testDeliverer } from '../factories/poster.js';

const CHANNEL = 'CLIVING1';
const NOW = new Date('2026-12-07T09:00:00Z');
const FIXTURES = new URL('../fixtures/sources/', import.meta.url);
const context = { kind: 'pubmed' as const, feedId: 'pubmed', fetchedAt: '2026-03-02T08:00:00.000Z' };

/** The real retracted record (PMID 9500320) and the same record as it read before the retraction. */
function retractedPaper(): { before: Paper; after: Paper } {
  const xml = readFileSync(new URL('pubmed/abridged_pmid_9500320_retracted.xml', FIXTURES), 'utf8');
  const after = parsePubmedArticleSet(xml, context)[0] as Paper;
  return {
    after,
    before: { ...after, retracted: false, notices: [], publicationTypes: ['Journal Article'] },
  };
}

/** A real medRxiv preprint whose server record names its journal DOI. */
function publishedPreprint(): Paper {
  const body = readFileSync(
    new URL('preprints/findpapers_medrxiv_details_sample_response.json', FIXTURES),
    'utf8',
  );
  const page = parsePreprintDetails(body, {
    kind: 'medrxiv',
    feedId: 'medrxiv',
    fetchedAt: context.fetchedAt,
  });
  return page.papers.find((paper) =>
    paper.notices.some((notice) => notice.kind === 'published-version'),
  ) as Paper;
}

function item(paper: Paper): DigestItem {
  return createDigestItem(paper, { summary: createSummary({ headline: 'headline', takeaway: 'takeaway' }) });
}

async function postedDigest(store: Store, papers: Paper[], ts: string): Promise<Digest> {
  const digest: Digest = {
    id: `${CHANNEL}:2026-W10`,
    channelId: CHANNEL,
    period: '2026-W10',
    generatedAt: '2026-03-03T08:00:00.000Z',
    intro: '',
    items: papers.map(item),
    candidateCount: papers.length,
  };
  await store.digests.save({ digest });
  await store.digests.markPosted(digest.id, { channelId: CHANNEL, ts, postedAt: '2026-03-03T08:00:00.000Z' });
  return digest;
}

describe('living digest notices', () => {
  let slack: FakeSlack;
  let store: Store;
  beforeEach(async () => {
    slack = await startFakeSlack();
    store = await openStore({ memory: true });
  });
  afterEach(async () => {
    await slack.close();
    await store.close();
  });

  const deps = (owner: string, index?: PaperIndex) => ({
    store,
    deliverer: testDeliverer(store, slack.url, { owner }),
    logger: silentLogger,
    now: () => NOW,
    index,
  });

  it('replies once in the digest thread when a posted paper is retracted, and marks it in the digest and in search', async () => {
    const { before, after } = retractedPaper();
    await store.papers.put(before, { pmid: before.pmid });
    const index = new PaperIndex(store.papers);
    index.add(before);
    const digest = await postedDigest(store, [before], '1772524800.000100');
    expect(await runLivingNotices(deps('a', index), [CHANNEL])).toEqual([]);

    await store.papers.put(after, { pmid: after.pmid });
    const [first, second] = await Promise.all([
      runLivingNotices(deps('a', index), [CHANNEL]),
      runLivingNotices(deps('b', index), [CHANNEL]),
    ]);
    await runLivingNotices(deps('a', index), [CHANNEL]);

    expect([...(first ?? []), ...(second ?? [])]).toEqual([
      { channelId: CHANNEL, digestId: digest.id, paperId: 'pmid:9500320', kind: 'retraction' },
    ]);
    const replies = slack.messages(CHANNEL);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.thread_ts).toBe('1772524800.000100');
    const text = JSON.stringify(replies[0]?.blocks);
    expect(text).toContain('*Retracted:*');
    expect(text).toContain('posted here on 3 March');
    expect(text).toContain('https://pubmed.ncbi.nlm.nih.gov/9500320/');
    expect(text).toContain('https://pubmed.ncbi.nlm.nih.gov/20137807/');

    const stored = await store.digests.get(digest.id);
    expect(stored?.digest.items[0]?.labels).toEqual(['retracted']);
    expect(stored?.digest.items[0]?.summary.headline).toBe('RETRACTED: headline');
    expect(await index.search('ileal lymphoid nodular hyperplasia colitis')).toEqual([]);
  });

  it('replies when a posted preprint is published in a journal, linking the journal DOI', async () => {
    const preprint = publishedPreprint();
    await store.papers.put(preprint, { doi: preprint.doi });
    await postedDigest(store, [preprint], '1772524800.000200');
    const replies = await runLivingNotices(deps('a'), [CHANNEL]);
    expect(replies.map((entry) => entry.kind)).toEqual(['published-version']);
    const text = JSON.stringify(slack.messages(CHANNEL)[0]?.blocks);
    const doi = preprint.notices.find((notice) => notice.kind === 'published-version')?.doi as string;
    expect(text).toContain('*Now published:*');
    expect(text).toContain(`https://doi.org/${doi}`);
  });

  it('does not call an erratum record itself "corrected"', () => {
    const xml = readFileSync(new URL('pubmed/metapub_pmid_38833988.xml', FIXTURES), 'utf8');
    const erratum = parsePubmedArticleSet(xml, context)[0] as Paper;
    expect(erratum.notices.map((notice) => notice.kind)).toEqual(['erratum']);
    expect(noticesOf(erratum)).toEqual([]);
  });
});
