import type { Config } from '../../config/index.js';
import type { Paper } from '../../types.js';
import type { FetchBody } from '../http.js';
import type { SourceContext } from '../paper.js';
import type { RateLimiter } from '../rate-limit.js';
import { type EsearchResult, parseEsearch } from './esearch.js';
import { parsePubmedArticleSetInSlices } from './parse-in-slices.js';

/** NCBI asks for at most 200 ids per efetch GET. */
export const EFETCH_BATCH = 200;
const ESEARCH_PAGE = 500;

export interface EutilsClient {
  /** PMIDs matching `term` whose Entrez date lies in [from, to], newest first, at most `limit`. */
  searchIds(
    term: string,
    window: { from: Date; to: Date },
    limit: number,
    signal?: AbortSignal,
  ): Promise<{ ids: string[]; total: number }>;
  /** Full records for these PMIDs, fetched in batches of at most 200. */
  fetchArticles(pmids: string[], context: SourceContext, signal?: AbortSignal): Promise<Paper[]>;
}

export interface EutilsDeps {
  config: Config;
  fetchBody: FetchBody;
  limiter: RateLimiter;
  feedId: string;
}

export function createEutilsClient({ config, fetchBody, limiter, feedId }: EutilsDeps): EutilsClient {
  const get = async (endpoint: string, params: Record<string, string>, signal?: AbortSignal) => {
    const result = await fetchBody(eutilsUrl(config, endpoint, params), {
      feedId,
      signal,
      beforeAttempt: () => limiter.acquire(signal),
    });
    return result.body.toString('utf8');
  };

  return {
    async searchIds(term, window, limit, signal) {
      const ids: string[] = [];
      let total = 0;
      for (let retStart = 0; ids.length < limit; retStart += ESEARCH_PAGE) {
        const page: EsearchResult = parseEsearch(
          await get(
            'esearch.fcgi',
            {
              db: 'pubmed',
              term,
              datetype: 'edat',
              mindate: entrezDate(window.from),
              maxdate: entrezDate(window.to),
              retstart: String(retStart),
              retmax: String(Math.min(ESEARCH_PAGE, limit - ids.length)),
              retmode: 'json',
            },
            signal,
          ),
          feedId,
        );
        ids.push(...page.ids);
        total = page.count;
        if (page.ids.length === 0 || retStart + page.ids.length >= page.count) break;
      }
      return { ids: [...new Set(ids)].slice(0, limit), total };
    },

    async fetchArticles(pmids, context, signal) {
      const papers: Paper[] = [];
      for (let start = 0; start < pmids.length; start += EFETCH_BATCH) {
        const batch = pmids.slice(start, start + EFETCH_BATCH);
        const xml = await get('efetch.fcgi', { db: 'pubmed', id: batch.join(','), retmode: 'xml' }, signal);
        papers.push(...(await parsePubmedArticleSetInSlices(xml, context)));
      }
      return papers;
    },
  };
}

/** An E-utilities URL carrying the `tool`, `email` and `api_key` NCBI asks every client to send. */
export function eutilsUrl(config: Config, endpoint: string, params: Record<string, string>): string {
  const url = new URL(`${config.sources.ncbiEutilsUrl}/${endpoint}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  url.searchParams.set('tool', config.sources.ncbiTool);
  if (config.sources.ncbiEmail) url.searchParams.set('email', config.sources.ncbiEmail);
  if (config.sources.ncbiApiKey) url.searchParams.set('api_key', config.sources.ncbiApiKey);
  return url.toString();
}

/** Entrez dates are "YYYY/MM/DD" (UTC day). */
function entrezDate(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '/');
}
