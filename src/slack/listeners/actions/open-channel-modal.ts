import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  types,
} from '@slack/bolt';
import type { ChannelProfile } from '../../../types.js';
import type { SlackDeps } from '../../deps.js';

/**
 * A Home tab button whose value is a channel id: opens the modal `render` builds for that
 * channel (topics, schedule, board agenda). `what` names the modal in the error log.
 */
export function openChannelModal(
  deps: SlackDeps,
  what: string,
  render: (profile: ChannelProfile) => types.ModalView,
) {
  return async ({
    ack,
    body,
    action,
    client,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const profile = await deps.store.channels.get(action.value ?? '');
    if (!profile) return;
    await client.views
      .open({ trigger_id: body.trigger_id, view: render(profile) })
      .catch((error: unknown) =>
        deps.logger.error({ err: error, channel: profile.channelId }, `could not open the ${what} modal`),
      );
  };
}
