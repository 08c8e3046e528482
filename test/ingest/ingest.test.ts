import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestPapers } from '../../src/ingest/ingest.js';
import { silentLogger } from '../../src/log.js';
import { parseEuropePmcSearch } from '../../src/sources/europepmc.js';
import { parsePreprintDetails } from '../../src/sources/preprints.js';
import { parsePubmedArticleSet } from '../../src/sources/pubmed/parse-article.js';
import { decodeFeedBody } from '../../src/sources/rss/decode.js';
import { parseFeedText } from '../../src/sources/rss/parse-feed.js';
import { openStore } from '../../src/store/index.js';
import type { Paper } from '../../src/types.js';

const FIRST = new Date('2026-11-23T08:00:00Z');
const LATER = new Date('2026-11-25T08:00:00Z');
const at = (date: Date) => date.toISOString();
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const projectFixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));

function pubmed(file: string, date = FIRST): Paper[] {
  return parsePubmedArticleSet(fixture(`sources/pubmed/${file}`).toString('utf8'), {
    kind: 'pubmed',
    feedId: 'pubmed:onc',
    fetchedAt: at(date),
  });
}

/** The project's RSS feed built from the same three real PubMed records (links carry PMID and DOI). */
function rss(date = LATER): Paper[] {
  return parseFeedText(decodeFeedBody(projectFixture('feeds/pubmed-oncology.rss')), {
    kind: 'rss',
    feedId: 'rss:onc',
    fetchedAt: at(date),
  }).papers;
}

function europePmc(date = LATER): Paper[] {
  return parseEuropePmcSearch(fixture('sources/europepmc/search-page1.json').toString('utf8'), {
    kind: 'europepmc',
    feedId: 'europepmc:onc',
    fetchedAt: at(date),
  }).papers;
}

async function ingest(store: Awaited<ReturnType<typeof openStore>>, papers: Paper[], now: Date) {
  return ingestPapers(store, papers, { now, logger: silentLogger });
}

describe('ingestPapers', () => {
  it('keeps one record for the same paper from PubMed XML, an RSS feed and Europe PMC', async () => {
    const store = await openStore({ memory: true });
    await ingest(store, pubmed('biopython_Entrez_pubmed4.xml'), FIRST);
    const fromRss = await ingest(store, rss(), LATER);
    const fromEpmc = await ingest(store, europePmc(), LATER);

    expect(fromRss).toMatchObject({ added: 2, merged: 1 });
    expect(fromEpmc).toMatchObject({ added: 0, merged: 2 });
    const paper = await store.papers.get('pmid:27797938');
    expect(paper?.sources.map((s) => s.kind)).toEqual(['pubmed', 'rss', 'europepmc']);
    expect(paper?.ingestedAt).toBe(at(FIRST));
    // PubMed's curated record names the paper and keeps its structured abstract.
    expect(paper?.abstract.map((s) => s.label)).toEqual(['OBJECTIVE', 'DESIGN', 'RESULTS', 'CONCLUSIONS']);
    expect(await store.papers.findId({ doi: '10.1136/gutjnl-2016-312510' })).toBe('pmid:27797938');
    expect(await store.papers.idsInWeek('2026-W48')).toHaveLength(3);
  });

  it('merges duplicates inside one batch', async () => {
    const store = await openStore({ memory: true });
    const summary = await ingest(
      store,
      [...pubmed('biopython_Entrez_pubmed4.xml'), ...rss(), ...europePmc()],
      FIRST,
    );
    expect(summary).toMatchObject({ added: 3 });
    expect(new Set(summary.ids).size).toBe(3);
  });

  it('is idempotent: re-ingesting the same records changes nothing', async () => {
    const store = await openStore({ memory: true });
    const papers = [...pubmed('findpapers_pubmed_efetch_response_50.xml'), ...rss()];
    await ingest(store, papers, FIRST);
    const before = await store.papers.getMany(['pmid:36006759', 'pmid:27797938']);
    const again = await ingest(
      store,
      [...pubmed('findpapers_pubmed_efetch_response_50.xml', LATER), ...rss(LATER)],
      LATER,
    );
    expect(again).toMatchObject({ added: 0, merged: 0, unchanged: papers.length });
    expect(await store.papers.getMany(['pmid:36006759', 'pmid:27797938'])).toEqual(before);
    expect(await store.papers.weeks()).toEqual(['2026-W48']);
  });

  it('keeps the existing id when a title-only record later arrives with a PMID', async () => {
    const store = await openStore({ memory: true });
    const [fromFeed] = rss();
    const titleOnly = { ...(fromFeed as Paper), pmid: undefined, doi: undefined, id: 't:feed-copy' };
    await ingest(store, [titleOnly], FIRST);
    const summary = await ingest(store, pubmed('biopython_Entrez_pubmed4.xml', LATER), LATER);
    expect(summary.ids).toEqual(['t:feed-copy']);
    const merged = await store.papers.get('t:feed-copy');
    expect(merged).toMatchObject({
      pmid: '27797938',
      doi: '10.1136/gutjnl-2016-312510',
      ingestedAt: at(FIRST),
    });
    expect(await store.papers.findId({ pmid: '27797938' })).toBe('t:feed-copy');
  });

  it('marks a stored paper retracted when a retraction notice arrives, and keeps it retracted', async () => {
    const store = await openStore({ memory: true });
    const [retracted] = pubmed('abridged_pmid_9500320_retracted.xml');
    const before = {
      ...(retracted as Paper),
      retracted: false,
      notices: [],
      publicationTypes: ['Journal Article'],
    };
    await ingest(store, [before], FIRST);
    await ingest(store, [retracted as Paper], LATER);
    await ingest(store, [before], LATER);
    const stored = await store.papers.get('pmid:9500320');
    expect(stored?.retracted).toBe(true);
    expect(stored?.notices.map((n) => n.kind)).toContain('retraction');
  });

  it('links a preprint to its journal version whichever arrives first', async () => {
    const preprints = parsePreprintDetails(
      fixture('sources/preprints/findpapers_biorxiv_details_sample_response.json').toString('utf8'),
      {
        kind: 'biorxiv',
        feedId: 'biorxiv:all',
        fetchedAt: at(FIRST),
      },
    ).papers;
    const preprint = preprints.find((p) => p.doi === '10.1101/001768') as Paper;
    // The journal side carries only what the preprint server reports about it: its DOI.
    const journal: Paper = {
      ...preprint,
      id: 'doi:10.1016/j.isci.2022.105906',
      doi: '10.1016/j.isci.2022.105906',
      isPreprint: false,
      notices: [],
      publicationTypes: [],
      category: undefined,
      url: 'https://doi.org/10.1016/j.isci.2022.105906',
      sources: [{ kind: 'rss', feedId: 'rss:journal', fetchedAt: at(LATER) }],
    };
    for (const order of [
      [preprint, journal],
      [journal, preprint],
    ]) {
      const store = await openStore({ memory: true });
      await ingest(store, [order[0] as Paper], FIRST);
      await ingest(store, [order[1] as Paper], LATER);
      expect((await store.papers.get('doi:10.1101/001768'))?.publishedVersionId).toBe(
        'doi:10.1016/j.isci.2022.105906',
      );
      expect((await store.papers.get('doi:10.1016/j.isci.2022.105906'))?.preprintId).toBe(
        'doi:10.1101/001768',
      );
    }
  });
});
