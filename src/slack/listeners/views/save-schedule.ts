import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { assertTimeZone } from '../../../cron/cron-time.js';
import { parseScheduleInput } from '../../../cron/schedule-input.js';
import { userMessageOf } from '../../../errors.js';
import type { DigestSchedule } from '../../../types.js';
import { MODALS } from '../../blocks/modals.js';
import { assertCanConfigure, changeProfile } from '../../channel-config.js';
import type { SlackDeps } from '../../deps.js';
import { publishHome } from '../../home-channels.js';
import { parseModalTarget } from './modal-target.js';

/** Schedule modal submitted: checks the time and the zone, saves, and moves the channel's job. */
export function saveSchedule(deps: SlackDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const ids = MODALS.schedule;
    const target = parseModalTarget(view.private_metadata);
    if (!target) return ack();
    const when = view.state.values[ids.whenBlock]?.[ids.whenInput]?.value?.trim() ?? '';
    const zone = view.state.values[ids.zoneBlock]?.[ids.zoneInput]?.value?.trim() ?? '';
    let schedule: DigestSchedule | null;
    try {
      assertTimeZone(zone);
    } catch (error) {
      return ack({ response_action: 'errors', errors: { [ids.zoneBlock]: userMessageOf(error) } });
    }
    try {
      schedule = parseScheduleInput(`${when} ${when.toLowerCase() === 'off' ? '' : zone}`, zone);
    } catch (error) {
      return ack({ response_action: 'errors', errors: { [ids.whenBlock]: userMessageOf(error) } });
    }
    const actor = { deps, client, userId: body.user.id, ...target };
    try {
      await assertCanConfigure(actor);
    } catch (error) {
      return ack({ response_action: 'errors', errors: { [ids.whenBlock]: userMessageOf(error) } });
    }
    await ack();
    const since = deps.clock.now().toISOString();
    try {
      await changeProfile(
        actor,
        `schedule ${schedule ? `${schedule.cron} ${schedule.timezone}` : 'off'}`,
        (profile) => ({
          ...profile,
          schedule: schedule ? { ...schedule, since } : null,
        }),
      );
      await deps.schedules.reschedule(target.channelId);
      await publishHome(deps, client, body.user.id);
    } catch (error) {
      deps.logger.error(
        { err: error, channel: target.channelId },
        'could not save the schedule from the modal',
      );
    }
  };
}
