import type { FeedProbe } from '../sources/index.js';
import type { FeedSubscription } from '../types.js';

/**
 * The subscription `/lit feeds add` stores for a feed that passed the probe. The id is the
 * final URL (after redirects), so two channels adding the same feed share one fetch.
 */
export function subscriptionFromProbe(probe: FeedProbe, addedBy: string, now: Date): FeedSubscription {
  return { id: `rss:${probe.url}`, kind: 'rss', target: probe.url, addedBy, addedAt: now.toISOString() };
}
