import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAbstractBlocks } from '../../blocks/paper.js';
import { parsePaperButton } from '../../button-value.js';
import type { SlackDeps } from '../../deps.js';

/** "Abstract" under a `/lit paper` answer: shows the abstract to the user who asked. */
export function paperAbstract(deps: SlackDeps) {
  return async ({
    ack,
    action,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const value = parsePaperButton(action.value);
    if (!value) return;
    const paper = await deps.store.papers.get(value.paperId);
    await respond(
      paper
        ? {
            response_type: 'ephemeral',
            replace_original: false,
            text: paper.title,
            blocks: renderAbstractBlocks(paper),
          }
        : { response_type: 'ephemeral', replace_original: false, text: 'That paper is no longer stored.' },
    ).catch((error: unknown) =>
      deps.logger.error({ err: error, paperId: value.paperId }, 'could not show the abstract'),
    );
  };
}
