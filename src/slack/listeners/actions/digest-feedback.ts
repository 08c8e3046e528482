import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type FeedbackVoteKind, recordFeedback } from '../../../digest/feedback.js';
import { parseDigestButton } from '../../button-value.js';
import type { SlackDeps } from '../../deps.js';

/** "Relevant" / "Not relevant" on a digest item: stores the vote for this channel's ranking. */
export function digestFeedback(deps: SlackDeps, vote: FeedbackVoteKind) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const value = parseDigestButton(action.value);
    const channelId = body.channel?.id ?? body.container?.channel_id;
    if (!value || !channelId) return;
    try {
      await recordFeedback(deps.store, channelId, value.paperId, vote, body.user.id, deps.clock.now());
      deps.logger.info(
        { channel: channelId, user: body.user.id, paperId: value.paperId, vote },
        'digest feedback',
      );
      const text =
        vote === 'relevant'
          ? 'Thanks, noted as relevant: future digests here will favour papers like it.'
          : 'Thanks, noted as not relevant: future digests here will show fewer papers like it.';
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    } catch (error) {
      deps.logger.error({ err: error, channel: channelId }, 'could not record feedback');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Could not save your vote; it is logged.',
      }).catch(() => {});
    }
  };
}
