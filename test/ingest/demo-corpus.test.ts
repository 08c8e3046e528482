import { describe, expect, it } from 'vitest';
import { loadDemoCorpus } from '../../src/ingest/demo-corpus.js';
import { silentLogger } from '../../src/log.js';
import { openStore } from '../../src/store/index.js';
import { isoWeek } from '../../src/time.js';

const NOW = new Date('2026-11-25T11:00:00Z');

describe('loadDemoCorpus', () => {
  // About 1,200 records through the real parsers twice: give a loaded CI machine room.
  it('ingests the bundled corpus as this week, one record per paper, and is idempotent', {
    timeout: 90_000,
  }, async () => {
    const store = await openStore({ memory: true });
    const progress: number[] = [];
    const first = await loadDemoCorpus(store, {
      now: NOW,
      logger: silentLogger,
      onProgress: ({ filesDone }) => void progress.push(filesDone),
    });
    expect(first.files).toBe(progress.length);
    expect(first.papersRead).toBeGreaterThan(1100);
    expect(first.added).toBeLessThan(first.papersRead);

    const ids = await store.papers.idsInWeek(isoWeek(NOW));
    expect(ids).toHaveLength(first.added);
    const papers = await store.papers.getMany(ids);
    expect(papers.every((paper) => paper.ingestedAt === NOW.toISOString())).toBe(true);
    expect(papers.filter((paper) => paper.sources.some((source) => source.kind === 'pubmedqa'))).toHaveLength(
      1000,
    );

    const jmml = papers.filter((paper) =>
      paper.abstract.some((section) => section.text.includes('juvenile myelomonocytic leukemia (JMML)')),
    );
    expect(jmml).toHaveLength(1);
    expect(jmml[0]?.title).toBe(
      'Case report: rapamycin and graft-versus-leukemia in JMML relapse after HSCT',
    );
    expect(jmml[0]?.sources.map((source) => source.kind).sort()).toEqual(['file', 'rss']);
    expect(jmml[0]?.fullText).toContain('approaches 50% within 5 years');
    expect(jmml[0]?.pmid ?? jmml[0]?.doi).toBeUndefined();

    const tert = await store.papers.get('pmid:27797938');
    expect(tert?.sources.map((source) => source.kind).sort()).toEqual(['europepmc', 'pubmed', 'rss']);

    const again = await loadDemoCorpus(store, {
      now: new Date('2026-11-26T11:00:00Z'),
      logger: silentLogger,
    });
    expect(again).toMatchObject({ added: 0, merged: 0, unchanged: first.papersRead });
  });
});
