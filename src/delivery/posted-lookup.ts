import type { SlackClient } from './client.js';

/**
 * Message metadata event type every scheduled post carries (digests, briefs and notices alike;
 * the name is the one the first digests went out with). `digest_id` names the scheduled post,
 * `part` the message within it (0 is the main message, later parts are its thread replies).
 */
export const POST_EVENT_TYPE = 'tbdigest_digest';

const PAGE_SIZE = 200;
const MAX_PAGES = 5;

export interface PostMetadata {
  event_type: typeof POST_EVENT_TYPE;
  event_payload: { digest_id: string; part?: number };
}

/** The metadata of part `part` of the post `postId`: its exactly-once key, visible to later lookups. */
export function postMetadata(postId: string, part = 0): PostMetadata {
  return {
    event_type: POST_EVENT_TYPE,
    event_payload: part === 0 ? { digest_id: postId } : { digest_id: postId, part },
  };
}

export interface PostedQuery {
  channelId: string;
  postId: string;
  part: number;
  /** Look in this thread's replies instead of the channel's top-level messages. */
  threadTs?: string;
  /** Slack ts; nothing older is looked at. */
  oldestTs: string;
}

/**
 * The ts of a message already posted for (`postId`, `part`), found by its metadata. Covers a
 * crash between posting and recording, and a post whose answer was lost on the way back.
 */
export async function findPosted(client: SlackClient, query: PostedQuery): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = {
      channel: query.channelId,
      oldest: query.oldestTs,
      include_all_metadata: true,
      limit: PAGE_SIZE,
      cursor,
    };
    const result = query.threadTs
      ? await client.conversations.replies({ ...params, ts: query.threadTs })
      : await client.conversations.history(params);
    const match = result.messages?.find((message) => isPart(message.metadata, query.postId, query.part));
    if (match?.ts) return match.ts;
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!result.has_more || !cursor) return undefined;
  }
  return undefined;
}

function isPart(
  metadata: { event_type?: string; event_payload?: unknown } | undefined,
  id: string,
  part: number,
) {
  if (metadata?.event_type !== POST_EVENT_TYPE) return false;
  const payload = metadata.event_payload as { digest_id?: unknown; part?: unknown } | undefined;
  return payload?.digest_id === id && (payload.part ?? 0) === part;
}

/** Slack ts ("seconds.micros") for a time in milliseconds, for `oldest` filters. */
export function slackTsOf(ms: number): string {
  return (ms / 1000).toFixed(6);
}
