import { ingestPapers } from '../ingest/ingest.js';
import type { Logger } from '../log.js';
import type { EutilsClient } from '../sources/pubmed/eutils.js';
import type { Store } from '../store/index.js';
import type { PaperReference } from '../text/identifiers.js';
import type { Clock } from '../time.js';
import type { Paper } from '../types.js';

/**
 * `/lit paper`: the stored paper for a PMID, DOI or PMCID; a PMID not stored yet is fetched
 * from PubMed and ingested, so the next lookup (and a digest question) finds it locally.
 */
export function createPaperLookup(deps: {
  store: Store;
  eutils: EutilsClient;
  logger: Logger;
  clock: Clock;
}) {
  const { store, eutils, logger, clock } = deps;
  return async (reference: PaperReference): Promise<Paper | undefined> => {
    const keys =
      reference.kind === 'pmid'
        ? { pmid: reference.value }
        : reference.kind === 'doi'
          ? { doi: reference.value }
          : {};
    const storedId = await store.papers.findId(keys);
    if (storedId) return store.papers.get(storedId);
    if (reference.kind !== 'pmid') return undefined;
    const now = clock.now();
    const fetched = await eutils.fetchArticles([reference.value], {
      kind: 'pubmed',
      feedId: 'pubmed:lookup',
      fetchedAt: now.toISOString(),
    });
    if (fetched.length === 0) return undefined;
    const { ids } = await ingestPapers(store, fetched, { now, logger });
    logger.info({ pmid: reference.value }, 'paper fetched from PubMed for /lit paper');
    return ids[0] ? store.papers.get(ids[0]) : undefined;
  };
}
