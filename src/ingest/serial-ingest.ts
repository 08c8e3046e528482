import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import type { Paper } from '../types.js';
import { ingestPapers } from './ingest.js';

/** Stores papers and hands back the stored records (merged with what the store had), in input order. */
export type StorePapers = (papers: Paper[]) => Promise<Paper[]>;

/**
 * Ingests on-demand fetches (live searches, full texts) one batch at a time: two questions
 * fetching the same paper at once would otherwise both read it as absent and race on the
 * ingestion-week list (see `StagedPapers`).
 */
export function createSerialIngest(store: Store, options: { logger: Logger; now: () => Date }): StorePapers {
  let queue: Promise<unknown> = Promise.resolve();
  return (papers) => {
    const run = queue.then(async () => {
      if (papers.length === 0) return [];
      const { ids } = await ingestPapers(store, papers, { now: options.now(), logger: options.logger });
      const stored = new Map((await store.papers.getMany(ids)).map((paper) => [paper.id, paper]));
      return [...new Set(ids)].flatMap((id) => stored.get(id) ?? []);
    });
    queue = run.catch(() => undefined);
    return run;
  };
}
