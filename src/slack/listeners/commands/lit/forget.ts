import { InvalidInputError } from '../../../../errors.js';
import { forgetChannel } from '../../../../store/channel-data.js';
import { assertCanConfigure } from '../../../channel-config.js';
import { type LitSubcommand, privateReply } from './subcommand.js';

const USAGE = '/lit forget confirm';

/**
 * `/lit forget confirm`: deletes everything the app stored for this channel (settings, digest
 * history, board agenda, votes, thread memory) and stops its digests. Only those who may change
 * the channel's settings may; without `confirm` it only says what would go.
 */
export const forgetSubcommand: LitSubcommand = {
  name: 'forget',
  usage: USAGE,
  summary: 'delete everything stored for this channel (settings, history, agenda, votes)',
  async run(request) {
    await assertCanConfigure(request);
    const word = request.args.trim().toLowerCase();
    if (word !== 'confirm') {
      if (word) throw new InvalidInputError(`"${request.args}" is not an option of forget.`, USAGE);
      return privateReply(
        'This deletes everything I stored for this channel: its topics, feeds and schedule, the digests and briefs I posted (the messages stay in Slack), the board agenda, relevance votes and thread memory. Papers stay. To go ahead: `/lit forget confirm`.',
      );
    }
    const { deps } = request;
    const summary = await forgetChannel(deps.store, request.channelId);
    await deps.schedules.reschedule(request.channelId);
    deps.logger.info(
      { user: request.userId, channel: request.channelId, ...summary },
      'channel data deleted on request',
    );
    return privateReply(
      `Deleted everything stored for this channel (${summary.digests} digests and briefs, ${summary.records} other records). Digests stop here until someone sets topics again.`,
    );
  },
};
