import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { AgendaStore } from '../../../board/agenda.js';
import { forgetChannel } from '../../../store/channel-data.js';
import type { SlackDeps } from '../../deps.js';

/**
 * `app_uninstalled`, and `tokens_revoked` naming the bot's token: the workspace took the app's
 * access back, so what it stored for the workspace's channels is deleted and their digests
 * stop. A revocation of user tokens only changes nothing. One failing channel does not keep
 * the others' data.
 */
export function forgetWorkspace(deps: SlackDeps) {
  return async ({
    event,
  }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'>) => {
    if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length === 0) return;
    const channels = [
      ...new Set([...(await deps.store.channels.ids()), ...(await new AgendaStore(deps.store).channelIds())]),
    ];
    let digests = 0;
    for (const channelId of channels) {
      try {
        digests += (await forgetChannel(deps.store, channelId)).digests;
        await deps.schedules.reschedule(channelId);
      } catch (error) {
        deps.logger.error({ err: error, channel: channelId }, 'could not delete a channel’s data');
      }
    }
    deps.logger.warn(
      { event: event.type, channels: channels.length, digests },
      'workspace access revoked; stored channel data deleted',
    );
  };
}
