import { FeedError } from '../errors.js';
import type { Paper } from '../types.js';
import { parseJatsArticle } from './jats/parse-article.js';
import type { SourceContext } from './paper.js';
import { eutilsUrl } from './pubmed/eutils.js';
import type { LookupDeps } from './source.js';

const EUROPEPMC_FEED = 'europepmc:fulltext';
const PMC_FEED = 'pmc:fulltext';
const JATS_ACCEPT = 'application/xml, text/xml;q=0.9, */*;q=0.5';

/** The open-access article for a PMCID, with its full-text sections; undefined when it is not open access. */
export type FetchFullText = (pmcid: string, signal?: AbortSignal) => Promise<Paper | undefined>;

/**
 * Fetches an open-access article's JATS: from Europe PMC's `fullTextXML` first, from PMC's
 * E-utilities (`efetch db=pmc`) when Europe PMC cannot be reached. A 404 from Europe PMC, or a
 * PMC record without a `<body>` (PMC answers metadata only for articles outside the
 * open-access subset), means there is no full text to read.
 */
export function createFullTextFetcher({
  config,
  fetchBody,
  limiter,
  now = () => new Date(),
}: LookupDeps): FetchFullText {
  const parse = (xml: string, feedId: string, kind: SourceContext['kind']): Paper | undefined => {
    const paper = parseJatsArticle(xml, { kind, feedId, fetchedAt: now().toISOString() });
    return paper?.fullTextSections?.length ? paper : undefined;
  };
  return async (pmcid, signal) => {
    const europePmc = `${config.sources.europePmcUrl}/${encodeURIComponent(pmcid)}/fullTextXML`;
    try {
      const response = await fetchBody(europePmc, { feedId: EUROPEPMC_FEED, signal, accept: JATS_ACCEPT });
      return parse(response.body.toString('utf8'), EUROPEPMC_FEED, 'europepmc');
    } catch (error) {
      if (!(error instanceof FeedError) || !error.retryable || signal?.aborted) {
        if (error instanceof FeedError && /HTTP 404\b/.test(error.userMessage)) return undefined;
        throw error;
      }
    }
    const pmc = eutilsUrl(config, 'efetch.fcgi', {
      db: 'pmc',
      id: pmcid.replace(/^PMC/i, ''),
      retmode: 'xml',
    });
    const response = await fetchBody(pmc, {
      feedId: PMC_FEED,
      signal,
      accept: JATS_ACCEPT,
      beforeAttempt: () => limiter.acquire(signal),
    });
    return parse(response.body.toString('utf8'), PMC_FEED, 'pubmed');
  };
}
