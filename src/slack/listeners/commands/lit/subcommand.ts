import type { types } from '@slack/bolt';
import type { Logger } from '../../../../log.js';
import type { SlackDeps } from '../../../deps.js';
import type { SlackClient } from '../../../web-client.js';

/** One `/lit` invocation, as every subcommand sees it. */
export interface LitRequest {
  deps: SlackDeps;
  client: SlackClient;
  logger: Logger;
  userId: string;
  channelId: string;
  channelName: string;
  /** The text after the subcommand name, trimmed. */
  args: string;
  /** The user asked to show the answer to the channel (`--share`). */
  share: boolean;
}

/** What `respond()` sends back for a subcommand. */
export interface LitReply {
  text: string;
  blocks?: types.KnownBlock[];
  response_type: 'ephemeral' | 'in_channel';
}

export interface LitSubcommand {
  name: string;
  /** "/lit search <query>": shown by help and in error examples. */
  usage: string;
  summary: string;
  run(request: LitRequest): Promise<LitReply>;
}

/** A reply only the invoking user sees, or the whole channel when they asked to share it. */
export function reply(
  request: Pick<LitRequest, 'share'>,
  text: string,
  blocks?: LitReply['blocks'],
): LitReply {
  return { response_type: request.share ? 'in_channel' : 'ephemeral', text, ...(blocks ? { blocks } : {}) };
}

/** A reply only the invoking user sees (confirmations of configuration changes, errors). */
export function privateReply(text: string): LitReply {
  return { response_type: 'ephemeral', text };
}
