import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ThreadMemory } from '../../../qa/thread-memory.js';
import { escapeMrkdwn, truncate } from '../../blocks/escape.js';
import { readDigestButtonPress } from '../../button-value.js';
import type { SlackDeps } from '../../deps.js';

/**
 * "Ask about this" on a digest item: the user's next questions in the digest's thread are
 * answered from that paper first (its open-access full text too, fetched as soon as the button
 * is pressed), and they are told so privately (no noise for the channel).
 */
export function askAboutPaper(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    client,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const press = readDigestButtonPress(body, action);
    if (!press) return;
    const { channelId, threadTs, ...value } = press;
    const log = deps.logger.child({ channel: channelId, paperId: value.paperId, digestId: value.digestId });
    try {
      const paper = await deps.store.papers.get(value.paperId);
      if (!paper) {
        await client.chat.postEphemeral({
          channel: channelId,
          user: body.user.id,
          text: 'That paper is no longer stored.',
        });
        return;
      }
      await new ThreadMemory(deps.store).setFocus(channelId, threadTs, body.user.id, paper.id);
      // The question is coming: its open-access full text is fetched now, while the user types.
      void deps.live?.fullText.withFullText([paper]);
      await client.chat.postEphemeral({
        channel: channelId,
        user: body.user.id,
        thread_ts: threadTs,
        text: `Reply in this thread with your question about *${escapeMrkdwn(truncate(paper.title, 150))}*; I'll answer from that paper first.`,
      });
    } catch (error) {
      log.error({ err: error }, 'could not open a question about a paper');
    }
  };
}
