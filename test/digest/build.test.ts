import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { createExtractiveSummarizer } from '../../src/digest/extractive.js';
import { recordFeedback } from '../../src/digest/feedback.js';
import { demoProfile } from '../../src/digest/profile.js';
import type { DigestSummarizer } from '../../src/digest/summarizer.js';
import { silentLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { Paper } from '../../src/types.js';
import { jmmlCaseReport, pubmedQaPaper, SAMPLE_PMIDS } from './fixture-papers.js';

const NOW = new Date('2026-11-25T12:00:00Z');
let store: Store;

beforeEach(async () => {
  store = await openStore({ memory: true });
  const papers: Paper[] = [
    jmmlCaseReport({ url: 'https://www.example.org/jmml-case-report' }),
    ...SAMPLE_PMIDS.map((pmid) => pubmedQaPaper(pmid)),
  ];
  for (const paper of papers) await store.papers.put(paper, {});
});
afterEach(async () => {
  await store.close();
});

const build = (summarizer: DigestSummarizer = createExtractiveSummarizer(), profile = demoProfile(NOW)) =>
  buildDigest({ store, profile, now: NOW, period: '2026-W48', summarizer, logger: silentLogger });

describe('buildDigest', () => {
  it('builds the channel-week digest with the JMML case report first and links from stored metadata', async () => {
    const digest = await build();
    expect(digest.id).toBe(`${demoProfile(NOW).channelId}:2026-W48`);
    expect(digest.items.length).toBeGreaterThan(1);
    expect(digest.items.length).toBeLessThanOrEqual(5);
    const [first, ...rest] = digest.items;
    expect(first?.paperId).toBe('t:jmml-rapamycin-gvl');
    expect(first?.url).toBe('https://www.example.org/jmml-case-report');
    expect(first?.summary.takeaway).toContain('approaches 50% within 5 years');
    for (const item of rest) expect(item.url).toBe(`https://pubmed.ncbi.nlm.nih.gov/${item.pmid}/`);
    expect(digest.candidateCount).toBeGreaterThanOrEqual(digest.items.length);
    expect(digest.intro).not.toBe('');
  });

  it('marks nothing delivered, so a preview can be built again with the same papers', async () => {
    const first = await build();
    const delivered = await store.digests.deliveredIn(
      first.channelId,
      first.items.map((item) => item.paperId),
    );
    expect(delivered.every((value) => !value)).toBe(true);
    const second = await build();
    expect(second.items.map((item) => item.paperId)).toEqual(first.items.map((item) => item.paperId));
  });

  it('labels preprints from stored metadata', async () => {
    await store.papers.put(jmmlCaseReport({ isPreprint: true }), {});
    const digest = await build();
    expect(digest.items.find((item) => item.paperId === 't:jmml-rapamycin-gvl')?.labels).toEqual([
      'preprint',
    ]);
  });

  it('skips a paper whose summary fails and fills its place with the next one', async () => {
    const extractive = createExtractiveSummarizer();
    const failing: DigestSummarizer = {
      summarize: (paper, context) =>
        paper.id === 't:jmml-rapamycin-gvl'
          ? Promise.reject(new Error('model down'))
          : extractive.summarize(paper, context),
      intro: (items, context) => extractive.intro(items, context),
      usage: () => undefined,
    };
    const expected = Math.min(5, (await build()).candidateCount - 1);
    const digest = await build(failing);
    expect(digest.items.map((item) => item.paperId)).not.toContain('t:jmml-rapamycin-gvl');
    expect(digest.items).toHaveLength(expected);
  });

  it('uses the channel feedback: a paper marked not relevant leaves the top spot', async () => {
    const baseline = await build();
    const last = baseline.items.at(-1)?.paperId as string;
    await recordFeedback(store, baseline.channelId, 't:jmml-rapamycin-gvl', 'not-relevant', 'U1', NOW);
    const after = await build();
    expect(after.items.map((item) => item.paperId).indexOf('t:jmml-rapamycin-gvl')).toBeGreaterThan(0);
    expect(after.items.map((item) => item.paperId)).toContain(last);
  });

  it('is empty, with no intro, when nothing new matches', async () => {
    const digest = await build(createExtractiveSummarizer(), {
      ...demoProfile(NOW),
      topics: [{ kind: 'text', query: 'glioblastoma' }],
    });
    expect(digest.items).toEqual([]);
    expect(digest.intro).toBe('');
    expect(digest.candidateCount).toBe(0);
  });
});
