import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ingestPapers } from '../../src/ingest/ingest.js';
import { StagedPapers } from '../../src/ingest/staged-papers.js';
import { silentLogger } from '../../src/log.js';
import { parsePubmedArticleSet } from '../../src/sources/pubmed/parse-article.js';
import { openStore } from '../../src/store/index.js';

const NOW = new Date('2026-11-25T08:00:00Z');
const papers = parsePubmedArticleSet(
  readFileSync(
    new URL('../fixtures/sources/pubmed/findpapers_pubmed_efetch_response_50.xml', import.meta.url),
    'utf8',
  ),
  { kind: 'pubmed', feedId: 'pubmed:onc', fetchedAt: NOW.toISOString() },
);

describe('StagedPapers', () => {
  it('matches papers read ahead without one store read per paper', async () => {
    const store = await openStore({ memory: true });
    await ingestPapers(store, papers, { now: NOW, logger: silentLogger });
    const staged = new StagedPapers(store);
    await staged.readAhead(papers.map((paper) => ({ paper })));
    const findId = vi.spyOn(store.papers, 'findId');
    const get = vi.spyOn(store.papers, 'get');
    for (const paper of papers) {
      expect(await staged.findId(paper)).toBe(paper.id);
      expect((await staged.get(paper.id))?.title).toBe(paper.title);
    }
    expect(findId).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
  });

  it('finds a staged paper before it is written, and through the store after the flush', async () => {
    const store = await openStore({ memory: true });
    const [paper] = papers;
    if (!paper) throw new Error('fixture has no papers');
    const staged = new StagedPapers(store);
    await staged.readAhead([{ paper }]);
    expect(await staged.findId(paper)).toBeUndefined();
    staged.stage({ ...paper, ingestedAt: NOW.toISOString() });
    expect(await staged.findId(paper)).toBe(paper.id);
    expect(await store.papers.get(paper.id)).toBeUndefined();
    await staged.flush();
    expect(staged.size).toBe(0);
    expect(await store.papers.findId({ pmid: paper.pmid })).toBe(paper.id);
    expect(await staged.findId(paper)).toBe(paper.id);
    expect(await store.papers.idsInWeek('2026-W48')).toEqual([paper.id]);
  });
});
