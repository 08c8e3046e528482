import { randomUUID } from 'node:crypto';
import type { AllMiddlewareArgs } from '@slack/bolt';
import { RATE_LIMITED_MESSAGE, takeQuestionSlot } from '../../../qa/rate-limit.js';
import { ThreadMemory } from '../../../qa/thread-memory.js';
import { renderAnswerBlocks } from '../../blocks/answer.js';
import type { SlackDeps } from '../../deps.js';
import type { Answerer } from './question-deps.js';

/** A question is answered once, however many events carry it (message + app_mention, retries). */
const ANSWER_ONCE_MS = 24 * 3_600_000;
const WORKING_REACTION = 'eyes';

export interface IncomingQuestion {
  channelId: string;
  userId: string;
  /** The question message's ts. */
  ts: string;
  /** The thread the question was asked in, when it was a reply. */
  threadTs?: string;
  /** Raw message text: read once here, never logged or stored. */
  text: string;
  digestId?: string;
}

/**
 * Answers one question in its thread: claims it (exactly once), checks the user's rate limit,
 * shows it is working, answers from the papers, posts the answer, and tells the asker
 * ephemerally what was redacted. The thread remembers only redacted text.
 */
export async function answerInThread(
  deps: SlackDeps,
  answerer: Answerer,
  client: AllMiddlewareArgs['client'],
  question: IncomingQuestion,
): Promise<void> {
  const { channelId, userId, ts } = question;
  const threadTs = question.threadTs ?? ts;
  const log = deps.logger.child({ channel: channelId, digestId: question.digestId });
  if (!(await deps.store.locks.acquire(`qa-question:${channelId}:${ts}`, randomUUID(), ANSWER_ONCE_MS)))
    return;
  const text = question.text.replace(/<@[UW][A-Z0-9]+>/g, ' ').trim();
  if (!text) return;
  if (!(await takeQuestionSlot(deps.store.locks, userId, deps.config.qa.rateLimitPerMinute))) {
    await client.chat.postEphemeral({
      channel: channelId,
      user: userId,
      thread_ts: threadTs,
      text: RATE_LIMITED_MESSAGE,
    });
    return;
  }
  await client.reactions.add({ channel: channelId, timestamp: ts, name: WORKING_REACTION }).catch(() => {});
  const memory = new ThreadMemory(deps.store, deps.config.threadMemoryDays);
  try {
    const [history, focus] = await Promise.all([
      memory.turns(channelId, threadTs),
      memory.focus(channelId, threadTs, userId),
    ]);
    const answer = await answerer({
      question: text,
      digestId: question.digestId,
      paperIds: focus ? [focus] : undefined,
      history,
    });
    const rendered = renderAnswerBlocks(answer);
    await client.chat.postMessage({
      channel: channelId,
      thread_ts: threadTs,
      ...rendered,
      unfurl_links: false,
      unfurl_media: false,
    });
    if (answer.redactions.length > 0) {
      await client.chat.postEphemeral({
        channel: channelId,
        user: userId,
        thread_ts: threadTs,
        text: redactionNotice(answer.redactions),
      });
    }
    await memory.append(channelId, threadTs, [
      { role: 'user', text: answer.question },
      { role: 'assistant', text: answer.text, paperIds: answer.citations.map((c) => c.paperId) },
    ]);
  } catch (error) {
    log.error({ err: error }, 'could not answer a question');
    await client.chat
      .postMessage({
        channel: channelId,
        thread_ts: threadTs,
        text: 'I could not answer that just now; it has been logged.',
      })
      .catch(() => {});
  } finally {
    await client.reactions
      .remove({ channel: channelId, timestamp: ts, name: WORKING_REACTION })
      .catch(() => {});
  }
}

export function redactionNotice(kinds: string[]): string {
  return `Before answering I removed from your question: ${kinds.join(', ')}. Only the redacted question was used. Please keep patient identifiers out of Slack.`;
}
