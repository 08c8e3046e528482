import type { Config } from '../config/index.js';
import { FeedError, InvalidInputError } from '../errors.js';
import type { FeedSubscription } from '../types.js';
import { urlProblem } from './address-guard.js';
import { createEuropePmcSource } from './europepmc.js';
import { type FetchBody, fetchBody } from './http.js';
import { createPreprintSource } from './preprints.js';
import { createPubmedSource } from './pubmed/source.js';
import { sharedNcbiLimiter } from './rate-limit.js';
import { decodeFeedBody } from './rss/decode.js';
import { parseFeedText } from './rss/parse-feed.js';
import { createRssSource } from './rss/source.js';
import type { Source, SourceDeps } from './source.js';

export type { FeedRequest, FetchBody, FetchedBody } from './http.js';
export type { RateLimiter } from './rate-limit.js';
export type { Source, SourceDeps, SourceFetchContext, SourceFetchResult } from './source.js';

/** The real HTTP client with the configured timeout, size cap and private-address policy. */
export function configuredFetchBody(config: Config): FetchBody {
  return (url, request) =>
    fetchBody(url, {
      ...request,
      timeoutMs: config.sources.timeoutMs,
      maxBytes: config.sources.maxBytes,
      allowPrivateUrls: config.sources.allowPrivateUrls,
    });
}

/** The adapter behind a subscription; every kind answers the same `Source` interface. */
export function createSource(subscription: FeedSubscription, deps: SourceDeps): Source {
  const resolved = {
    ...deps,
    fetchBody: deps.fetchBody ?? configuredFetchBody(deps.config),
    limiter: deps.limiter ?? sharedNcbiLimiter(deps.config.sources.ncbiApiKey),
  };
  switch (subscription.kind) {
    case 'rss':
      return createRssSource(subscription, resolved);
    case 'pubmed':
      return createPubmedSource(subscription, resolved);
    case 'europepmc':
      return createEuropePmcSource(subscription, resolved);
    case 'biorxiv':
    case 'medrxiv':
      return createPreprintSource(subscription, subscription.kind, resolved);
  }
}

export interface FeedProbe {
  /** The URL after redirects. */
  url: string;
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title?: string;
  itemCount: number;
}

/**
 * Fetches a URL once and says whether it is a feed we can read (for `/lit feeds add`). Every
 * failure is an InvalidInputError whose message a clinician can act on: not http(s), a
 * private address, not a feed, timed out.
 */
export async function probeFeedUrl(
  url: string,
  deps: Pick<SourceDeps, 'config' | 'fetchBody'>,
): Promise<FeedProbe> {
  const example = 'https://www.biorxiv.org/rss/subject/cancer-biology.xml';
  const problem = urlProblem(url.trim(), deps.config.sources.allowPrivateUrls);
  if (problem === 'invalid' || problem === 'protocol') {
    throw new InvalidInputError('A feed must be an http:// or https:// URL.', example);
  }
  if (problem === 'private-address') {
    throw new InvalidInputError(
      'That URL points to a private or local network address, which is not allowed.',
      example,
    );
  }
  const fetch = deps.fetchBody ?? configuredFetchBody(deps.config);
  try {
    const response = await fetch(url.trim(), {
      feedId: url.trim(),
      accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5',
    });
    const feed = parseFeedText(decodeFeedBody(response.body, response.contentType), {
      kind: 'rss',
      feedId: url.trim(),
      fetchedAt: new Date().toISOString(),
    });
    return { url: response.url, format: feed.format, title: feed.title, itemCount: feed.papers.length };
  } catch (error) {
    if (error instanceof FeedError) throw new InvalidInputError(probeMessage(error), example);
    throw error;
  }
}

/** The FeedError's message, reworded from "Feed <url> …" to "That URL …" for a person adding it. */
function probeMessage(error: FeedError): string {
  const prefix = `Feed ${error.feedId}`;
  const message = error.userMessage.startsWith(prefix)
    ? `That URL${error.userMessage.slice(prefix.length)}`
    : error.userMessage;
  return message.replace(/^That URL:\s*/, 'That URL: ');
}
