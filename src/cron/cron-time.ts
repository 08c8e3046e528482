import cron from 'node-cron';
import { isTimeZone } from '../config/schema.js';
import { InvalidInputError } from '../errors.js';

/**
 * Fire times of a five-field cron expression in an IANA zone, computed from local wall time.
 * A time that does not exist (spring-forward gap) fires at the same instant the clock jumps to
 * (02:30 → 03:30); a time that occurs twice (fall-back) fires at its first occurrence. node-cron
 * itself skips gap times, which is why the scheduler also sweeps with these functions.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const CRON_EXAMPLE = '/lit schedule 30 7 * * 1 America/Chicago';

interface CronFields {
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  daysOfWeek: number[];
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Validates a five-field expression (minute hour day-of-month month day-of-week); throws InvalidInputError. */
export function parseCron(expression: string): CronFields {
  const trimmed = expression.trim().replace(/\s+/g, ' ');
  if (trimmed.split(' ').length !== 5 || !cron.validate(trimmed)) {
    throw new InvalidInputError(
      `"${expression}" is not a five-field cron expression (minute hour day month weekday).`,
      CRON_EXAMPLE,
    );
  }
  const fields = cron.parse(trimmed);
  const numeric = (values: (number | string)[]): number[] => {
    if (values.some((value) => typeof value !== 'number')) {
      throw new InvalidInputError(
        `"${expression}" uses L or # day rules, which digests do not support.`,
        CRON_EXAMPLE,
      );
    }
    return (values as number[]).slice().sort((a, b) => a - b);
  };
  return {
    minutes: numeric(fields.minute),
    hours: numeric(fields.hour),
    daysOfMonth: numeric(fields.dayOfMonth),
    months: numeric(fields.month),
    daysOfWeek: [...new Set(numeric(fields.dayOfWeek).map((day) => day % 7))],
  };
}

/** Throws InvalidInputError with an example when `name` is not an IANA time zone. */
export function assertTimeZone(name: string): void {
  if (!isTimeZone(name)) {
    throw new InvalidInputError(
      `"${name}" is not a time zone name.`,
      '/lit schedule mon 07:30 America/Chicago',
    );
  }
}

/** The latest fire time at or before `before`, looking back at most `lookbackMs`. */
export function previousFireTime(
  expression: string,
  timeZone: string,
  before: Date,
  lookbackMs: number,
): Date | undefined {
  const fields = parseCron(expression);
  const earliest = before.getTime() - lookbackMs;
  // Walk local days backwards; a day's fire times can map to instants across the next day boundary.
  for (let cursor = before.getTime() + DAY_MS; cursor >= earliest - DAY_MS; cursor -= DAY_MS) {
    const day = wallTimeOf(new Date(cursor), timeZone);
    const best = fireTimesOnDay(fields, day, timeZone)
      .filter((time) => time <= before.getTime() && time >= earliest)
      .at(-1);
    if (best !== undefined) return new Date(best);
  }
  return undefined;
}

/** The first fire time strictly after `after`, looking ahead at most `lookaheadMs` (default about a year). */
export function nextFireTime(
  expression: string,
  timeZone: string,
  after: Date,
  lookaheadMs = 400 * DAY_MS,
): Date | undefined {
  const fields = parseCron(expression);
  const latest = after.getTime() + lookaheadMs;
  for (let cursor = after.getTime() - DAY_MS; cursor <= latest + DAY_MS; cursor += DAY_MS) {
    const day = wallTimeOf(new Date(cursor), timeZone);
    const first = fireTimesOnDay(fields, day, timeZone).find(
      (time) => time > after.getTime() && time <= latest,
    );
    if (first !== undefined) return new Date(first);
  }
  return undefined;
}

/** Instants (ascending) at which the expression fires on the local calendar day of `day`. */
function fireTimesOnDay(fields: CronFields, day: WallTime, timeZone: string): number[] {
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  if (
    !fields.months.includes(day.month) ||
    !fields.daysOfMonth.includes(day.day) ||
    !fields.daysOfWeek.includes(weekday)
  ) {
    return [];
  }
  const times: number[] = [];
  for (const hour of fields.hours) {
    for (const minute of fields.minutes) {
      times.push(instantOf({ ...day, hour, minute }, timeZone));
    }
  }
  return [...new Set(times)].sort((a, b) => a - b);
}

/** The instant a local wall time names: first occurrence when repeated, shifted past a gap when skipped. */
export function instantOf(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offsetBefore = offsetMinutes(asUtc - DAY_MS, timeZone);
  const offsetAfter = offsetMinutes(asUtc + DAY_MS, timeZone);
  const candidates = [asUtc - offsetBefore * MINUTE_MS, asUtc - offsetAfter * MINUTE_MS];
  const valid = candidates.filter((instant) => sameWallTime(wallTimeOf(new Date(instant), timeZone), wall));
  if (valid.length > 0) return Math.min(...valid);
  return asUtc - offsetBefore * MINUTE_MS;
}

function sameWallTime(a: WallTime, b: WallTime): boolean {
  return (
    a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute
  );
}

function offsetMinutes(instant: number, timeZone: string): number {
  const wall = wallTimeOf(new Date(instant), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Math.round((asUtc - Math.floor(instant / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local calendar date and time of day of `date` in `timeZone`. */
export function wallTimeOf(date: Date, timeZone: string): WallTime {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}
