import type { FeedSubscription } from '../../types.js';
import type { FetchBody } from '../http.js';
import type { Source, SourceDeps } from '../source.js';
import { decodeFeedBody } from './decode.js';
import { parseFeedText } from './parse-feed.js';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** A journal or PubMed RSS/Atom/RDF feed, fetched with a conditional GET. */
export function createRssSource(
  subscription: FeedSubscription,
  deps: SourceDeps & { fetchBody: FetchBody },
): Source {
  return {
    id: subscription.id,
    kind: 'rss',
    async fetch({ cursor, now, signal }) {
      const response = await deps.fetchBody(subscription.target, {
        feedId: subscription.id,
        etag: cursor?.etag,
        lastModified: cursor?.lastModified,
        accept: FEED_ACCEPT,
        signal,
      });
      if (response.unchanged) return { papers: [], cursor: { ...cursor }, unchanged: true };
      const text = decodeFeedBody(response.body, response.contentType);
      const feed = parseFeedText(
        text,
        { kind: 'rss', feedId: subscription.id, fetchedAt: now.toISOString() },
        response.url,
      );
      return {
        papers: feed.papers,
        cursor: { ...cursor, etag: response.etag, lastModified: response.lastModified },
      };
    },
  };
}
