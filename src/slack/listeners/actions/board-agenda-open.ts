import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderBoardAgendaModal } from '../../blocks/board-agenda.js';
import type { SlackDeps } from '../../deps.js';

/** Home tab "Paste board agenda": opens the agenda modal for that channel. */
export function openBoardAgenda(deps: SlackDeps) {
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
      .open({
        trigger_id: body.trigger_id,
        view: renderBoardAgendaModal({ channelId: profile.channelId, channelName: profile.name }),
      })
      .catch((error: unknown) =>
        deps.logger.error(
          { err: error, channel: profile.channelId },
          'could not open the board agenda modal',
        ),
      );
  };
}
