import { formatTopic, parseTopic, sameTopic } from '../../../../digest/profile.js';
import { topicInWords } from '../../../../digest/topic-words.js';
import { InvalidInputError } from '../../../../errors.js';
import type { ChannelProfile } from '../../../../types.js';
import { escapeMrkdwn } from '../../../blocks/escape.js';
import { changeProfile, loadProfile } from '../../../channel-config.js';
import { parseOnOff } from './on-off.js';
import { type LitRequest, type LitSubcommand, privateReply, reply } from './subcommand.js';

const USAGE = '/lit topics add juvenile myelomonocytic leukemia';

/** `/lit topics add|remove|list|preprints on|off`: what this channel's digest follows. */
export const topicsSubcommand: LitSubcommand = {
  name: 'topics',
  usage: '/lit topics add|remove|list <topic>',
  summary: 'follow free text, mesh:"…", author:"…", journal:…, -journal:…; `preprints on|off`',
  async run(request) {
    const [action = 'list', ...rest] = request.args.split(/\s+/).filter(Boolean);
    const value = rest.join(' ');
    switch (action.toLowerCase()) {
      case 'list':
        return reply(request, topicList(await loadProfile(request)));
      case 'add':
        return add(request, value);
      case 'remove':
        return remove(request, value);
      case 'preprints':
        return preprints(request, value);
      default:
        throw new InvalidInputError(
          `"${action}" is not a topics action; use add, remove, list or preprints.`,
          USAGE,
        );
    }
  },
};

async function add(request: LitRequest, value: string) {
  const topic = parseTopic(value);
  const current = await loadProfile(request);
  if (current.topics.some((existing) => sameTopic(existing, topic))) {
    return privateReply(`This channel already follows ${escapeMrkdwn(formatTopic(topic))}.`);
  }
  const saved = await changeProfile(request, `topics add ${formatTopic(topic)}`, (profile) => ({
    ...profile,
    topics: [...profile.topics, topic],
  }));
  return privateReply(`Added *${escapeMrkdwn(topicInWords(topic))}*.\n${topicList(saved)}`);
}

async function remove(request: LitRequest, value: string) {
  const current = await loadProfile(request);
  const index = /^\d+$/.test(value)
    ? Number(value) - 1
    : current.topics.findIndex((t) => sameTopic(t, parseTopic(value)));
  const topic = current.topics[index];
  if (!topic) {
    throw new InvalidInputError(
      `"${value}" is not one of this channel's topics; see /lit topics list.`,
      '/lit topics remove 2',
    );
  }
  const saved = await changeProfile(request, `topics remove ${formatTopic(topic)}`, (profile) => ({
    ...profile,
    topics: profile.topics.filter((existing) => !sameTopic(existing, topic)),
  }));
  return privateReply(`Removed *${escapeMrkdwn(topicInWords(topic))}*.\n${topicList(saved)}`);
}

async function preprints(request: LitRequest, value: string) {
  const on = parseOnOff(value, '/lit topics preprints on');
  const saved = await changeProfile(request, `preprints ${on ? 'on' : 'off'}`, (profile) => ({
    ...profile,
    includePreprints: on,
  }));
  const said = on
    ? 'Preprints (bioRxiv/medRxiv, Europe PMC) are now included, labelled as preprints.'
    : 'Preprints are now left out.';
  return privateReply(`${said}\n${topicList(saved)}`);
}

/** The topics in plain words (with what to type to remove one), then the searches they run. */
function topicList(profile: ChannelProfile): string {
  const preprintLine = `Preprints: ${profile.includePreprints ? 'included' : 'left out'}.`;
  if (profile.topics.length === 0) {
    return `No topics yet. Add one: \`${USAGE}\`, or start from a specialty: \`/lit setup breast\`.\n${preprintLine}`;
  }
  const lines = profile.topics.map((topic, index) => {
    const words = topicInWords(topic);
    const typed = formatTopic(topic);
    return `${index + 1}. ${escapeMrkdwn(words)}${typed === words ? '' : ` (\`${escapeMrkdwn(typed)}\`)`}`;
  });
  const searches = profile.feeds
    .filter((feed) => feed.origin === 'topics')
    .map((feed) => `• ${escapeMrkdwn(feed.label ?? feed.target)}`);
  return [
    `*Topics for #${escapeMrkdwn(profile.name)}*`,
    ...lines,
    preprintLine,
    ...(searches.length > 0
      ? ['*Searches written from these topics* (`/lit feeds` shows and edits them):', ...searches]
      : []),
  ].join('\n');
}
