import { renderScheduleModal } from '../../blocks/modals.js';
import type { SlackDeps } from '../../deps.js';
import { openChannelModal } from './open-channel-modal.js';

/** Home tab "Edit schedule": opens the schedule modal for that channel. */
export function editSchedule(deps: SlackDeps) {
  return openChannelModal(deps, 'schedule', (profile) =>
    renderScheduleModal(profile, deps.config.digest.defaultTimezone),
  );
}
