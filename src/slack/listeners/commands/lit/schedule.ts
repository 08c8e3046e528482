import { parseScheduleInput } from '../../../../cron/schedule-input.js';
import { scheduleLine } from '../../../blocks/schedule-text.js';
import { changeProfile, loadProfile } from '../../../channel-config.js';
import { type LitSubcommand, privateReply, reply } from './subcommand.js';

/** `/lit schedule <day> <HH:MM> [tz]`, a cron expression, or `off`; no arguments shows the schedule. */
export const scheduleSubcommand: LitSubcommand = {
  name: 'schedule',
  usage: '/lit schedule <day> <HH:MM> [time zone] | <cron> [time zone] | off',
  summary: 'when the weekly digest posts here, e.g. `mon 07:30 America/Chicago`',
  async run(request) {
    const { deps } = request;
    const now = deps.clock.now();
    if (!request.args) return reply(request, scheduleLine(await loadProfile(request), now));
    const parsed = parseScheduleInput(request.args, deps.config.digest.defaultTimezone);
    const schedule = parsed ? { ...parsed, since: now.toISOString() } : null;
    const saved = await changeProfile(
      request,
      `schedule ${parsed ? `${parsed.cron} ${parsed.timezone}` : 'off'}`,
      (profile) => ({
        ...profile,
        schedule,
      }),
    );
    await deps.schedules.reschedule(request.channelId);
    return privateReply(
      schedule
        ? `Digest schedule set: ${scheduleLine(saved, now)}`
        : 'Scheduled digests are off for this channel.',
    );
  },
};
