import { InvalidInputError } from '../../../../errors.js';
import type { ChannelProfile } from '../../../../types.js';
import { escapeMrkdwn } from '../../../blocks/escape.js';
import { scheduleLine } from '../../../blocks/schedule-text.js';
import { changeProfile, loadProfile } from '../../../channel-config.js';
import { parseOnOff } from './on-off.js';
import { type LitRequest, type LitSubcommand, privateReply, reply } from './subcommand.js';

const EXAMPLE = '/lit settings top 5';
const MAX_TOP_N = 20;

/** `/lit settings [top <n> | preprints on|off | empty line|silent]`. */
export const settingsSubcommand: LitSubcommand = {
  name: 'settings',
  usage: '/lit settings [top <1-20> | preprints on|off | empty line|silent]',
  summary: 'papers per digest, preprints, and what an empty week posts',
  async run(request) {
    const [key, value = '', ...extra] = request.args.split(/\s+/).filter(Boolean);
    if (!key) return reply(request, settingsText(await loadProfile(request), request.deps.clock.now()));
    if (extra.length > 0) throw new InvalidInputError(`Unexpected "${extra.join(' ')}".`, EXAMPLE);
    switch (key.toLowerCase()) {
      case 'top':
      case 'topn':
        return update(request, `topN ${value}`, { topN: parseTopN(value) });
      case 'preprints':
        return update(request, `preprints ${value}`, {
          includePreprints: parseOnOff(value, '/lit settings preprints on'),
        });
      case 'empty':
      case 'whenempty':
        return update(request, `whenEmpty ${value}`, { whenEmpty: parseWhenEmpty(value) });
      default:
        throw new InvalidInputError(`"${key}" is not a setting; use top, preprints or empty.`, EXAMPLE);
    }
  },
};

async function update(request: LitRequest, change: string, values: Partial<ChannelProfile>) {
  const saved = await changeProfile(request, change, (profile) => ({ ...profile, ...values }));
  return privateReply(`Saved.\n${settingsText(saved, request.deps.clock.now())}`);
}

function parseTopN(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_TOP_N) {
    throw new InvalidInputError(`"${value}" should be a number of papers from 1 to ${MAX_TOP_N}.`, EXAMPLE);
  }
  return n;
}

function parseWhenEmpty(value: string): ChannelProfile['whenEmpty'] {
  const word = value.toLowerCase();
  if (word === 'line' || word === 'silent') return word;
  throw new InvalidInputError(
    `"${value}" should be line (post one short line) or silent (post nothing).`,
    '/lit settings empty silent',
  );
}

function settingsText(profile: ChannelProfile, now: Date): string {
  return [
    `*Settings for #${escapeMrkdwn(profile.name)}*`,
    `• Papers per digest: ${profile.topN}`,
    `• Preprints: ${profile.includePreprints ? 'included' : 'left out'}`,
    `• Empty week: ${profile.whenEmpty === 'line' ? 'one short line' : 'nothing'}`,
    `• Schedule: ${scheduleLine(profile, now)}`,
  ].join('\n');
}
