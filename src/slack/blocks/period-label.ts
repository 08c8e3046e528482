import type { Digest } from '../../types.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/**
 * The digest's week as a person reads it: "week of 23 Nov 2026". A preview (period
 * "preview-<ms>") reads "preview, week of …" for the week it was built in.
 */
export function periodLabel(digest: Pick<Digest, 'period' | 'generatedAt'>): string {
  const week = ISO_WEEK.exec(digest.period);
  if (week) return `week of ${formatDay(mondayOf(Number(week[1]), Number(week[2])))}`;
  if (digest.period.startsWith('preview')) {
    const built = new Date(digest.generatedAt);
    if (!Number.isNaN(built.getTime())) return `preview, week of ${formatDay(mondayOfDate(built))}`;
    return 'preview';
  }
  return digest.period;
}

/** Monday of ISO week `week` of `year` (UTC). */
function mondayOf(year: number, week: number): Date {
  const january4 = new Date(Date.UTC(year, 0, 4));
  const weekday = january4.getUTCDay() || 7;
  return new Date(Date.UTC(year, 0, 4 - weekday + 1 + (week - 1) * 7));
}

function mondayOfDate(date: Date): Date {
  const weekday = date.getUTCDay() || 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - weekday + 1));
}

function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
