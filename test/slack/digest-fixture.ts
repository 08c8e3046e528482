import { readFileSync } from 'node:fs';
import { buildDigest } from '../../src/digest/build.js';
import { createExtractiveSummarizer } from '../../src/digest/extractive.js';
import { parseTopic } from '../../src/digest/profile.js';
import { silentLogger } from '../../src/log.js';
import type { DigestBuilder } from '../../src/schedule/digest-poster.js';
import { parsePubmedArticleSet } from '../../src/sources/pubmed/parse-article.js';
import type { Store } from '../../src/store/index.js';
import type { ChannelProfile, Paper } from '../../src/types.js';

/** 50 real PubMed records (efetch fixture) about natural language processing. */
const EFETCH_FIXTURE = new URL(
  '../fixtures/sources/pubmed/findpapers_pubmed_efetch_response_50.xml',
  import.meta.url,
);

export const CHANNEL = 'C111';
export const NOW = new Date('2026-11-30T13:30:00.000Z');

/** Stores the fixture's papers as if ingested at `fetchedAt`, and returns them. */
export async function seedPapers(
  store: Store,
  fetchedAt = new Date(NOW.getTime() - 86_400_000),
): Promise<Paper[]> {
  const papers = parsePubmedArticleSet(readFileSync(EFETCH_FIXTURE, 'utf8'), {
    kind: 'pubmed',
    feedId: 'pubmed',
    fetchedAt: fetchedAt.toISOString(),
  });
  for (const paper of papers) await store.papers.put(paper, {});
  return papers;
}

/** The real digest pipeline (select, rank, extractive summaries) over the store. */
export function realDigestBuilder(store: Store): DigestBuilder {
  return (profile, period, now) =>
    buildDigest({
      store,
      profile,
      now,
      period,
      summarizer: createExtractiveSummarizer(),
      logger: silentLogger,
    });
}

/** A channel following the fixture's subject, scheduled Mondays 07:30 in Chicago. */
export function channelProfile(overrides: Partial<ChannelProfile> = {}): ChannelProfile {
  return {
    channelId: CHANNEL,
    name: 'heme-malignancies',
    topics: [parseTopic('natural language processing')],
    includePreprints: false,
    feeds: [],
    topN: 3,
    schedule: { cron: '30 7 * * 1', timezone: 'America/Chicago' },
    whenEmpty: 'line',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}
