import type { SlackClient } from './web-client.js';

/** Message metadata event type every digest message carries; the lookup below relies on it. */
export const DIGEST_EVENT_TYPE = 'tbdigest_digest';

const PAGE_SIZE = 200;
const MAX_PAGES = 5;

/** The metadata attached to a digest message: the exactly-once key, visible to later lookups. */
export function digestMetadata(digestId: string) {
  return { event_type: DIGEST_EVENT_TYPE, event_payload: { digest_id: digestId } };
}

/**
 * The ts of a message already posted for `digestId` in the channel since `oldestTs`, found by
 * its message metadata. Covers a crash between posting and recording the ts.
 */
export async function findPostedDigest(
  client: SlackClient,
  channelId: string,
  digestId: string,
  oldestTs: string,
): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await client.conversations.history({
      channel: channelId,
      oldest: oldestTs,
      include_all_metadata: true,
      limit: PAGE_SIZE,
      cursor,
    });
    const match = result.messages?.find(
      (message) =>
        message.metadata?.event_type === DIGEST_EVENT_TYPE &&
        (message.metadata.event_payload as { digest_id?: unknown } | undefined)?.digest_id === digestId,
    );
    if (match?.ts) return match.ts;
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!result.has_more || !cursor) return undefined;
  }
  return undefined;
}

/** Slack ts ("seconds.micros") for an ISO time, for `oldest` filters. */
export function slackTsOf(iso: string): string {
  return (new Date(iso).getTime() / 1000).toFixed(6);
}
