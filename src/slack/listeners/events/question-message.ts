import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { asksTheApp } from '../../../qa/thread-message.js';
import type { SlackDeps } from '../../deps.js';
import { answerInThread } from './question.js';
import { answererFor } from './question-deps.js';

/** Message subtypes that are a person writing; edits, joins and bot posts are not questions. */
const QUESTION_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

interface MessageFields {
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
}

/**
 * Replies in a digest's thread and direct messages that ask something are questions; thanks,
 * scheduling and sharing get no answer. A message that mentions the app in a channel is left to
 * the app_mention listener (the shared claim would drop it anyway), which answers whatever it says.
 */
export function questionMessage(deps: SlackDeps) {
  const answerer = answererFor(deps);
  return async ({ event, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    const message = event as unknown as MessageFields;
    if (!QUESTION_SUBTYPES.has(message.subtype) || message.bot_id || !message.user || !message.text) return;
    if (message.user === context.botUserId) return;
    const isDm = message.channel_type === 'im';
    const inThread = message.thread_ts !== undefined && message.thread_ts !== message.ts;
    if (!isDm && (!inThread || (context.botUserId && message.text.includes(`<@${context.botUserId}>`))))
      return;
    const digestId = inThread
      ? await deps.store.digests.digestIdForThread(message.channel, message.thread_ts as string)
      : undefined;
    if (!isDm && !digestId) return;
    if (!asksTheApp(message.text)) return;
    await answerInThread(deps, answerer, client, {
      channelId: message.channel,
      userId: message.user,
      ts: message.ts,
      threadTs: inThread ? message.thread_ts : undefined,
      text: message.text,
      digestId,
    });
  };
}
