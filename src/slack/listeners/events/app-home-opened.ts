import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { publishHome } from '../../home-channels.js';

/** Publishes the Home tab each time a user opens it, so it always shows current settings. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(deps, client, event.user);
    } catch (error) {
      deps.logger.error({ err: error, user: event.user }, 'could not publish the Home tab');
    }
  };
}
