/** Calendar helpers shared by the store's week index and the digest periods. */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The calendar date (y, m, d) that `date` falls on in `timeZone`. */
export function localDate(date: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .formatToParts(date)
    .reduce<Record<string, string>>((acc, part) => {
      acc[part.type] = part.value;
      return acc;
    }, {});
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** ISO-8601 week ("2026-W48") of the day `date` falls on in `timeZone`. */
export function isoWeek(date: Date, timeZone = 'UTC'): string {
  const { year, month, day } = localDate(date, timeZone);
  const utc = new Date(Date.UTC(year, month - 1, day));
  const weekday = utc.getUTCDay() || 7;
  utc.setUTCDate(utc.getUTCDate() + 4 - weekday);
  const weekYear = utc.getUTCFullYear();
  const firstDay = Date.UTC(weekYear, 0, 1);
  const week = Math.ceil(((utc.getTime() - firstDay) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** Every ISO week from `from` to `to` inclusive (UTC), oldest first. */
export function isoWeeksBetween(from: Date, to: Date): string[] {
  const weeks: string[] = [];
  const cursor = new Date(from.getTime());
  while (cursor.getTime() <= to.getTime() + 7 * 86_400_000) {
    const week = isoWeek(cursor);
    if (weeks.at(-1) !== week) weeks.push(week);
    if (cursor.getTime() > to.getTime()) break;
    cursor.setUTCDate(cursor.getUTCDate() + 7);
  }
  const last = isoWeek(to);
  if (!weeks.includes(last)) weeks.push(last);
  return weeks.filter((week) => week <= last);
}
