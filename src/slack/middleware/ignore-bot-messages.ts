import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Drops message events written by any bot (this app included): the app must never answer
 * itself or another bot. Bolt's `ignoreSelf` covers only this app.
 */
export const ignoreBotMessages: Middleware<AnyMiddlewareArgs> = async ({ body, next }) => {
  const event = (body as { event?: { type?: string; subtype?: string; bot_id?: string } }).event;
  if (event && (event.type === 'message' || event.type === 'app_mention')) {
    if (event.bot_id || event.subtype === 'bot_message') return;
  }
  await next();
};
