import { nextFireTime } from '../../cron/cron-time.js';
import { describeSchedule } from '../../cron/schedule-input.js';
import type { ChannelProfile } from '../../types.js';

/** "Mondays at 07:30 (America/Chicago) · next: Mon, Nov 30, 07:30", or why nothing will post. */
export function scheduleLine(profile: ChannelProfile, now: Date): string {
  if (!profile.schedule) return 'No schedule: digests post only with `/lit digest now`.';
  const next = nextFireTime(profile.schedule.cron, profile.schedule.timezone, now);
  const nextText = next ? ` · next: ${formatLocal(next, profile.schedule.timezone)}` : '';
  const paused = profile.paused ? ' · :warning: paused' : '';
  return `${describeSchedule(profile.schedule)}${nextText}${paused}`;
}

/** A fire time as the channel reads it, in its own zone. */
export function formatLocal(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}
