import type { FeedSubscription } from '../../types.js';
import type { FetchBody } from '../http.js';
import type { RateLimiter } from '../rate-limit.js';
import type { Source, SourceDeps } from '../source.js';
import { createEutilsClient } from './eutils.js';

/** A new subscription backfills two weeks, so a new channel's first digest is full. */
const FIRST_WINDOW_DAYS = 14;
/** Records per run: a query this busy is too broad for a digest, so the overflow is logged, not fetched. */
const MAX_RECORDS_PER_RUN = 1000;
const DAY_MS = 86_400_000;

/**
 * A PubMed query: esearch by Entrez date from the end of the last window to now, then efetch.
 * The window end is the cursor; windows overlap by a day so nothing indexed late is missed
 * (re-ingesting a record is idempotent).
 */
export function createPubmedSource(
  subscription: FeedSubscription,
  deps: SourceDeps & { fetchBody: FetchBody; limiter: RateLimiter },
): Source {
  const client = createEutilsClient({
    config: deps.config,
    fetchBody: deps.fetchBody,
    limiter: deps.limiter,
    feedId: subscription.id,
  });
  return {
    id: subscription.id,
    kind: 'pubmed',
    async fetch({ cursor, now, signal }) {
      const previousEnd = cursor?.cursor ? Date.parse(cursor.cursor) : Number.NaN;
      const from = new Date(
        Number.isFinite(previousEnd) ? previousEnd - DAY_MS : now.getTime() - FIRST_WINDOW_DAYS * DAY_MS,
      );
      const { ids, total } = await client.searchIds(
        subscription.target,
        { from, to: now },
        MAX_RECORDS_PER_RUN,
        signal,
      );
      const papers = await client.fetchArticles(
        ids,
        { kind: 'pubmed', feedId: subscription.id, fetchedAt: now.toISOString() },
        signal,
      );
      if (total > ids.length) {
        deps.logger.warn(
          { feed: subscription.id, total, fetched: ids.length },
          'PubMed query matched more records than one run fetches; narrow the query',
        );
      }
      deps.logger.debug(
        { feed: subscription.id, ids: ids.length, papers: papers.length },
        'pubmed fetch done',
      );
      return { papers, cursor: { ...cursor, cursor: now.toISOString() } };
    },
  };
}
