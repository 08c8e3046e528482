import type { FeedHealth } from '../../types.js';
import { escapeMrkdwn } from './escape.js';

/** "ok, last success 2026-11-24 10:00 UTC (12 items)" or the last error, for lists and App Home. */
export function describeFeedHealth(health: FeedHealth | undefined): string {
  if (!health || (!health.lastSuccessAt && !health.lastErrorAt)) return 'not fetched yet';
  const failing = health.lastErrorAt && (!health.lastSuccessAt || health.lastErrorAt > health.lastSuccessAt);
  if (failing) {
    const since = health.lastSuccessAt ? `; last success ${when(health.lastSuccessAt)}` : '';
    return `:warning: error ${when(health.lastErrorAt as string)}: ${escapeMrkdwn(health.lastError ?? 'unknown')}${since}`;
  }
  const items = health.lastItemCount !== undefined ? ` (${health.lastItemCount} items)` : '';
  return `ok, last success ${when(health.lastSuccessAt as string)}${items}`;
}

function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
