import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { forgetWorkspace } from './app-uninstalled.js';
import { questionMention } from './question-mention.js';
import { questionMessage } from './question-message.js';

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('app_mention', questionMention(deps));
  app.event('app_uninstalled', forgetWorkspace(deps));
  app.event('tokens_revoked', forgetWorkspace(deps));
  app.event('message', questionMessage(deps));
}
