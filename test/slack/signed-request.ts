import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const SIGNING_SECRET = '8f742231b10e8888abcd99eee0e85a5c';
const FIXTURES = new URL('../fixtures/slack/', import.meta.url);

/** A real Slack payload from test/fixtures/slack, as text. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8').trim();
}

/** A real Slack JSON payload from test/fixtures/slack with some fields replaced. */
export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

/** Slack's v0 request signature over `v0:<timestamp>:<body>`. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackRequestOptions {
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

/** POSTs a correctly signed (unless told otherwise) request to the app's Slack endpoint. */
export async function postToSlackEndpoint(
  url: string,
  body: string,
  options: SlackRequestOptions,
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}

/** The slash command fixture as `/lit <text>` from `user` in `channel`, answering to `responseUrl`. */
export function slashCommandBody(
  text: string,
  responseUrl: string,
  overrides: Record<string, string> = {},
): string {
  const params = new URLSearchParams(fixtureText('boltpy_slash_command_body.txt'));
  params.set('command', '/lit');
  params.set('text', text);
  params.set('response_url', responseUrl);
  params.set('channel_name', 'heme-malignancies');
  for (const [key, value] of Object.entries(overrides)) params.set(key, value);
  return params.toString();
}

/** The block_actions fixture pressing `actionId` with `value`, in its form-encoded HTTP shape. */
export function blockActionBody(
  actionId: string,
  value: string,
  responseUrl: string,
  overrides: Record<string, unknown> = {},
): string {
  const payload = fixtureJson<Record<string, unknown> & { actions: Record<string, unknown>[] }>(
    'boltpy_block_actions.json',
  );
  payload.actions = [{ ...payload.actions[0], action_id: actionId, value }];
  payload.response_url = responseUrl;
  Object.assign(payload, overrides);
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
