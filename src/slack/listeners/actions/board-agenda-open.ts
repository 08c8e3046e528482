import { renderBoardAgendaModal } from '../../blocks/board-agenda.js';
import type { SlackDeps } from '../../deps.js';
import { openChannelModal } from './open-channel-modal.js';

/** Home tab "Paste board agenda": opens the agenda modal for that channel. */
export function openBoardAgenda(deps: SlackDeps) {
  return openChannelModal(deps, 'board agenda', (profile) =>
    renderBoardAgendaModal({ channelId: profile.channelId, channelName: profile.name }),
  );
}
