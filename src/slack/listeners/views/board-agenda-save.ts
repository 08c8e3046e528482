import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { AgendaStore } from '../../../board/agenda.js';
import { screenCaseLine } from '../../../board/phi-gate.js';
import { userMessageOf } from '../../../errors.js';
import { BOARD_AGENDA } from '../../blocks/board-agenda.js';
import { assertCanConfigure } from '../../channel-config.js';
import type { SlackDeps } from '../../deps.js';
import { parseModalTarget } from './modal-target.js';

/**
 * Agenda modal submitted. Every line is screened first; if any is refused, the modal stays
 * open with the reasons and nothing is stored, so no line is lost and none slips through.
 */
export function saveBoardAgenda(deps: SlackDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const target = parseModalTarget(view.private_metadata);
    if (!target) return ack();
    const raw = view.state.values[BOARD_AGENDA.linesBlock]?.[BOARD_AGENDA.linesInput]?.value ?? '';
    const lines = raw.split('\n').filter((line) => line.trim());
    const refused = lines
      .map((line, index) => ({ position: index + 1, screened: screenCaseLine(line) }))
      .flatMap(({ position, screened }) => (screened.ok ? [] : [`Line ${position}: ${screened.reason}.`]));
    if (lines.length === 0) refused.push('Paste at least one case, one per line.');
    if (refused.length > 0) {
      return ack({
        response_action: 'errors',
        errors: { [BOARD_AGENDA.linesBlock]: refused.join(' ').slice(0, 2000) },
      });
    }
    try {
      await assertCanConfigure({ deps, client, userId: body.user.id, ...target });
    } catch (error) {
      return ack({ response_action: 'errors', errors: { [BOARD_AGENDA.linesBlock]: userMessageOf(error) } });
    }
    await ack();
    try {
      const agendas = new AgendaStore(deps.store, () => deps.clock.now());
      const result = await agendas.add(target.channelId, lines);
      deps.logger.info(
        { user: body.user.id, channel: target.channelId, change: 'board add', added: result.added },
        'board agenda changed',
      );
      const skipped =
        result.refused.length > 0
          ? ` ${result.refused.length} did not fit (${result.refused[0]?.reason}).`
          : '';
      await client.chat.postEphemeral({
        channel: target.channelId,
        user: body.user.id,
        text: `Added ${result.added} case${result.added === 1 ? '' : 's'} to the board agenda (${result.total} in all).${skipped} See them with \`/lit board list\`.`,
      });
    } catch (error) {
      deps.logger.error({ err: error, channel: target.channelId }, 'could not save the board agenda');
    }
  };
}
