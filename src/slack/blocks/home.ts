import type { types } from '@slack/bolt';
import { SPECIALTY_STARTERS } from '../../digest/specialty-starters.js';
import { topicInWords } from '../../digest/topic-words.js';
import type { ChannelProfile, FeedHealth } from '../../types.js';
import { boardAgendaButton } from './board-agenda.js';
import { escapeMrkdwn, escapeWithin, link } from './escape.js';
import { describeFeedHealth } from './feed-health.js';
import { scheduleLine } from './schedule-text.js';

type Block = types.KnownBlock;

/** Action ids of the Home tab buttons; their value is the channel id. */
export const HOME_ACTIONS = {
  editTopics: 'home_edit_topics',
  editSchedule: 'home_edit_schedule',
  /** The channel picker of the specialty starter; choosing a specialty applies it to this channel. */
  starterChannel: 'home_starter_channel',
  starterSpecialty: 'home_starter_specialty',
} as const;
/** Block id of the starter row, where the chosen channel is read back from the view state. */
export const HOME_STARTER_BLOCK = 'home_starter';

/** One channel as the Home tab shows it. */
export interface HomeChannel {
  profile: ChannelProfile;
  feedHealth: (FeedHealth | undefined)[];
  lastDigestUrl?: string;
}

const HOME_BLOCK_LIMIT = 100;
const BLOCKS_PER_CHANNEL = 4;
const TOPICS_MAX = 1500;

/**
 * The Home tab: a one-click specialty starter (pick a channel, then a specialty), then the
 * user's channels that have the app, each with its settings and edit buttons. `notice` is one
 * line about the last starter applied (or why it could not be).
 */
export function renderHomeView(channels: HomeChannel[], now: Date, notice?: string): types.HomeView {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: 'Tumor Board Digest' } }];
  blocks.push(...starterBlocks(notice));
  if (channels.length === 0) {
    blocks.push(
      section(
        'None of your channels has a digest yet. Invite me to a channel (`/invite @Tumor Board Digest`), then run `/lit topics add <topic>` and `/lit schedule mon 07:30 America/Chicago` there.',
      ),
    );
  }
  const room = Math.floor((HOME_BLOCK_LIMIT - 5) / BLOCKS_PER_CHANNEL);
  for (const channel of channels.slice(0, room)) blocks.push(...channelBlocks(channel, now));
  if (channels.length > room) {
    blocks.push(context(`${channels.length - room} more channels are not shown; use /lit settings in them.`));
  }
  return { type: 'home', blocks };
}

function channelBlocks({ profile, feedHealth, lastDigestUrl }: HomeChannel, now: Date): Block[] {
  const topics = profile.topics.length > 0 ? profile.topics.map(topicInWords).join(' · ') : 'none yet';
  const failing = feedHealth.filter((health) => describeFeedHealth(health).startsWith(':warning:')).length;
  const feeds =
    profile.feeds.length === 0
      ? 'no channel feeds'
      : `${profile.feeds.length} feeds${failing > 0 ? `, :warning: ${failing} failing` : ', all ok'}`;
  const last =
    lastDigestUrl && profile.lastDigestAt
      ? link(lastDigestUrl, `last digest ${profile.lastDigestAt.slice(0, 10)}`)
      : 'no digest yet';
  const lines = [
    `*<#${profile.channelId}>*${profile.paused ? ` · :warning: paused (\`${escapeMrkdwn(profile.paused.reason)}\`)` : ''}`,
    `*Topics:* ${escapeWithin(topics, TOPICS_MAX)}`,
    `*Schedule:* ${scheduleLine(profile, now)}`,
  ];
  return [
    { type: 'divider' },
    section(lines.join('\n')),
    context(
      `${last} · ${feeds} · top ${profile.topN} · preprints ${profile.includePreprints ? 'on' : 'off'}`,
    ),
    {
      type: 'actions',
      block_id: `home_${profile.channelId}`,
      elements: [
        button('Edit topics', HOME_ACTIONS.editTopics, profile.channelId),
        button('Edit schedule', HOME_ACTIONS.editSchedule, profile.channelId),
        boardAgendaButton(profile.channelId),
      ],
    },
  ];
}

function starterBlocks(notice: string | undefined): Block[] {
  return [
    section(
      '*Start a channel from a specialty:* pick the channel, then the specialty. Its topics (MeSH headings), PubMed / Europe PMC searches and a Monday 07:00 schedule are set at once; invite me to the channel first.',
    ),
    {
      type: 'actions',
      block_id: HOME_STARTER_BLOCK,
      elements: [
        {
          type: 'conversations_select',
          action_id: HOME_ACTIONS.starterChannel,
          placeholder: { type: 'plain_text', text: 'Channel' },
          filter: { include: ['public', 'private'], exclude_bot_users: true },
        },
        {
          type: 'static_select',
          action_id: HOME_ACTIONS.starterSpecialty,
          placeholder: { type: 'plain_text', text: 'Specialty' },
          options: SPECIALTY_STARTERS.map((starter) => ({
            text: { type: 'plain_text', text: starter.name },
            value: starter.id,
          })),
        },
      ],
    },
    ...(notice ? [context(escapeWithin(notice, 300))] : []),
  ];
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

function button(text: string, actionId: string, value: string): types.Button {
  return { type: 'button', text: { type: 'plain_text', text }, action_id: actionId, value };
}
