import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type App, HTTPModuleFunctions, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../log.js';
import { createTurnPacer } from './work-queue.js';

export interface SlashCommandAckOptions {
  signingSecret: string;
  logger: Logger;
  /** The receiver's endpoint for Slack requests. */
  path: string;
}

/**
 * Slack shows the user an error when a slash command is not acknowledged within 3 seconds.
 * Bolt acknowledges only once the listener calls `ack()`, after authorize and every
 * middleware: about a millisecond per request on the one event loop, so a burst of commands
 * (a whole tumor board opening `/lit` at once) queues each ack behind the others' Bolt work.
 *
 * This front door checks the request exactly as Bolt does (its own signature check, 5-minute
 * replay window), answers 200 at once, and hands the command to Bolt on a later turn of the
 * event loop, one command per turn, so a new request's ack never waits for more than one.
 * Every `/lit` subcommand acknowledges with an empty body and answers through
 * `response_url`, so nothing is lost by acknowledging first. Every other request (events,
 * interactivity, custom routes) goes to Bolt unchanged: a view submission's ack can carry
 * validation errors, which only its listener can write.
 */
export function acknowledgeSlashCommandsFirst(
  receiver: HTTPReceiver,
  app: App,
  options: SlashCommandAckOptions,
): void {
  const bolt = receiver.requestListener;
  const pace = createTurnPacer();
  const frontDoor: RequestListener = (req, res) => {
    if (!isFormPostTo(req, options.path)) {
      bolt(req, res);
      return;
    }
    void readCommand(req, res, options).then((command) => {
      if (command === 'not a command') {
        bolt(req, res);
        return;
      }
      if (!command) return;
      HTTPModuleFunctions.buildNoBodyResponse(res, 200);
      pace(() => dispatch(app, req, command, options.logger));
    });
  };
  receiver.requestListener = frontDoor;
}

type SlashCommandBody = Record<string, string | string[] | undefined> & { command: string };

/**
 * The verified slash command in the request; 'not a command' for any other signed form post
 * (Bolt handles those); undefined when the request was refused here (status already written).
 */
async function readCommand(
  req: IncomingMessage,
  res: ServerResponse,
  options: SlashCommandAckOptions,
): Promise<SlashCommandBody | 'not a command' | undefined> {
  let verified: Awaited<ReturnType<typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest>>;
  try {
    verified = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
      {
        enabled: true,
        signingSecret: options.signingSecret,
        bodyLimit: HTTPModuleFunctions.defaultBodyLimit,
      },
      req,
    );
  } catch (error) {
    const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
    options.logger.warn(
      { err: error },
      tooLarge ? 'refused an oversized Slack request' : 'refused a Slack request that failed verification',
    );
    HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 401);
    return undefined;
  }
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(verified);
  } catch (error) {
    options.logger.warn({ err: error }, 'refused a malformed Slack request body');
    HTTPModuleFunctions.buildNoBodyResponse(res, 400);
    return undefined;
  }
  return isSlashCommand(body) ? body : 'not a command';
}

function isSlashCommand(body: unknown): body is SlashCommandBody {
  const fields = body as Record<string, unknown>;
  return typeof fields.command === 'string' && fields.ssl_check === undefined;
}

function isFormPostTo(req: IncomingMessage, path: string): boolean {
  if (req.method !== 'POST') return false;
  // Exactly the content type Bolt parses as a form; anything else is Bolt's to answer.
  if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return false;
  return new URL(req.url ?? '/', 'http://localhost').pathname === path;
}

async function dispatch(app: App, req: IncomingMessage, body: SlashCommandBody, logger: Logger) {
  try {
    await app.processEvent({
      body,
      // The HTTP response has gone; the listener's ack only marks the command as handled.
      ack: async () => undefined,
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
    });
  } catch (error) {
    logger.error(
      { err: error, channel: body.channel_id },
      'a slash command failed after its acknowledgement',
    );
  }
}
