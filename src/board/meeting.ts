import { nextFireTime, previousFireTime, wallTimeOf } from '../cron/cron-time.js';
import { parseScheduleInput } from '../cron/schedule-input.js';
import { InvalidInputError } from '../errors.js';
import type { DigestSchedule } from '../types.js';
import type { BoardAgenda } from './agenda.js';

const EXAMPLE = '/lit board time thu 16:00 America/Chicago';
const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/** Reads `/lit board time <day> <HH:MM> [tz]` (a weekly meeting; "off" is not a meeting time). */
export function parseMeetingTime(input: string, defaultTimeZone: string): DigestSchedule {
  let schedule: DigestSchedule | null;
  try {
    schedule = parseScheduleInput(input, defaultTimeZone);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const reason = error.example
      ? error.userMessage.replace(` Example: ${error.example}`, '')
      : error.userMessage;
    throw new InvalidInputError(reason, EXAMPLE);
  }
  if (!schedule) throw new InvalidInputError('Say when the board meets: a day and a time.', EXAMPLE);
  return schedule;
}

/** The next meeting strictly after `now`. */
export function nextMeeting(meeting: DigestSchedule, now: Date): Date | undefined {
  return nextFireTime(meeting.cron, meeting.timezone, now);
}

/** The latest meeting at or before `now`, within the last week. */
export function lastMeeting(meeting: DigestSchedule, now: Date): Date | undefined {
  return previousFireTime(meeting.cron, meeting.timezone, now, WEEK_MS);
}

/** When the brief for the meeting at `meetingAt` goes out. */
export function briefDueAt(meetingAt: Date, leadHours: number): Date {
  return new Date(meetingAt.getTime() - leadHours * HOUR_MS);
}

/** The local calendar date of a meeting ("2026-12-03"): with the channel, the brief's exactly-once id. */
export function meetingDate(meetingAt: Date, timeZone: string): string {
  const wall = wallTimeOf(meetingAt, timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

export function briefIdOf(channelId: string, meetingAt: Date, timeZone: string): string {
  return `${channelId}:board-${meetingDate(meetingAt, timeZone)}`;
}

export type BoardDuty =
  | { kind: 'post-brief'; meetingAt: Date; briefId: string }
  | { kind: 'clear-agenda'; meetingAt: Date }
  | { kind: 'none' };

/**
 * What the scheduler should do for a board now (pure). Within the lead window before the next
 * meeting: post the brief. After a meeting, cases added before it are cleared (when configured).
 */
export function boardDuty(
  agenda: Pick<BoardAgenda, 'channelId' | 'cases' | 'meeting' | 'clearAfterMeeting'>,
  now: Date,
  leadHours: number,
): BoardDuty {
  const meeting = agenda.meeting;
  if (!meeting) return { kind: 'none' };
  const previous = lastMeeting(meeting, now);
  if (
    previous &&
    agenda.clearAfterMeeting &&
    agenda.cases.some((entry) => new Date(entry.addedAt).getTime() <= previous.getTime())
  ) {
    return { kind: 'clear-agenda', meetingAt: previous };
  }
  const next = nextMeeting(meeting, now);
  if (!next || agenda.cases.length === 0) return { kind: 'none' };
  if (now.getTime() < briefDueAt(next, leadHours).getTime()) return { kind: 'none' };
  return {
    kind: 'post-brief',
    meetingAt: next,
    briefId: briefIdOf(agenda.channelId, next, meeting.timezone),
  };
}
