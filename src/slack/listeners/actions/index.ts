import type { App } from '@slack/bolt';
import { BOARD_AGENDA } from '../../blocks/board-agenda.js';
import { DIGEST_ACTIONS } from '../../blocks/digest.js';
import { HOME_ACTIONS } from '../../blocks/home.js';
import { PAPER_ACTIONS } from '../../blocks/paper.js';
import type { SlackDeps } from '../../deps.js';
import { askAboutPaper } from './ask-about-paper.js';
import { openBoardAgenda } from './board-agenda-open.js';
import { digestAbstract } from './digest-abstract.js';
import { digestFeedback } from './digest-feedback.js';
import { editSchedule } from './edit-schedule.js';
import { editTopics } from './edit-topics.js';
import { ackOnly, homeStarter } from './home-starter.js';
import { paperAbstract } from './paper-abstract.js';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action(DIGEST_ACTIONS.abstract, digestAbstract(deps));
  app.action(DIGEST_ACTIONS.ask, askAboutPaper(deps));
  app.action(DIGEST_ACTIONS.relevant, digestFeedback(deps, 'relevant'));
  app.action(DIGEST_ACTIONS.notRelevant, digestFeedback(deps, 'not-relevant'));
  app.action(PAPER_ACTIONS.abstract, paperAbstract(deps));
  app.action(HOME_ACTIONS.editTopics, editTopics(deps));
  app.action(HOME_ACTIONS.editSchedule, editSchedule(deps));
  app.action(HOME_ACTIONS.starterChannel, ackOnly);
  app.action(HOME_ACTIONS.starterSpecialty, homeStarter(deps));
  app.action(BOARD_AGENDA.openAction, openBoardAgenda(deps));
}
