import type { types } from '@slack/bolt';
import { MAX_CASE_LINE_CHARS } from '../../board/phi-gate.js';
import type { ModalTarget } from './modals.js';

/** Ids of the board agenda surfaces: the Home tab button (value: channel id) and the modal. */
export const BOARD_AGENDA = {
  openAction: 'home_board_agenda',
  callbackId: 'board_agenda_modal',
  linesBlock: 'board_agenda_lines',
  linesInput: 'lines',
} as const;

/** Room for a full agenda, one line per case, each at most MAX_CASE_LINE_CHARS. */
const MODAL_INPUT_MAX = 3000;

export function boardAgendaButton(channelId: string): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: 'Paste board agenda' },
    action_id: BOARD_AGENDA.openAction,
    value: channelId,
  };
}

/** The "paste an agenda" modal: one de-identified case per line, checked before anything is stored. */
export function renderBoardAgendaModal(target: ModalTarget): types.ModalView {
  return {
    type: 'modal',
    callback_id: BOARD_AGENDA.callbackId,
    private_metadata: JSON.stringify(target),
    title: { type: 'plain_text', text: 'Board agenda' },
    submit: { type: 'plain_text', text: 'Add cases' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `One case per line, de-identified (no names, MRNs, dates, places; ages under 90). Lines are checked before they are stored, and removed after the meeting. At most ${MAX_CASE_LINE_CHARS} characters per line.`,
        },
      },
      {
        type: 'input',
        block_id: BOARD_AGENDA.linesBlock,
        label: { type: 'plain_text', text: 'Cases' },
        element: {
          type: 'plain_text_input',
          action_id: BOARD_AGENDA.linesInput,
          multiline: true,
          max_length: MODAL_INPUT_MAX,
          placeholder: {
            type: 'plain_text',
            text: '18-month-old, JMML with monosomy 7, relapse 4 months after HSCT',
          },
        },
      },
    ],
  };
}
