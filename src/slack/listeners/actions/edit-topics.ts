import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderTopicsModal } from '../../blocks/modals.js';
import type { SlackDeps } from '../../deps.js';

/** Home tab "Edit topics": opens the topics modal for that channel. */
export function editTopics(deps: SlackDeps) {
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
      .open({ trigger_id: body.trigger_id, view: renderTopicsModal(profile) })
      .catch((error: unknown) =>
        deps.logger.error({ err: error, channel: profile.channelId }, 'could not open the topics modal'),
      );
  };
}
