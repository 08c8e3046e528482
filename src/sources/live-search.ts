import { FeedError } from '../errors.js';
import type { Paper } from '../types.js';
import { parseEuropePmcSearch } from './europepmc.js';
import type { SourceContext } from './paper.js';
import { parseEsearch } from './pubmed/esearch.js';
import { createEutilsClient, eutilsUrl } from './pubmed/eutils.js';
import type { LookupDeps } from './source.js';

export type LiveService = 'PubMed' | 'Europe PMC';

/** Feed ids of the live searches: what logs and health name, never shown to a user as such. */
const PUBMED_FEED = 'pubmed:search';
const EUROPEPMC_FEED = 'europepmc:search';

/**
 * Searches of PubMed and Europe PMC made on demand (a question the stored papers cannot answer,
 * `/lit search --pubmed`, `/lit paper` for a paper not stored), as opposed to the subscribed
 * feeds. PubMed goes through the shared NCBI rate limit. Every failure is a FeedError whose
 * message names the service ("PubMed did not respond within 20 s.").
 */
export interface LiteratureSearch {
  /** PubMed's best matches (its relevance order), with their abstracts. */
  searchPubmed(term: string, limit: number, signal?: AbortSignal): Promise<Paper[]>;
  /** Europe PMC's best matches (journals and preprints), with their abstracts. */
  searchEuropePmc(query: string, limit: number, signal?: AbortSignal): Promise<Paper[]>;
  /** PubMed's record of a PMID; undefined when PubMed has none. */
  pubmedRecord(pmid: string, signal?: AbortSignal): Promise<Paper | undefined>;
  /** How long a PubMed request made now would queue behind the shared NCBI rate limit. */
  pubmedWaitMs(): number;
}

export function createLiteratureSearch({
  config,
  fetchBody,
  limiter,
  now = () => new Date(),
}: LookupDeps): LiteratureSearch {
  const eutils = createEutilsClient({ config, fetchBody, limiter, feedId: PUBMED_FEED });
  const context = (kind: 'pubmed' | 'europepmc', feedId: string): SourceContext => ({
    kind,
    feedId,
    fetchedAt: now().toISOString(),
  });
  const efetch = async (ids: string[], signal?: AbortSignal): Promise<Paper[]> => {
    if (ids.length === 0) return [];
    const papers = await eutils.fetchArticles(ids, context('pubmed', PUBMED_FEED), signal);
    const rank = new Map(ids.map((id, i) => [id, i]));
    return papers.sort((a, b) => (rank.get(a.pmid ?? '') ?? 0) - (rank.get(b.pmid ?? '') ?? 0));
  };

  return {
    searchPubmed: (term, limit, signal) =>
      named('PubMed', PUBMED_FEED, signal, async () => {
        const url = eutilsUrl(config, 'esearch.fcgi', {
          db: 'pubmed',
          term,
          sort: 'relevance',
          retmax: String(limit),
          retmode: 'json',
        });
        const response = await fetchBody(url, {
          feedId: PUBMED_FEED,
          signal,
          accept: 'application/json',
          beforeAttempt: () => limiter.acquire(signal),
        });
        const { ids } = parseEsearch(response.body.toString('utf8'), PUBMED_FEED);
        return efetch(ids.slice(0, limit), signal);
      }),

    searchEuropePmc: (query, limit, signal) =>
      named('Europe PMC', EUROPEPMC_FEED, signal, async () => {
        const url = new URL(`${config.sources.europePmcUrl}/search`);
        url.search = new URLSearchParams({
          query,
          format: 'json',
          resultType: 'core',
          pageSize: String(limit),
        }).toString();
        const response = await fetchBody(url.toString(), {
          feedId: EUROPEPMC_FEED,
          signal,
          accept: 'application/json',
        });
        const page = parseEuropePmcSearch(
          response.body.toString('utf8'),
          context('europepmc', EUROPEPMC_FEED),
        );
        return page.papers.slice(0, limit);
      }),

    pubmedWaitMs: () => limiter.waitMs?.() ?? 0,

    pubmedRecord: (pmid, signal) =>
      named('PubMed', PUBMED_FEED, signal, async () => (await efetch([pmid], signal))[0]),
  };
}

/**
 * Runs a call to one service and rewords its failures for a person: "Feed pubmed:search could
 * not be reached." becomes "PubMed could not be reached."; a cancelled wait (the caller's time
 * budget ran out while queued behind the rate limit) becomes "PubMed did not answer in time.".
 */
async function named<T>(
  service: LiveService,
  feedId: string,
  signal: AbortSignal | undefined,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (signal?.aborted) {
      throw new FeedError(service, `${service} did not answer in time.`, { cause: error });
    }
    if (error instanceof FeedError) {
      throw new FeedError(service, reworded(service, feedId, error.userMessage), {
        cause: error,
        retryable: error.retryable,
      });
    }
    throw error;
  }
}

function reworded(service: LiveService, feedId: string, message: string): string {
  const prefix = `Feed ${feedId}`;
  if (!message.startsWith(prefix)) return `${service}: ${message}`;
  const rest = message.slice(prefix.length);
  // Parser messages already name the service ("PubMed search returned unreadable JSON.").
  return /^:\s*\p{Lu}/u.test(rest) ? rest.replace(/^:\s*/, '') : `${service}${rest}`;
}
