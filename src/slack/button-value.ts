import type { BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';

const digestButton = z.object({ digestId: z.string().min(1).max(200), paperId: z.string().min(1).max(300) });
const paperButton = z.object({ paperId: z.string().min(1).max(300) });

/** The `{digestId, paperId}` a digest button carries, or undefined when the value is not ours. */
export function parseDigestButton(value: string | undefined) {
  return parseJson(digestButton, value);
}

/**
 * A digest button press with where it happened: the button's ids, the channel, and the thread
 * its answer belongs in (the digest message's own thread). Undefined for a press that is not ours.
 */
export function readDigestButtonPress(body: BlockAction<ButtonAction>, action: ButtonAction) {
  const value = parseDigestButton(action.value);
  const channelId = body.channel?.id ?? body.container?.channel_id;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const threadTs = message?.thread_ts ?? message?.ts ?? body.container?.message_ts;
  if (!value || !channelId || !threadTs) return undefined;
  return { ...value, channelId: channelId as string, threadTs: threadTs as string };
}

/** The `{paperId}` a single-paper button carries. */
export function parsePaperButton(value: string | undefined) {
  return parseJson(paperButton, value);
}

function parseJson<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (!value) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
