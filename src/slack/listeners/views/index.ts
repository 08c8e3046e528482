import type { App } from '@slack/bolt';
import { BOARD_AGENDA } from '../../blocks/board-agenda.js';
import { MODALS } from '../../blocks/modals.js';
import type { SlackDeps } from '../../deps.js';
import { saveBoardAgenda } from './board-agenda-save.js';
import { saveSchedule } from './save-schedule.js';
import { saveTopics } from './save-topics.js';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(MODALS.topics.callbackId, saveTopics(deps));
  app.view(MODALS.schedule.callbackId, saveSchedule(deps));
  app.view(BOARD_AGENDA.callbackId, saveBoardAgenda(deps));
}
