import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import { type App, HTTPModuleFunctions, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../log.js';
import { checkSlackSignature } from './request-signature.js';
import { createAckFirstQueue } from './work-queue.js';

export interface SlashCommandAckOptions {
  signingSecret: string;
  logger: Logger;
  /** The receiver's endpoint for Slack requests. */
  path: string;
  /** Seconds from a command's arrival to its acknowledgement (the metrics histogram). */
  onAck?: (seconds: number) => void;
}

/**
 * Slack shows the user an error when a slash command is not acknowledged within 3 seconds.
 * Bolt acknowledges only once the listener calls `ack()`, after authorize and every
 * middleware: about a millisecond per request on the one event loop, so a burst of commands
 * (a whole tumor board opening `/lit` at once) queues each ack behind the others' Bolt work.
 *
 * This front door checks Slack's signature and 5-minute replay window (as Bolt does, and also
 * refusing timestamps from the future), answers 200 at once, and hands the command to Bolt
 * once the requests arriving with it are acknowledged too, one command per turn of the loop.
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
  const queue = createAckFirstQueue();
  const frontDoor: RequestListener = (req, res) => {
    if (!isFormPostTo(req, options.path)) {
      bolt(req, res);
      return;
    }
    queue.arrived();
    const arrivedAt = performance.now();
    readCommand(req, res, options).then(
      (command) => {
        if (command === 'not a command') {
          bolt(req, res);
          return;
        }
        if (!command) return;
        HTTPModuleFunctions.buildNoBodyResponse(res, 200);
        options.onAck?.((performance.now() - arrivedAt) / 1000);
        queue.add(() => dispatch(app, req, command, options.logger));
      },
      (error: unknown) => {
        // The connection broke while the body was read: there is nobody to answer.
        options.logger.warn({ err: error }, 'a Slack request was cut off before its body arrived');
        req.destroy();
      },
    );
  };
  receiver.requestListener = frontDoor;
}

type SlashCommandBody = Record<string, string | string[] | undefined> & { command: string };

/** Bolt's own limit for a request body. */
const BODY_LIMIT = HTTPModuleFunctions.defaultBodyLimit;

/**
 * The verified slash command in the request; 'not a command' for any other form post (an
 * interactive payload, Slack's ssl_check), left for Bolt with the body already read; undefined
 * when the request was refused here (status already written).
 */
async function readCommand(
  req: IncomingMessage,
  res: ServerResponse,
  options: SlashCommandAckOptions,
): Promise<SlashCommandBody | 'not a command' | undefined> {
  const body = await readBody(req);
  if (body === 'too large') {
    options.logger.warn({ limit: BODY_LIMIT }, 'refused an oversized Slack request');
    res.writeHead(413, { connection: 'close' });
    res.end();
    return undefined;
  }
  const fields = parseQueryString(body.toString('utf8'));
  if (!isSlashCommand(fields)) {
    // Bolt reads `rawBody` instead of the stream already consumed here, and checks it itself.
    Object.assign(req, { rawBody: body });
    return 'not a command';
  }
  const signature = checkSlackSignature({
    signingSecret: options.signingSecret,
    body,
    timestamp: req.headers['x-slack-request-timestamp'],
    signature: req.headers['x-slack-signature'],
    nowMs: Date.now(),
  });
  if (!signature.ok) {
    options.logger.warn({ reason: signature.reason }, 'refused a Slack request that failed verification');
    HTTPModuleFunctions.buildNoBodyResponse(res, 401);
    return undefined;
  }
  return fields;
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too large'> {
  if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT) return Promise.resolve('too large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length <= BODY_LIMIT) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.resume();
      resolve('too large');
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, length)));
    req.once('error', reject);
  });
}

function isSlashCommand(fields: Record<string, unknown>): fields is SlashCommandBody {
  return typeof fields.command === 'string' && fields.payload === undefined && fields.ssl_check === undefined;
}

function isFormPostTo(req: IncomingMessage, path: string): boolean {
  if (req.method !== 'POST') return false;
  // Exactly the content type Bolt parses as a form; anything else is Bolt's to answer.
  if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return false;
  return (req.url ?? '/').split('?')[0] === path;
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
