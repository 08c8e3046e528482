import { InvalidInputError } from '../../../../errors.js';
import type { ChannelProfile, FeedKind, FeedSubscription } from '../../../../types.js';
import { escapeMrkdwn } from '../../../blocks/escape.js';
import { describeFeedHealth } from '../../../blocks/feed-health.js';
import { changeProfile, loadProfile } from '../../../channel-config.js';
import { searchExample, searchSubscription } from '../../../feed-subscription.js';
import { type LitRequest, type LitSubcommand, privateReply, reply } from './subcommand.js';

const RSS_EXAMPLE = '/lit feeds add https://connect.biorxiv.org/biorxiv_xml/cancer-biology';
const SEARCH_KINDS = new Set<FeedKind>(['pubmed', 'europepmc', 'biorxiv', 'medrxiv']);
const KIND_NAMES: Record<FeedKind, string> = {
  rss: 'RSS',
  pubmed: 'PubMed',
  europepmc: 'Europe PMC',
  biorxiv: 'bioRxiv',
  medrxiv: 'medRxiv',
};

/** `/lit feeds [list|add|edit|remove]`: every source the channel reads, with the health of each. */
export const feedsSubcommand: LitSubcommand = {
  name: 'feeds',
  usage:
    '/lit feeds [list | add pubmed|europepmc <query> | add biorxiv|medrxiv <category> | add <RSS URL> | edit <n> <query> | remove <n>]',
  summary: 'the searches and feeds this channel reads, with last success or error',
  async run(request) {
    const [action = 'list', ...rest] = request.args.split(/\s+/).filter(Boolean);
    const value = rest.join(' ');
    switch (action.toLowerCase()) {
      case 'list':
        return reply(request, await feedList(request, await loadProfile(request)));
      case 'add':
        return add(request, value);
      case 'edit':
        return edit(request, value);
      case 'remove':
        return remove(request, value);
      default:
        throw new InvalidInputError(
          `"${action}" is not a feeds action; use list, add, edit or remove.`,
          searchExample('pubmed'),
        );
    }
  },
};

async function add(request: LitRequest, value: string) {
  const [first = '', ...rest] = value.split(' ');
  const kind = first.toLowerCase() as FeedKind;
  if (!value)
    throw new InvalidInputError(
      'Give a search (pubmed, europepmc, biorxiv, medrxiv) or a feed URL.',
      searchExample('pubmed'),
    );
  const now = request.deps.clock.now();
  const feed = SEARCH_KINDS.has(kind)
    ? searchSubscription(kind as Exclude<FeedKind, 'rss'>, rest.join(' '), request.userId, now)
    : await probedFeed(request, value);
  const current = await loadProfile(request);
  if (current.feeds.some((existing) => existing.id === feed.id)) {
    return privateReply(`This channel already reads ${escapeMrkdwn(nameOf(feed))}.`);
  }
  const saved = await changeProfile(request, `feeds add ${feed.kind} ${feed.target}`, (profile) => ({
    ...profile,
    feeds: [...profile.feeds, feed],
  }));
  return privateReply(
    `Added ${escapeMrkdwn(nameOf(feed))}; the next digest fetches it first (the last 14 days).\n${await feedList(request, saved)}`,
  );
}

async function probedFeed(request: LitRequest, url: string): Promise<FeedSubscription> {
  if (!/^https?:\/\//i.test(url)) {
    throw new InvalidInputError(
      `"${url.split(' ')[0]}" is neither a source (pubmed, europepmc, biorxiv, medrxiv) nor an http:// or https:// feed URL.`,
      RSS_EXAMPLE,
    );
  }
  return request.deps.probeFeed(url, request.userId);
}

/** A compiled search edited by hand stays as written; topic changes no longer rewrite it. */
async function edit(request: LitRequest, value: string) {
  const [position = '', ...rest] = value.split(' ');
  const current = await loadProfile(request);
  const feed = feedAt(current, position);
  if (feed.kind === 'rss')
    throw new InvalidInputError(
      'An RSS feed has no search to edit; remove it and add another.',
      '/lit feeds remove 3',
    );
  const edited = searchSubscription(feed.kind, rest.join(' '), request.userId, request.deps.clock.now());
  const saved = await changeProfile(request, `feeds edit ${feed.kind} ${edited.target}`, (profile) => ({
    ...profile,
    feeds: profile.feeds.map((existing) =>
      existing.id === feed.id
        ? { ...edited, ...(feed.origin ? { origin: 'edited' as const } : {}) }
        : existing,
    ),
  }));
  const note = feed.origin
    ? ' It no longer follows topic changes; `/lit feeds remove` it to go back to the compiled search.'
    : '';
  return privateReply(`Saved.${note}\n${await feedList(request, saved)}`);
}

async function remove(request: LitRequest, value: string) {
  const current = await loadProfile(request);
  const feed = /^\d+$/.test(value)
    ? feedAt(current, value)
    : current.feeds.find((candidate) => candidate.target === value || candidate.id === value);
  if (!feed)
    throw new InvalidInputError(
      `"${value}" is not one of this channel's sources; see /lit feeds list.`,
      '/lit feeds remove 1',
    );
  const saved = await changeProfile(request, `feeds remove ${feed.kind} ${feed.target}`, (profile) => ({
    ...profile,
    feeds: profile.feeds.filter((candidate) => candidate.id !== feed.id),
  }));
  const note =
    feed.origin === 'topics' ? ' Searches written from your topics come back when the topics change.' : '';
  return privateReply(`Removed ${escapeMrkdwn(nameOf(feed))}.${note}\n${await feedList(request, saved)}`);
}

function feedAt(profile: ChannelProfile, position: string): FeedSubscription {
  const feed = /^\d+$/.test(position) ? profile.feeds[Number(position) - 1] : undefined;
  if (!feed)
    throw new InvalidInputError(
      `"${position}" is not a source number; see /lit feeds list.`,
      '/lit feeds edit 1 "Neuroblastoma"[mh]',
    );
  return feed;
}

async function feedList(request: LitRequest, profile: ChannelProfile): Promise<string> {
  if (profile.feeds.length === 0) {
    return `No sources yet. Add topics (\`/lit topics add breast cancer\`) or a specialty (\`/lit setup breast\`), or a search: \`${searchExample('pubmed')}\``;
  }
  const lines = await Promise.all(
    profile.feeds.map(async (feed, index) => {
      const health = await request.deps.store.feeds.getHealth(feed.id);
      const origin =
        feed.origin === 'topics' ? ' _(from your topics)_' : feed.origin === 'edited' ? ' _(edited)_' : '';
      return `${index + 1}. ${escapeMrkdwn(nameOf(feed))}${origin} — ${describeFeedHealth(health)}\n      \`${escapeMrkdwn(feed.target)}\``;
    }),
  );
  return [
    `*Sources for #${escapeMrkdwn(profile.name)}*`,
    ...lines,
    '_Edit one: `/lit feeds edit <n> <query>`_',
  ].join('\n');
}

function nameOf(feed: FeedSubscription): string {
  if (feed.label) return feed.label;
  return feed.kind === 'rss' ? feed.target : `${KIND_NAMES[feed.kind]}: ${feed.target}`;
}
