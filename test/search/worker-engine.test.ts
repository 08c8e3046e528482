import { describe, expect, it } from 'vitest';
import { SearchError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import type { PaperDocument } from '../../src/search/paper-document.js';
import { toPaperDocument } from '../../src/search/paper-document.js';
import { startSearchWorker } from '../../src/search/worker-engine.js';
import { jmmlCaseReport } from '../digest/fixture-papers.js';

describe('startSearchWorker', () => {
  it('answers searches made right after adds, in order, without waiting for a flush', async () => {
    const engine = startSearchWorker({ logger: silentLogger });
    try {
      engine.add(toPaperDocument(jmmlCaseReport()), false);
      expect(engine.size).toBe(1);
      const hits = await engine.search('juvenile myelomonocytic leukemia', {
        limit: 5,
        includeRetracted: false,
      });
      expect(hits.map((hit) => hit.id)).toEqual(['t:jmml-rapamycin-gvl']);
    } finally {
      await engine.close();
    }
  });

  it('fails pending and later searches with a SearchError and tells its owner when the worker dies', async () => {
    const failures: Error[] = [];
    const engine = startSearchWorker({ logger: silentLogger, onFailure: (error) => failures.push(error) });
    try {
      // A document without an id makes the index throw inside the worker, which then exits.
      engine.add({ title: 'no id' } as PaperDocument, false);
      const pending = engine.search('leukemia', { limit: 5, includeRetracted: false });
      await expect(pending).rejects.toBeInstanceOf(SearchError);
      await expect(engine.search('leukemia', { limit: 5, includeRetracted: false })).rejects.toThrow(
        'Search is restarting; try again in a minute.',
      );
      expect(failures).toHaveLength(1);
    } finally {
      await engine.close();
    }
  });

  it('refuses searches once closed instead of leaving them waiting', async () => {
    const engine = startSearchWorker({ logger: silentLogger });
    await engine.close();
    await expect(engine.search('leukemia', { limit: 5, includeRetracted: false })).rejects.toBeInstanceOf(
      SearchError,
    );
  });
});
