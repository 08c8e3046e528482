import { InvalidInputError } from '../errors.js';
import type { DigestSchedule } from '../types.js';
import { assertTimeZone, parseCron } from './cron-time.js';

const EXAMPLE = '/lit schedule mon 07:30 America/Chicago';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Day words → cron day-of-week field: "mon", "monday", "daily", "weekdays". */
const DAYS: Record<string, string> = Object.fromEntries([
  ...DAY_NAMES.flatMap((name, index) => [
    [name.toLowerCase(), String(index)],
    [name.toLowerCase().slice(0, 3), String(index)],
  ]),
  ['daily', '*'],
  ['weekdays', '1-5'],
]);

/**
 * Reads `/lit schedule` arguments: `<day> <HH:MM> [tz]` or a five-field cron expression with an
 * optional zone, or `off` (returns null). The zone defaults to `defaultTimeZone`.
 */
export function parseScheduleInput(input: string, defaultTimeZone: string): DigestSchedule | null {
  const words = input.trim().split(/\s+/).filter(Boolean);
  if (words.length === 1 && words[0]?.toLowerCase() === 'off') return null;
  if (words.length === 0) throw new InvalidInputError('Say when to post the digest.', EXAMPLE);

  if (
    words.length >= 5 &&
    words.slice(0, 5).every((word) => /^[\d*,/\-a-z#L]+$/i.test(word) && !word.includes(':'))
  ) {
    const expression = words.slice(0, 5).join(' ');
    const timezone = zoneOf(words.slice(5), defaultTimeZone);
    parseCron(expression);
    return { cron: expression, timezone };
  }

  const [dayWord = '', timeWord = '', ...rest] = words;
  const day = DAYS[dayWord.toLowerCase()];
  if (day === undefined) {
    throw new InvalidInputError(
      `"${dayWord}" is not a day (mon…sun, daily, weekdays) or a cron expression.`,
      EXAMPLE,
    );
  }
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(timeWord);
  if (!time)
    throw new InvalidInputError(`"${timeWord || '(missing)'}" is not a time as HH:MM (24-hour).`, EXAMPLE);
  const timezone = zoneOf(rest, defaultTimeZone);
  return { cron: `${Number(time[2])} ${Number(time[1])} * * ${day}`, timezone };
}

function zoneOf(words: string[], fallback: string): string {
  if (words.length > 1)
    throw new InvalidInputError(`Unexpected "${words.slice(1).join(' ')}" after the time zone.`, EXAMPLE);
  const zone = words[0] ?? fallback;
  assertTimeZone(zone);
  return zone;
}

/** "Mondays at 07:30 (America/Chicago)" for a schedule made by `parseScheduleInput`; the cron otherwise. */
export function describeSchedule(schedule: DigestSchedule | null): string {
  if (!schedule) return 'off';
  const match = /^(\d+) (\d+) \* \* (\d|\*|1-5)$/.exec(schedule.cron);
  if (!match) return `\`${schedule.cron}\` (${schedule.timezone})`;
  const [, minute = '0', hour = '0', day = '*'] = match;
  const when = day === '*' ? 'Daily' : day === '1-5' ? 'Weekdays' : `${DAY_NAMES[Number(day)]}s`;
  return `${when} at ${hour.padStart(2, '0')}:${minute.padStart(2, '0')} (${schedule.timezone})`;
}
