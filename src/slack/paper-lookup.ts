import type { Logger } from '../log.js';
import type { LiveServices } from '../qa/live-services.js';
import { resolvePaper } from '../sources/resolve-paper.js';
import type { Store } from '../store/index.js';
import type { PaperReference } from '../text/identifiers.js';
import type { Paper } from '../types.js';

/**
 * `/lit paper`: the stored paper for a PMID, DOI or PMCID; one not stored yet is found online
 * (PubMed's efetch for a PMID, PubMed's `[doi]` search then Europe PMC for a DOI, Europe PMC
 * for a PMCID) and stored, so the next lookup and a thread question find it locally. Without
 * `live` (live look-ups turned off) only the store is read. When the services cannot be
 * reached, the FeedError names them and says what to try.
 */
export function createPaperLookup(deps: {
  store: Store;
  live?: Pick<LiveServices, 'search' | 'storePapers'>;
  logger: Logger;
}) {
  const { store, live, logger } = deps;
  return async (reference: PaperReference): Promise<Paper | undefined> => {
    const keys =
      reference.kind === 'pmid'
        ? { pmid: reference.value }
        : reference.kind === 'doi'
          ? { doi: reference.value }
          : reference.kind === 'pmcid'
            ? { pmcid: reference.value }
            : {};
    const storedId = Object.keys(keys).length > 0 ? await store.papers.findId(keys) : undefined;
    if (storedId) return store.papers.get(storedId);
    if (!live) return undefined;
    const found = await resolvePaper(live.search, reference);
    if (!found) return undefined;
    const [stored] = await live.storePapers([found]);
    logger.info({ kind: reference.kind, paperId: stored?.id }, 'paper fetched online for /lit paper');
    return stored;
  };
}
