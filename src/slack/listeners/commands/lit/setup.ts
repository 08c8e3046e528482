import { parseTopic } from '../../../../digest/profile.js';
import {
  findStarter,
  SPECIALTY_STARTERS,
  type SpecialtyStarter,
} from '../../../../digest/specialty-starters.js';
import { topicInWords } from '../../../../digest/topic-words.js';
import { InvalidInputError } from '../../../../errors.js';
import type { ChannelProfile } from '../../../../types.js';
import { escapeMrkdwn } from '../../../blocks/escape.js';
import { scheduleLine } from '../../../blocks/schedule-text.js';
import { type ConfigActor, changeProfile } from '../../../channel-config.js';
import { type LitSubcommand, privateReply } from './subcommand.js';

const EXAMPLE = '/lit setup heme malignancies';

/** `/lit setup <specialty>`: a specialty's topics, searches and weekly schedule in one step. */
export const setupSubcommand: LitSubcommand = {
  name: 'setup',
  usage: '/lit setup <specialty>',
  summary: `start from a specialty: ${SPECIALTY_STARTERS.map((starter) => starter.id).join(', ')}`,
  async run(request) {
    if (!request.args.trim()) return privateReply(startersText());
    const starter = findStarter(request.args);
    if (!starter) {
      throw new InvalidInputError(
        `"${request.args}" is not a specialty starter; use one of ${SPECIALTY_STARTERS.map((s) => s.id).join(', ')}.`,
        EXAMPLE,
      );
    }
    const saved = await applyStarter(request, starter);
    return privateReply(setupText(saved, starter, request.deps.clock.now()));
  },
};

/**
 * Sets a channel's topics, preprint choice and (when it has none) weekly schedule from a
 * starter; the searches follow from the topics. Shared by `/lit setup` and the Home tab.
 */
export async function applyStarter(actor: ConfigActor, starter: SpecialtyStarter): Promise<ChannelProfile> {
  const now = actor.deps.clock.now();
  const saved = await changeProfile(actor, `setup ${starter.id}`, (profile) => ({
    ...profile,
    topics: starter.topics.map(parseTopic),
    includePreprints: starter.includePreprints,
    schedule: profile.schedule ?? {
      cron: starter.cron,
      timezone: actor.deps.config.digest.defaultTimezone,
      since: now.toISOString(),
    },
  }));
  await actor.deps.schedules.reschedule(actor.channelId);
  return saved;
}

function setupText(profile: ChannelProfile, starter: SpecialtyStarter, now: Date): string {
  const searches = profile.feeds
    .filter((feed) => feed.origin === 'topics')
    .map((feed) => `• ${escapeMrkdwn(feed.label ?? feed.target)}`);
  return [
    `*#${escapeMrkdwn(profile.name)} now follows ${escapeMrkdwn(starter.name)}.*`,
    `Topics: ${escapeMrkdwn(profile.topics.map(topicInWords).join(', '))}`,
    `Schedule: ${scheduleLine(profile, now)}`,
    'Searches:',
    ...searches,
    'See the first digest now with `/lit digest preview`; change topics with `/lit topics`, searches with `/lit feeds`.',
  ].join('\n');
}

function startersText(): string {
  return [
    '*Specialty starters* (`/lit setup <specialty>`):',
    ...SPECIALTY_STARTERS.map((starter) => `• \`${starter.id}\` — ${starter.name}`),
  ].join('\n');
}
