import type { ServerResponse } from 'node:http';
import { searchRecords } from './fake-query.js';
import type { EuropePmcFixtureRecord } from './fixture-records.js';
import { type LoopbackRequest, sendJson, startLoopbackServer } from './loopback.js';

/**
 * A loopback Europe PMC REST service over real fixture records: `search` (format=json,
 * resultType=core; the query run over the records' words, see fake-query.ts) answers with the
 * records exactly as the fixture has them, and `{PMCID}/fullTextXML` with the JATS full text,
 * or 404 as Europe PMC does for an article outside the open-access subset.
 */

export interface FakeEuropePmcOptions {
  records: EuropePmcFixtureRecord[];
  /** JATS by PMCID ("PMC3574550"). */
  fullTexts?: Map<string, { xml: string }>;
  /** Every answer waits this long. */
  latencyMs?: number;
}

export interface FakeEuropePmcRequest {
  endpoint: 'search' | 'fullTextXML' | 'other';
  query?: string;
  at: number;
}

export interface FakeEuropePmc {
  /** Base URL for `EUROPEPMC_URL` (no trailing slash). */
  url: string;
  requests: FakeEuropePmcRequest[];
  /** The next `times` requests answer this HTTP status. */
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

export async function startFakeEuropePmc(options: FakeEuropePmcOptions): Promise<FakeEuropePmc> {
  const requests: FakeEuropePmcRequest[] = [];
  let failures: { status: number; remaining: number } | undefined;

  const respond = (request: LoopbackRequest, res: ServerResponse) => {
    if (failures && failures.remaining > 0) {
      failures.remaining -= 1;
      return sendJson(res, failures.status, { error: 'injected failure' });
    }
    const fullText = /\/(PMC\d+)\/fullTextXML$/i.exec(request.path);
    if (fullText) {
      const article = options.fullTexts?.get((fullText[1] as string).toUpperCase());
      if (!article) return sendJson(res, 404, { error: 'not found' });
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
      return res.end(article.xml);
    }
    if (!request.path.endsWith('/search')) return sendJson(res, 404, { error: 'unknown endpoint' });
    const query = request.query.get('query') ?? '';
    const pageSize = Number(request.query.get('pageSize') ?? 25);
    const found = searchRecords(options.records, query);
    return sendJson(res, 200, {
      version: '6.9',
      hitCount: found.length,
      request: { queryString: query, resultType: request.query.get('resultType') ?? 'lite', pageSize },
      resultList: { result: found.slice(0, pageSize).map((record) => record.json) },
    });
  };

  const server = await startLoopbackServer((request, res) => {
    requests.push({
      endpoint: request.path.endsWith('/search')
        ? 'search'
        : request.path.endsWith('/fullTextXML')
          ? 'fullTextXML'
          : 'other',
      query: request.query.get('query') ?? undefined,
      at: performance.now(),
    });
    if (options.latencyMs) setTimeout(() => respond(request, res), options.latencyMs);
    else respond(request, res);
  });
  return {
    url: server.url,
    requests,
    failNext: (status, times = 1) => {
      failures = { status, remaining: times };
    },
    close: server.close,
  };
}
