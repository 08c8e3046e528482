import { isChannelGone } from '../delivery/slack-error.js';
import { defaultProfile } from '../digest/profile.js';
import { withTopicSources } from '../digest/topic-queries.js';
import { InvalidInputError } from '../errors.js';
import type { ChannelProfile } from '../types.js';
import type { SlackDeps } from './deps.js';
import type { SlackClient } from './web-client.js';

/** Who is changing which channel's configuration. */
export interface ConfigActor {
  deps: SlackDeps;
  client: SlackClient;
  userId: string;
  channelId: string;
  channelName: string;
}

const MEMBERS_PAGE = 1000;
const MAX_MEMBER_PAGES = 20;

/** The stored profile of a channel, or the default one (not saved) for a channel the app just met. */
export async function loadProfile(actor: Omit<ConfigActor, 'client' | 'userId'>): Promise<ChannelProfile> {
  const { deps, channelId, channelName } = actor;
  return (
    (await deps.store.channels.get(channelId)) ??
    defaultProfile(channelId, channelName, deps.config, deps.clock.now())
  );
}

/**
 * Applies one configuration change after checking the actor may make it, rewrites the sources
 * compiled from the topics, clears a pause (the next post tells whether the app can post
 * again), and logs who changed what where.
 */
export async function changeProfile(
  actor: ConfigActor,
  change: string,
  apply: (profile: ChannelProfile) => ChannelProfile,
): Promise<ChannelProfile> {
  await assertCanConfigure(actor);
  const current = await loadProfile(actor);
  const { paused: _cleared, ...next } = apply(current);
  const now = actor.deps.clock.now();
  // A channel's topics are its searches: every change rewrites the sources compiled from them.
  const saved: ChannelProfile = { ...next, feeds: withTopicSources(next, now), updatedAt: now.toISOString() };
  await actor.deps.store.channels.put(saved);
  actor.deps.logger.info(
    { user: actor.userId, channel: actor.channelId, change },
    'channel configuration changed',
  );
  return saved;
}

/** Only members of the channel (and, when ADMIN_USER_IDS is set, only those users) configure it. */
export async function assertCanConfigure(actor: ConfigActor): Promise<void> {
  const admins = actor.deps.config.slack.adminUserIds;
  if (admins.length > 0 && !admins.includes(actor.userId)) {
    throw new InvalidInputError(
      'Only the workspace admins listed in ADMIN_USER_IDS can change digest settings.',
    );
  }
  if (actor.channelId.startsWith('D')) {
    throw new InvalidInputError(
      'Digest settings belong to a channel; run this in the channel itself.',
      '/lit topics list',
    );
  }
  if (!(await isMember(actor))) {
    throw new InvalidInputError('Only members of this channel can change its digest settings.');
  }
}

async function isMember(actor: ConfigActor): Promise<boolean> {
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_MEMBER_PAGES; page++) {
      const result = await actor.client.conversations.members({
        channel: actor.channelId,
        limit: MEMBERS_PAGE,
        cursor,
      });
      if (result.members?.includes(actor.userId)) return true;
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) return false;
    }
    return false;
  } catch (error) {
    if (isChannelGone(error)) {
      throw new InvalidInputError(
        'I am not in this channel yet. Invite me first.',
        '/invite @Tumor Board Digest',
      );
    }
    throw error;
  }
}

/** A line telling the next user why digests stopped here, or nothing. */
export function pauseNotice(profile: ChannelProfile | undefined): string | undefined {
  if (!profile?.paused) return undefined;
  return `:warning: Digests here are paused since ${profile.paused.since.slice(0, 10)}: Slack said \`${profile.paused.reason}\`. Invite me back with \`/invite @Tumor Board Digest\`, then run \`/lit digest now\`.`;
}
