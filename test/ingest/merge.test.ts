import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSameRecord, mergePapers } from '../../src/ingest/merge.js';
import { parseEuropePmcSearch } from '../../src/sources/europepmc.js';
import { parsePubmedArticleSet } from '../../src/sources/pubmed/parse-article.js';
import type { Paper } from '../../src/types.js';

const [fromPubmed] = parsePubmedArticleSet(
  readFileSync(new URL('../fixtures/sources/pubmed/biopython_Entrez_pubmed4.xml', import.meta.url), 'utf8'),
  { kind: 'pubmed', feedId: 'pubmed:onc', fetchedAt: '2026-11-20T00:00:00.000Z' },
) as [Paper];
const [fromEpmc] = parseEuropePmcSearch(
  readFileSync(new URL('../fixtures/sources/europepmc/search-page1.json', import.meta.url), 'utf8'),
  { kind: 'europepmc', feedId: 'europepmc:onc', fetchedAt: '2026-11-25T00:00:00.000Z' },
).papers as [Paper];

describe('mergePapers', () => {
  it('keeps the stored id and first ingestion time and unions the sources', () => {
    const stored = { ...fromEpmc, id: 't:earlier', ingestedAt: '2026-11-01T00:00:00.000Z' };
    const merged = mergePapers(stored, fromPubmed);
    expect(merged.id).toBe('t:earlier');
    expect(merged.ingestedAt).toBe('2026-11-01T00:00:00.000Z');
    expect(merged.sources.map((s) => s.feedId)).toEqual(['europepmc:onc', 'pubmed:onc']);
  });

  it("lets PubMed's record name the paper and keep its labels, whichever arrives first", () => {
    for (const merged of [mergePapers(fromEpmc, fromPubmed), mergePapers(fromPubmed, fromEpmc)]) {
      expect(merged.title).toBe(fromPubmed.title);
      expect(merged.url).toBe('https://pubmed.ncbi.nlm.nih.gov/27797938/');
      expect(merged.mesh).toEqual(fromPubmed.mesh);
    }
  });

  it('keeps the richer abstract and the longer full text', () => {
    const bare = { ...fromEpmc, abstract: [{ text: 'Telomere shortening occurs as an early event.' }] };
    expect(mergePapers(bare, fromPubmed).abstract).toEqual(fromPubmed.abstract);
    const withText = { ...fromPubmed, fullText: 'Highlights\nSome longer body text kept from a page.' };
    expect(mergePapers(withText, fromEpmc).fullText).toBe(withText.fullText);
  });

  it('never drops a retraction or erratum notice', () => {
    const retracted: Paper = {
      ...fromPubmed,
      retracted: true,
      notices: [{ kind: 'retraction', text: 'Retraction notice', pmid: '20137807' }],
    };
    const merged = mergePapers(retracted, fromEpmc);
    expect(merged.retracted).toBe(true);
    expect(merged.notices).toEqual(retracted.notices);
    expect(mergePapers(fromEpmc, retracted).retracted).toBe(true);
  });

  it('is idempotent', () => {
    const once = mergePapers(fromPubmed, fromEpmc);
    expect(isSameRecord(mergePapers(once, fromEpmc), once)).toBe(true);
    expect(isSameRecord(mergePapers(once, fromPubmed), once)).toBe(true);
  });

  it('treats a record as a journal article once any source says so', () => {
    expect(mergePapers({ ...fromPubmed, isPreprint: true }, fromEpmc).isPreprint).toBe(false);
  });
});
