import { isoWeek } from '../time.js';

/**
 * The digest period for a channel: the ISO week ("2026-W48") of `now` in the channel's time
 * zone, so a Monday-morning digest in Chicago and one in Sydney each belong to their own week.
 */
export function digestPeriod(now: Date, timeZone: string): string {
  return isoWeek(now, timeZone);
}
