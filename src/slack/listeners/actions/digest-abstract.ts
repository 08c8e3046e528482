import { randomUUID } from 'node:crypto';
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAbstractBlocks } from '../../blocks/paper.js';
import { readDigestButtonPress } from '../../button-value.js';
import type { SlackDeps } from '../../deps.js';

/** One abstract per paper per digest thread, however many people press the button. */
const ABSTRACT_ONCE_MS = 30 * 24 * 3_600_000;

/** "Abstract" on a digest item: posts the paper's abstract in the digest's thread. */
export function digestAbstract(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const press = readDigestButtonPress(body, action);
    if (!press) return;
    const { channelId, threadTs, ...value } = press;
    const log = deps.logger.child({ channel: channelId, paperId: value.paperId, digestId: value.digestId });
    try {
      const paper = await deps.store.papers.get(value.paperId);
      if (!paper) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'That paper is no longer stored.',
        });
        return;
      }
      if (body.container?.is_ephemeral) {
        // A preview only its viewer sees has no thread to post into; show the abstract to them.
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: paper.title,
          blocks: renderAbstractBlocks(paper),
        });
        return;
      }
      const key = `abstract:${channelId}:${threadTs}:${value.paperId}`;
      const press = randomUUID();
      if (!(await deps.store.locks.acquire(key, press, ABSTRACT_ONCE_MS))) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'The abstract is already in this thread.',
        });
        return;
      }
      await client.chat
        .postMessage({
          channel: channelId,
          thread_ts: threadTs,
          text: `Abstract: ${paper.title}`,
          blocks: renderAbstractBlocks(paper),
          unfurl_links: false,
        })
        .catch(async (error: unknown) => {
          await deps.store.locks.release(key, press);
          throw error;
        });
    } catch (error) {
      log.error({ err: error }, 'could not post the abstract');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Could not post the abstract; it is logged.',
      }).catch(() => {});
    }
  };
}
