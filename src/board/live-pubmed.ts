import type { EutilsClient } from '../sources/pubmed/eutils.js';
import type { Paper } from '../types.js';

/** A board case is about the current literature, but landmark papers are older than a digest window. */
const LOOKBACK_YEARS = 10;
const FEED_ID = 'board:pubmed';

/**
 * The live PubMed search of a brief: esearch over the last ten years, then efetch, through the
 * shared E-utilities client (and so its NCBI rate limiter). Results are used for the brief
 * only; they are not ingested into a channel's digest.
 */
export function createBoardPubmedSearch(
  client: EutilsClient,
  now: () => Date = () => new Date(),
): (query: string, max: number) => Promise<Paper[]> {
  return async (query, max) => {
    const to = now();
    const from = new Date(Date.UTC(to.getUTCFullYear() - LOOKBACK_YEARS, to.getUTCMonth(), to.getUTCDate()));
    const { ids } = await client.searchIds(query, { from, to }, max);
    if (ids.length === 0) return [];
    return client.fetchArticles(ids, { kind: 'pubmed', feedId: FEED_ID, fetchedAt: to.toISOString() });
  };
}
