import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import type { ChannelProfile, Digest, FeedSubscription } from '../types.js';
import { withTopicSources } from './topic-queries.js';

/** Builds a channel's digest for a period (the poster's and the preview's builder). */
export type ChannelDigestBuilder = (profile: ChannelProfile, period: string, now: Date) => Promise<Digest>;

export interface FreshSourcesDeps {
  store: Store;
  /** Fetches these sources into the store (`src/index.ts` wires it to `ingestFeeds`). */
  ingest: (feeds: FeedSubscription[]) => Promise<void>;
  logger: Logger;
}

/**
 * Before a channel's digest is built, fetches the channel's sources that have never been
 * fetched (a new channel, new topics, a source just added), so the first digest holds the
 * last two weeks instead of waiting for the periodic ingest. A failing source is recorded in
 * its health by the ingest and never stops the build.
 */
export function withFreshSources(build: ChannelDigestBuilder, deps: FreshSourcesDeps): ChannelDigestBuilder {
  return async (profile, period, now) => {
    const unfetched = await neverFetched(deps.store, withTopicSources(profile, now));
    if (unfetched.length > 0) {
      await deps.ingest(unfetched).catch((error: unknown) => {
        deps.logger.warn({ err: error, channel: profile.channelId }, 'first fetch of channel sources failed');
      });
    }
    return build(profile, period, now);
  };
}

async function neverFetched(store: Store, feeds: FeedSubscription[]): Promise<FeedSubscription[]> {
  const health = await Promise.all(feeds.map((feed) => store.feeds.getHealth(feed.id)));
  return feeds.filter((_, index) => !health[index]?.lastSuccessAt && !health[index]?.lastErrorAt);
}
