import { InvalidInputError } from '../../../../errors.js';
import type { ChannelProfile } from '../../../../types.js';
import { escapeMrkdwn } from '../../../blocks/escape.js';
import { describeFeedHealth } from '../../../blocks/feed-health.js';
import { changeProfile, loadProfile } from '../../../channel-config.js';
import { type LitRequest, type LitSubcommand, privateReply, reply } from './subcommand.js';

const ADD_EXAMPLE = '/lit feeds add https://connect.biorxiv.org/biorxiv_xml/cancer-biology';

/** `/lit feeds add|remove|list`: the channel's own feeds, with the health of each. */
export const feedsSubcommand: LitSubcommand = {
  name: 'feeds',
  usage: '/lit feeds add|remove|list <url>',
  summary: 'RSS/Atom feeds this channel reads, with last success or error',
  async run(request) {
    const [action = 'list', ...rest] = request.args.split(/\s+/).filter(Boolean);
    const value = rest.join(' ');
    switch (action.toLowerCase()) {
      case 'list':
        return reply(request, await feedList(request, await loadProfile(request)));
      case 'add':
        return add(request, value);
      case 'remove':
        return remove(request, value);
      default:
        throw new InvalidInputError(
          `"${action}" is not a feeds action; use add, remove or list.`,
          ADD_EXAMPLE,
        );
    }
  },
};

async function add(request: LitRequest, url: string) {
  if (!url) throw new InvalidInputError('Give the address of an RSS or Atom feed.', ADD_EXAMPLE);
  const current = await loadProfile(request);
  const feed = await request.deps.probeFeed(url, request.userId);
  if (current.feeds.some((existing) => existing.id === feed.id)) {
    return privateReply(`This channel already reads ${escapeMrkdwn(feed.target)}.`);
  }
  const saved = await changeProfile(request, `feeds add ${feed.target}`, (profile) => ({
    ...profile,
    feeds: [...profile.feeds, feed],
  }));
  return privateReply(
    `Added ${escapeMrkdwn(feed.target)}; new papers arrive with the next ingest.\n${await feedList(request, saved)}`,
  );
}

async function remove(request: LitRequest, value: string) {
  const current = await loadProfile(request);
  const feed = /^\d+$/.test(value)
    ? current.feeds[Number(value) - 1]
    : current.feeds.find((candidate) => candidate.target === value || candidate.id === value);
  if (!feed) {
    throw new InvalidInputError(
      `"${value}" is not one of this channel's feeds; see /lit feeds list.`,
      '/lit feeds remove 1',
    );
  }
  const saved = await changeProfile(request, `feeds remove ${feed.target}`, (profile) => ({
    ...profile,
    feeds: profile.feeds.filter((candidate) => candidate.id !== feed.id),
  }));
  return privateReply(`Removed ${escapeMrkdwn(feed.target)}.\n${await feedList(request, saved)}`);
}

async function feedList(request: LitRequest, profile: ChannelProfile): Promise<string> {
  if (profile.feeds.length === 0) return `No feeds yet. Add one: \`${ADD_EXAMPLE}\``;
  const lines = await Promise.all(
    profile.feeds.map(async (feed, index) => {
      const health = await request.deps.store.feeds.getHealth(feed.id);
      return `${index + 1}. ${escapeMrkdwn(feed.target)} (${feed.kind}) — ${describeFeedHealth(health)}`;
    }),
  );
  return [`*Feeds for #${escapeMrkdwn(profile.name)}*`, ...lines].join('\n');
}
