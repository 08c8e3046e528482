import type { types } from '@slack/bolt';
import { formatTopic } from '../../digest/profile.js';
import type { ChannelProfile } from '../../types.js';
import { truncate } from './escape.js';

/** Callback ids of the edit modals and the ids of their inputs (view handlers read these). */
export const MODALS = {
  topics: { callbackId: 'edit_topics', block: 'topics', input: 'topics_input' },
  schedule: {
    callbackId: 'edit_schedule',
    whenBlock: 'when',
    whenInput: 'when_input',
    zoneBlock: 'zone',
    zoneInput: 'zone_input',
  },
} as const;

/** Which channel a modal edits; carried in `private_metadata`. */
export interface ModalTarget {
  channelId: string;
  channelName: string;
}

const TITLE_MAX = 24;

/** Topics, one per line, in the syntax `/lit topics add` reads. */
export function renderTopicsModal(profile: ChannelProfile): types.ModalView {
  return {
    type: 'modal',
    callback_id: MODALS.topics.callbackId,
    private_metadata: target(profile),
    title: { type: 'plain_text', text: truncate(`Topics · #${profile.name}`, TITLE_MAX) },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: MODALS.topics.block,
        optional: true,
        label: { type: 'plain_text', text: 'One topic per line' },
        hint: {
          type: 'plain_text',
          text: 'Free text, mesh:"Leukemia, Myelomonocytic, Juvenile", author:"Loh ML", journal:Blood, -journal:"Cancer Cell"',
        },
        element: {
          type: 'plain_text_input',
          action_id: MODALS.topics.input,
          multiline: true,
          initial_value: profile.topics.map(formatTopic).join('\n'),
        },
      },
    ],
  };
}

/** Day and time (or a cron expression, or "off") and the channel's time zone. */
export function renderScheduleModal(profile: ChannelProfile, defaultTimeZone: string): types.ModalView {
  const ids = MODALS.schedule;
  return {
    type: 'modal',
    callback_id: ids.callbackId,
    private_metadata: target(profile),
    title: { type: 'plain_text', text: truncate(`Schedule · #${profile.name}`, TITLE_MAX) },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: ids.whenBlock,
        label: { type: 'plain_text', text: 'When' },
        hint: {
          type: 'plain_text',
          text: 'mon 07:30, weekdays 18:00, a cron expression like 30 7 * * 1, or off',
        },
        element: { type: 'plain_text_input', action_id: ids.whenInput, initial_value: whenOf(profile) },
      },
      {
        type: 'input',
        block_id: ids.zoneBlock,
        label: { type: 'plain_text', text: 'Time zone' },
        hint: { type: 'plain_text', text: 'IANA name, e.g. America/Chicago or Europe/Paris' },
        element: {
          type: 'plain_text_input',
          action_id: ids.zoneInput,
          initial_value: profile.schedule?.timezone ?? defaultTimeZone,
        },
      },
    ],
  };
}

function target(profile: ChannelProfile): string {
  const value: ModalTarget = { channelId: profile.channelId, channelName: profile.name };
  return JSON.stringify(value);
}

function whenOf(profile: ChannelProfile): string {
  if (!profile.schedule) return 'off';
  const match = /^(\d+) (\d+) \* \* ([0-6])$/.exec(profile.schedule.cron);
  if (!match) return profile.schedule.cron;
  const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const [, minute = '0', hour = '0', day = '1'] = match;
  return `${days[Number(day)]} ${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
}
