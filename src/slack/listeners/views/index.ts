import type { App } from '@slack/bolt';
import { MODALS } from '../../blocks/modals.js';
import type { SlackDeps } from '../../deps.js';
import { saveSchedule } from './save-schedule.js';
import { saveTopics } from './save-topics.js';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(MODALS.topics.callbackId, saveTopics(deps));
  app.view(MODALS.schedule.callbackId, saveSchedule(deps));
}
