import { type HomeChannel, renderHomeView } from './blocks/home.js';
import type { SlackDeps } from './deps.js';
import type { SlackClient } from './web-client.js';

const MAX_CHANNELS = 50;

/**
 * The configured channels `userId` is a member of, with feed health and a link to the last
 * digest. A channel Slack will not describe (the app left it) is skipped, not fatal.
 */
export async function loadHomeChannels(
  deps: SlackDeps,
  client: SlackClient,
  userId: string,
): Promise<HomeChannel[]> {
  const profiles = (await deps.store.channels.all()).slice(0, MAX_CHANNELS);
  const channels: HomeChannel[] = [];
  for (const profile of profiles) {
    const members = await client.conversations
      .members({ channel: profile.channelId, limit: 1000 })
      .then((result) => result.members ?? [])
      .catch(() => [] as string[]);
    if (!members.includes(userId)) continue;
    const feedHealth = await Promise.all(profile.feeds.map((feed) => deps.store.feeds.getHealth(feed.id)));
    channels.push({
      profile,
      feedHealth,
      lastDigestUrl: await lastDigestUrl(deps, client, profile.lastDigestId),
    });
  }
  return channels;
}

async function lastDigestUrl(deps: SlackDeps, client: SlackClient, digestId: string | undefined) {
  if (!digestId) return undefined;
  const posted = (await deps.store.digests.get(digestId))?.posted;
  if (!posted?.ts) return undefined;
  return client.chat
    .getPermalink({ channel: posted.channelId, message_ts: posted.ts })
    .then((result) => result.permalink)
    .catch(() => undefined);
}

/** Re-renders a user's Home tab (after it opens, after they saved a modal or applied a starter). */
export async function publishHome(
  deps: SlackDeps,
  client: SlackClient,
  userId: string,
  notice?: string,
): Promise<void> {
  const channels = await loadHomeChannels(deps, client, userId);
  await client.views.publish({ user_id: userId, view: renderHomeView(channels, deps.clock.now(), notice) });
}
