import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { asksTheApp } from '../../../qa/thread-message.js';
import type { SlackDeps } from '../../deps.js';
import { answerInThread } from './question.js';
import { answererFor } from './question-deps.js';

/**
 * "@tbdigest what was the relapse rate?" anywhere the app is: answered in a thread on that
 * message. "@tbdigest thanks!" gets no answer.
 */
export function questionMention(deps: SlackDeps) {
  const answerer = answererFor(deps);
  return async ({ event, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    if (!event.user || event.bot_id || event.user === context.botUserId) return;
    if (!asksTheApp(event.text, context.botUserId)) return;
    const threadTs = event.thread_ts && event.thread_ts !== event.ts ? event.thread_ts : undefined;
    const digestId = threadTs
      ? await deps.store.digests.digestIdForThread(event.channel, threadTs)
      : undefined;
    await answerInThread(deps, answerer, client, {
      channelId: event.channel,
      userId: event.user,
      ts: event.ts,
      threadTs,
      text: event.text,
      digestId,
    });
  };
}
