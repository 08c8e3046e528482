import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Store } from '../../store/index.js';

/** Slack retries for up to about 5 minutes; an hour keeps late retries out with room to spare. */
const SEEN_TTL_MS = 60 * 60_000;

/**
 * Bolt hands every Events API delivery to listeners, retries included (`context.retryNum`).
 * The first delivery of an `event_id` takes a store lease (shared by every replica); later
 * deliveries of the same id stop here.
 */
export function dedupeEventRetries(store: Store): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next, logger }) => {
    const eventId = (body as { type?: string; event_id?: unknown }).event_id;
    if ((body as { type?: string }).type !== 'event_callback' || typeof eventId !== 'string') {
      await next();
      return;
    }
    // A fresh owner per delivery: a retry arriving at the same process must not count as "ours".
    if (!(await store.locks.acquire(`event:${eventId}`, randomUUID(), SEEN_TTL_MS))) {
      logger.debug(`dropping repeated delivery of ${eventId} (retry ${context.retryNum ?? 0})`);
      return;
    }
    await next();
  };
}
