import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseLine } from '../../src/board/case-line.js';
import { withUpdateFlags } from '../../src/living/earlier-highlights.js';
import { type EarlierHighlight, findingPolarity, findUpdateLinks } from '../../src/living/updates.js';
import { openStore } from '../../src/store/index.js';
import { findVerbatim, paperText, splitSentences } from '../../src/text/index.js';
import type { Digest, Paper } from '../../src/types.js';
import { emptyPaper, loadFixtureCorpus } from '../board/fixture-corpus.js';
import { createSummary } from '../factories/digest.js';

const POSTED_3_MARCH = '2026-03-03T08:00:00.000Z';

interface BiorxivRecord {
  doi: string;
  version: string;
  title: string;
  abstract: string;
}

/** Two real versions of one bioRxiv preprint, kept here as two records (as a feed that keys by version would). */
function preprintVersions(): [Paper, Paper] {
  const body = readFileSync(
    new URL('../fixtures/sources/preprints/findpapers_biorxiv_details_sample_response.json', import.meta.url),
    'utf8',
  );
  const records = (JSON.parse(body) as { collection: BiorxivRecord[] }).collection.filter(
    (record) => record.doi === '10.1101/008326',
  );
  const [v3, v4] = records.map((record) => ({
    ...emptyPaper(`biorxiv:${record.doi}v${record.version}`, record.title),
    abstract: [{ text: record.abstract }],
    isPreprint: true,
  }));
  return [v3 as Paper, v4 as Paper];
}

const highlight = (paper: Paper): EarlierHighlight => ({
  paper,
  postedAt: POSTED_3_MARCH,
  digestId: 'C1:2026-W10',
});

describe('findUpdateLinks', () => {
  it('flags a later record of the same work as an update of the earlier highlight, quoting both verbatim', () => {
    const [earlier, later] = preprintVersions();
    const [link] = findUpdateLinks([later], [highlight(earlier)]);
    expect(link?.updatesPaperId).toBe(earlier.id);
    expect(link?.relation).toBe('updates');
    expect(link?.note).toMatch(/^Updates a paper posted on 3 March, “PMCE/);
    expect(findVerbatim(link?.earlierQuote ?? '', paperText(earlier))).toBe(true);
    expect(findVerbatim(link?.newQuote ?? '', paperText(later))).toBe(true);
  });

  it('flags nothing among 1,000 real abstracts on distinct questions', () => {
    const corpus = loadFixtureCorpus();
    const oncology = corpus.filter((paper) => parseCaseLine(paperText(paper)).diagnosis);
    const earlier = corpus.filter((paper) => !oncology.includes(paper)).map(highlight);
    expect(oncology.length).toBeGreaterThan(100);
    expect(findUpdateLinks(oncology, [...earlier, ...oncology.slice(60).map(highlight)])).toEqual([]);
  });
});

describe('findingPolarity', () => {
  it('reads a finding stated as absent as negative and a stated association as positive', () => {
    const corpus = new Map(loadFixtureCorpus().map((paper) => [paper.pmid, paper]));
    const sentence = (pmid: string, start: string) =>
      splitSentences(paperText(corpus.get(pmid) as Paper)).find((text) => text.startsWith(start)) as string;
    expect(findingPolarity(sentence('12040336', 'After adjustment for demographic'))).toBe('negative');
    expect(findingPolarity(sentence('9920954', 'Admission to a top-ranked hospital'))).toBe('positive');
  });
});

describe('withUpdateFlags', () => {
  it('sets updatesPaperId and updatesNote on the new digest item from the channel history', async () => {
    const store = await openStore({ memory: true });
    const [earlier, later] = preprintVersions();
    for (const paper of [earlier, later]) await store.papers.put(paper, {});
    const digest = (id: string, paper: Paper): Digest => ({
      id,
      channelId: 'C1',
      period: id.slice(3),
      generatedAt: POSTED_3_MARCH,
      intro: '',
      items: [
        {
          paperId: paper.id,
          title: paper.title,
          summary: createSummary({ headline: 'h', takeaway: 't' }),
          labels: ['preprint'],
          score: 1,
        },
      ],
      candidateCount: 1,
    });
    await store.digests.save({ digest: digest('C1:2026-W10', earlier) });
    await store.digests.markPosted('C1:2026-W10', { channelId: 'C1', ts: '1.0', postedAt: POSTED_3_MARCH });
    const flagged = await withUpdateFlags(store, digest('C1:2026-W49', later));
    expect(flagged.items[0]?.updatesPaperId).toBe(earlier.id);
    expect(flagged.items[0]?.updatesNote).toMatch(/^Updates a paper posted on 3 March/);
  });
});
