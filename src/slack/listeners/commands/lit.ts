import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { InvalidInputError, isTbdError, userMessageOf } from '../../../errors.js';
import { escapeMrkdwn } from '../../blocks/escape.js';
import { pauseNotice } from '../../channel-config.js';
import type { SlackDeps } from '../../deps.js';
import { createFairQueue } from '../../fair-queue.js';
import { boardSubcommand } from './lit/board.js';
import { decodeCommandText } from './lit/command-text.js';
import { digestSubcommand } from './lit/digest.js';
import { feedsSubcommand } from './lit/feeds.js';
import { forgetSubcommand } from './lit/forget.js';
import { helpSubcommand } from './lit/help.js';
import { paperSubcommand } from './lit/paper.js';
import { scheduleSubcommand } from './lit/schedule.js';
import { searchSubcommand } from './lit/search.js';
import { settingsSubcommand } from './lit/settings.js';
import { setupSubcommand } from './lit/setup.js';
import { type LitReply, type LitSubcommand, privateReply } from './lit/subcommand.js';
import { topicsSubcommand } from './lit/topics.js';

const SHARE_FLAG = /(^|\s)--share$/i;

const SUBCOMMANDS: LitSubcommand[] = [
  searchSubcommand,
  paperSubcommand,
  digestSubcommand,
  topicsSubcommand,
  feedsSubcommand,
  scheduleSubcommand,
  settingsSubcommand,
  setupSubcommand,
  boardSubcommand,
  forgetSubcommand,
];
const ALL: LitSubcommand[] = [helpSubcommand(() => SUBCOMMANDS), ...SUBCOMMANDS];

/**
 * `/lit <subcommand> …`: acknowledges first (Slack's 3-second deadline), then does the work on
 * a pool fair between users (LIT_CONCURRENCY) and answers through `respond()`, privately
 * unless the user added `--share`.
 */
export function litCommand(deps: SlackDeps) {
  const slowWork = createFairQueue(deps.config.litConcurrency, deps.metrics?.setQueueDepth);
  return async (args: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await args.ack();
    await slowWork.run(args.command.user_id, () => answerLit(deps, args));
  };
}

async function answerLit(
  deps: SlackDeps,
  { command, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs,
): Promise<void> {
  const text = decodeCommandText(command.text).trim();
  const share = SHARE_FLAG.test(text);
  const [name = 'help', ...rest] = text.replace(SHARE_FLAG, '').trim().split(/\s+/).filter(Boolean);
  const logger = deps.logger.child({
    channel: command.channel_id,
    user: command.user_id,
    subcommand: name,
  });
  let answer: LitReply;
  try {
    const subcommand = ALL.find((candidate) => candidate.name === name.toLowerCase());
    if (!subcommand) {
      throw new InvalidInputError(
        `"${name}" is not a /lit command; try search, paper, digest, topics, feeds, schedule or settings.`,
        '/lit help',
      );
    }
    answer = await subcommand.run({
      deps,
      client,
      logger,
      userId: command.user_id,
      channelId: command.channel_id,
      channelName: command.channel_name,
      args: rest.join(' '),
      share,
    });
    const notice = pauseNotice(await deps.store.channels.get(command.channel_id));
    if (notice) answer = { ...answer, text: `${notice}\n${answer.text}`, blocks: answer.blocks };
  } catch (error) {
    if (!isTbdError(error)) logger.error({ err: error }, '/lit failed');
    answer = privateReply(errorLine(error));
  }
  await respond(answer).catch((error: unknown) => logger.error({ err: error }, 'could not answer /lit'));
}

/** One line: what was wrong and, for bad input, a correct example. Echoed input is escaped. */
function errorLine(error: unknown): string {
  const message = userMessageOf(error);
  if (!(error instanceof InvalidInputError) || !error.example) return `:x: ${escapeMrkdwn(message)}`;
  // InvalidInputError folds the example into its message; show it once, as code.
  const suffix = ` Example: ${error.example}`;
  const explanation = message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
  return `:x: ${escapeMrkdwn(explanation)} Example: \`${escapeMrkdwn(error.example)}\``;
}
