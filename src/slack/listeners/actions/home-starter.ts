import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { findStarter } from '../../../digest/specialty-starters.js';
import { isTbdError, userMessageOf } from '../../../errors.js';
import { HOME_ACTIONS, HOME_STARTER_BLOCK } from '../../blocks/home.js';
import type { SlackDeps } from '../../deps.js';
import { publishHome } from '../../home-channels.js';
import { applyStarter } from '../commands/lit/setup.js';

/**
 * Home tab specialty picked: applies that starter to the channel picked beside it (same checks
 * as `/lit setup` there), then re-renders the Home tab with one line saying what happened.
 */
export function homeStarter(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    client,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>) => {
    await ack();
    const userId = body.user.id;
    const starter = findStarter(action.selected_option?.value ?? '');
    const picked = body.view?.state?.values?.[HOME_STARTER_BLOCK]?.[HOME_ACTIONS.starterChannel];
    const channelId = picked?.selected_conversation ?? undefined;
    let notice: string;
    if (!starter) return;
    if (!channelId) {
      notice = `Pick a channel first, then ${starter.name} again.`;
    } else {
      try {
        const existing = await deps.store.channels.get(channelId);
        const channelName = existing?.name ?? (await channelNameOf(client, channelId));
        await applyStarter({ deps, client, userId, channelId, channelName }, starter);
        notice = `#${channelName} now follows ${starter.name}: run \`/lit digest preview\` there to see its first digest.`;
      } catch (error) {
        if (!isTbdError(error))
          deps.logger.error({ err: error, channel: channelId }, 'could not apply a starter');
        notice = `Could not set up that channel: ${userMessageOf(error)}`;
      }
    }
    await publishHome(deps, client, userId, notice).catch((error: unknown) =>
      deps.logger.error({ err: error, user: userId }, 'could not publish the Home tab'),
    );
  };
}

async function channelNameOf(client: AllMiddlewareArgs['client'], channelId: string): Promise<string> {
  const info = await client.conversations.info({ channel: channelId }).catch(() => undefined);
  return info?.channel?.name ?? channelId;
}

/** The channel picker needs an ack only; its value is read when the specialty is chosen. */
export async function ackOnly({ ack }: AllMiddlewareArgs & SlackActionMiddlewareArgs): Promise<void> {
  await ack();
}
