import type { ServerResponse } from 'node:http';
import { syntheticIndexOf, syntheticPmid, syntheticPubmedArticleSet } from '../generate/pubmed-xml.js';
import { searchRecords } from './fake-query.js';
import type { PubmedFixtureRecord } from './fixture-records.js';
import { type LoopbackRequest, sendJson, startLoopbackServer } from './loopback.js';

/**
 * A loopback NCBI E-utilities (esearch with history and paging, efetch XML) over a corpus
 * of generated records, or over real fixture records searched by their words (`records`).
 * It enforces NCBI's published rate limit (3 requests per second, 10 with an api_key) the way
 * NCBI does, with a 429, and counts every violation.
 */

export type EutilsFault =
  | { kind: 'server-error'; status?: number }
  | { kind: 'hang' }
  | { kind: 'malformed' };

export interface FakeEutilsOptions {
  /** Records the search matches (PMIDs `syntheticPmid(0…total-1)`, newest first). */
  total?: number;
  /** Entrez date written into every generated record. */
  entrezDate?: Date;
  /** Answer over-limit requests with 429 (NCBI's behaviour) or serve them and only count. */
  overLimit?: 'reject' | 'count';
  /** Which slice of the corpus a search term matches (positions, newest first); all of it by default. */
  matches?: (term: string) => { start: number; count: number };
  /**
   * Real PubmedArticle records to serve instead of generated ones: esearch runs the term over
   * their words (see fake-query.ts), efetch returns them as the fixture files have them.
   */
  records?: PubmedFixtureRecord[];
  /** JATS by PMCID ("PMC3574550"), served by `efetch db=pmc` as PMC's open-access service does. */
  fullTexts?: Map<string, { xml: string }>;
  /** Every answer waits this long, as NCBI's do (~300 ms); the rate limit counts arrivals. */
  latencyMs?: number;
}

export interface FakeEutilsRequest {
  endpoint: string;
  at: number;
  withApiKey: boolean;
  rateLimited: boolean;
}

export interface FakeEutils {
  /** Base URL for `NCBI_EUTILS_URL` (no trailing slash). */
  url: string;
  requests: FakeEutilsRequest[];
  /** Requests that arrived while the caller already used up its per-second allowance. */
  violations(): number;
  /** Records served by efetch, counting repeats. */
  recordsServed(): number;
  inject(endpoint: 'esearch' | 'efetch', fault: EutilsFault, times?: number): void;
  close(): Promise<void>;
}

const WINDOW_MS = 1000;
const LIMIT_WITHOUT_KEY = 3;
const LIMIT_WITH_KEY = 10;

export async function startFakeEutils(options: FakeEutilsOptions = {}): Promise<FakeEutils> {
  const total = options.total ?? 1000;
  const entrezDate = options.entrezDate ?? new Date();
  const requests: FakeEutilsRequest[] = [];
  const faults: { endpoint: string; fault: EutilsFault; remaining: number }[] = [];
  let served = 0;

  const overLimit = (now: number, withApiKey: boolean): boolean => {
    const limit = withApiKey ? LIMIT_WITH_KEY : LIMIT_WITHOUT_KEY;
    const recent = requests.filter((r) => now - r.at < WINDOW_MS).length;
    return recent > limit;
  };

  const takeFault = (endpoint: string): EutilsFault | undefined => {
    const index = faults.findIndex((f) => f.endpoint === endpoint);
    const pending = faults[index];
    if (!pending) return undefined;
    pending.remaining -= 1;
    if (pending.remaining <= 0) faults.splice(index, 1);
    return pending.fault;
  };

  const handle = (request: LoopbackRequest, res: ServerResponse) => {
    const params = { ...Object.fromEntries(request.query), ...request.body };
    const endpoint = request.path.replace(/^.*\//, '').replace(/\.fcgi$/, '');
    const at = performance.now();
    const withApiKey = Boolean(params.api_key);
    const entry = { endpoint, at, withApiKey, rateLimited: false };
    requests.push(entry);
    if (overLimit(at, withApiKey)) {
      entry.rateLimited = true;
      if (options.overLimit !== 'count') {
        const limit = withApiKey ? LIMIT_WITH_KEY : LIMIT_WITHOUT_KEY;
        return sendJson(res, 429, {
          error: 'API rate limit exceeded',
          count: String(limit + 1),
          limit: String(limit),
        });
      }
    }
    if (options.latencyMs) {
      setTimeout(() => respond(endpoint, params, res), options.latencyMs);
      return;
    }
    respond(endpoint, params, res);
  };

  const respond = (endpoint: string, params: Record<string, string>, res: ServerResponse) => {
    const fault = takeFault(endpoint);
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'server-error')
      return sendJson(res, fault.status ?? 500, { error: 'internal error' });
    if (fault?.kind === 'malformed')
      return sendXml(res, '<?xml version="1.0" ?><PubmedArticleSet><PubmedArticle><Medline');
    if (options.records && endpoint === 'esearch') return esearchRecords(options.records, params, res);
    if (endpoint === 'efetch' && params.db === 'pmc') return efetchPmc(options.fullTexts, params, res);
    if (options.records && endpoint === 'efetch') return efetchRecords(options.records, params, res);
    if (endpoint === 'esearch') return esearch(params, res);
    if (endpoint === 'efetch') return efetch(params, res);
    return sendJson(res, 400, { error: `unknown endpoint ${endpoint}` });
  };

  const esearch = (params: Record<string, string>, res: ServerResponse) => {
    const retstart = Number(params.retstart ?? 0);
    const retmax = Number(params.retmax ?? 20);
    const slice = options.matches?.(params.term ?? '') ?? { start: 0, count: total };
    const count = Math.max(0, Math.min(slice.count, total - slice.start));
    const ids = pmidsInRange(total, slice.start + retstart, Math.max(0, Math.min(retmax, count - retstart)));
    const history = params.usehistory === 'y' ? { webenv: 'MCID_FAKE_WEBENV', querykey: '1' } : undefined;
    if (params.retmode === 'json') {
      return sendJson(res, 200, {
        header: { type: 'esearch', version: '0.3' },
        esearchresult: {
          count: String(count),
          retmax: String(ids.length),
          retstart: String(retstart),
          ...(history ?? {}),
          idlist: ids,
          translationset: [],
          querytranslation: params.term ?? '',
        },
      });
    }
    const historyXml = history
      ? `<QueryKey>${history.querykey}</QueryKey><WebEnv>${history.webenv}</WebEnv>`
      : '';
    return sendXml(
      res,
      `<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n<eSearchResult><Count>${count}</Count><RetMax>${ids.length}</RetMax><RetStart>${retstart}</RetStart>${historyXml}<IdList>\n${ids.map((id) => `<Id>${id}</Id>`).join('\n')}\n</IdList><TranslationSet/><QueryTranslation>${escapeXml(params.term ?? '')}</QueryTranslation></eSearchResult>\n`,
    );
  };

  const efetch = (params: Record<string, string>, res: ServerResponse) => {
    const ids = params.id
      ? params.id
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : pmidsInRange(total, Number(params.retstart ?? 0), Number(params.retmax ?? 20));
    const indexes = ids.map(syntheticIndexOf).filter((index) => index >= 0 && index < total);
    served += indexes.length;
    return sendXml(res, syntheticPubmedArticleSet(indexes, entrezDate));
  };

  const server = await startLoopbackServer(handle);
  return {
    url: server.url,
    requests,
    violations: () => requests.filter((r) => r.rateLimited).length,
    recordsServed: () => served,
    inject: (endpoint, fault, times = 1) => {
      faults.push({ endpoint, fault, remaining: times });
    },
    close: server.close,
  };
}

function esearchRecords(records: PubmedFixtureRecord[], params: Record<string, string>, res: ServerResponse) {
  const found = searchRecords(records, params.term ?? '');
  const retstart = Number(params.retstart ?? 0);
  const ids = found.slice(retstart, retstart + Number(params.retmax ?? 20)).map((record) => record.pmid);
  sendJson(res, 200, {
    header: { type: 'esearch', version: '0.3' },
    esearchresult: {
      count: String(found.length),
      retmax: String(ids.length),
      retstart: String(retstart),
      idlist: ids,
      translationset: [],
      querytranslation: params.term ?? '',
    },
  });
}

function efetchRecords(records: PubmedFixtureRecord[], params: Record<string, string>, res: ServerResponse) {
  const wanted = new Set((params.id ?? '').split(',').map((id) => id.trim()));
  const xml = records
    .filter((record) => wanted.has(record.pmid))
    .map((record) => record.xml)
    .join('\n');
  sendXml(res, `<?xml version="1.0" ?>\n<PubmedArticleSet>\n${xml}\n</PubmedArticleSet>\n`);
}

/** PMC's answer: the JATS article inside `<pmc-articleset>`, or an error element for an unknown id. */
function efetchPmc(
  fullTexts: Map<string, { xml: string }> | undefined,
  params: Record<string, string>,
  res: ServerResponse,
) {
  const article = fullTexts?.get(`PMC${(params.id ?? '').replace(/^PMC/i, '')}`);
  const body = article
    ? article.xml.replace(/^[\s\S]*?(?=<article[\s>])/, '')
    : `<error>The following PMCID is not available: ${escapeXml(params.id ?? '')}</error>`;
  sendXml(res, `<?xml version="1.0" ?>\n<pmc-articleset>${body}</pmc-articleset>\n`);
}

/** Newest first, like PubMed's default sort: position 0 is the highest index. */
function pmidsInRange(total: number, retstart: number, retmax: number): string[] {
  const ids: string[] = [];
  for (let position = retstart; position < Math.min(total, retstart + retmax); position++) {
    ids.push(syntheticPmid(total - 1 - position));
  }
  return ids;
}

function sendXml(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'text/xml; charset=UTF-8' });
  res.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
