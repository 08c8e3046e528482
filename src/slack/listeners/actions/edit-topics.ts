import { renderTopicsModal } from '../../blocks/modals.js';
import type { SlackDeps } from '../../deps.js';
import { openChannelModal } from './open-channel-modal.js';

/** Home tab "Edit topics": opens the topics modal for that channel. */
export function editTopics(deps: SlackDeps) {
  return openChannelModal(deps, 'topics', renderTopicsModal);
}
