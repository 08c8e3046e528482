/** Slack's error strings that mean the app cannot post in a channel until someone fixes it. */
const CHANNEL_GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'restricted_action']);

/** Slack's `error` string from a rejected Web API call (`platform_error`), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** True when Slack refused because the app is not (or can no longer be) in the channel. */
export function isChannelGone(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code !== undefined && CHANNEL_GONE.has(code);
}
