import type { ServerResponse } from 'node:http';
import { type LoopbackRequest, sendJson, startLoopbackServer } from './loopback.js';

/**
 * A loopback Slack Web API for tests and benchmarks: records every call, keeps posted
 * messages (with their metadata) per channel, and fails calls on demand the way Slack does.
 */

export type SlackFault =
  /** HTTP 429 with a `Retry-After` header, as Slack answers over the rate limit. */
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'server-error'; status?: number }
  /**
   * Never answers (the client's timeout must fire). With `afterAccepting`, the call takes
   * effect first, like a post that reached Slack whose response was lost.
   */
  | { kind: 'hang'; afterAccepting?: boolean }
  /** HTTP 200 with `ok: false`, e.g. `channel_not_found`, `not_in_channel`. */
  | { kind: 'error'; error: string };

export interface FakeSlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  /** `performance.now()` when the request arrived. */
  at: number;
  fault?: SlackFault['kind'];
}

export interface FakeSlackMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  thread_ts?: string;
  user: string;
  bot_id: string;
}

interface PendingFault {
  method: string;
  fault: SlackFault;
  remaining: number;
  channel?: string;
}

export interface FakeSlack {
  /** Base URL for `SLACK_API_URL` / WebClient `slackApiUrl` (ends with `/api/`). */
  url: string;
  /** A `response_url` for slash commands; replies posted there land in `responses`. */
  responseUrl(id: string): string;
  calls: FakeSlackCall[];
  responses: { id: string; body: Record<string, unknown>; at: number }[];
  /** Messages posted to a channel (thread replies included), oldest first. */
  messages(channel?: string): FakeSlackMessage[];
  /** Fails the next `times` calls of `method` (optionally only for one channel). */
  inject(method: string, fault: SlackFault, options?: { times?: number; channel?: string }): void;
  setMembers(channel: string, userIds: string[]): void;
  /** Called with every Web API call as it arrives, before it is answered (fault harnesses). */
  onCall?: (call: FakeSlackCall) => void;
  callsTo(method: string): FakeSlackCall[];
  close(): Promise<void>;
}

export const FAKE_BOT_USER_ID = 'U0FAKEBOT';
export const FAKE_BOT_ID = 'B0FAKEBOT';
export const FAKE_TEAM_ID = 'T0FAKETEAM';

const JSON_ARGS = new Set(['blocks', 'metadata', 'attachments', 'view']);

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: FakeSlackCall[] = [];
  const posted: FakeSlackMessage[] = [];
  const faults: PendingFault[] = [];
  const members = new Map<string, string[]>();
  let tsCounter = 0;

  const nextTs = () => {
    tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(tsCounter).padStart(6, '0')}`;
  };

  const takeFault = (method: string, channel: string | undefined): SlackFault | undefined => {
    const index = faults.findIndex((f) => f.method === method && (!f.channel || f.channel === channel));
    const pending = faults[index];
    if (!pending) return undefined;
    pending.remaining -= 1;
    if (pending.remaining <= 0) faults.splice(index, 1);
    return pending.fault;
  };

  const methods: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
    'auth.test': () => ({
      user_id: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      team_id: FAKE_TEAM_ID,
      url: 'https://fake.slack.test/',
    }),
    'chat.postMessage': (args) => {
      const message: FakeSlackMessage = {
        channel: String(args.channel),
        ts: nextTs(),
        text: args.text as string | undefined,
        blocks: args.blocks as unknown[] | undefined,
        metadata: args.metadata as FakeSlackMessage['metadata'],
        thread_ts: args.thread_ts as string | undefined,
        user: FAKE_BOT_USER_ID,
        bot_id: FAKE_BOT_ID,
      };
      posted.push(message);
      return { channel: message.channel, ts: message.ts, message };
    },
    'chat.postEphemeral': () => ({ message_ts: nextTs() }),
    'chat.update': (args) => {
      const message = posted.find((m) => m.channel === args.channel && m.ts === args.ts);
      if (!message) return { ok: false, error: 'message_not_found' };
      Object.assign(message, {
        text: args.text ?? message.text,
        blocks: args.blocks ?? message.blocks,
        metadata: args.metadata ?? message.metadata,
      });
      return { channel: message.channel, ts: message.ts };
    },
    'chat.getPermalink': (args) => ({
      permalink: `https://fake.slack.test/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}`,
    }),
    'conversations.history': (args) => {
      const oldest = Number(args.oldest ?? 0);
      const withMetadata = String(args.include_all_metadata) === 'true';
      const limit = Number(args.limit ?? 100);
      const inChannel = posted
        .filter((m) => m.channel === args.channel && !m.thread_ts && Number(m.ts) >= oldest)
        .reverse()
        .slice(0, limit)
        .map((m) =>
          withMetadata ? { type: 'message', ...m } : { type: 'message', ...m, metadata: undefined },
        );
      return { messages: inChannel, has_more: false };
    },
    'conversations.replies': (args) => ({
      messages: posted.filter(
        (m) => m.channel === args.channel && (m.ts === args.ts || m.thread_ts === args.ts),
      ),
      has_more: false,
    }),
    'conversations.members': (args) => ({
      members: members.get(String(args.channel)) ?? [FAKE_BOT_USER_ID],
      response_metadata: { next_cursor: '' },
    }),
    'conversations.info': (args) => ({
      channel: { id: args.channel, name: String(args.channel).toLowerCase(), is_member: true },
    }),
    'reactions.add': () => ({}),
    'views.publish': (args) => ({ view: { id: 'V0FAKE', ...(args.view as object) } }),
    'views.open': (args) => ({ view: { id: 'V0FAKE', ...(args.view as object) } }),
    'views.update': (args) => ({ view: { id: 'V0FAKE', ...(args.view as object) } }),
  };

  const answer = (method: string, args: Record<string, unknown>, res: ServerResponse) => {
    const handler = methods[method];
    if (!handler) return sendJson(res, 200, { ok: false, error: 'unknown_method' });
    const result = handler(args);
    sendJson(res, 200, { ok: true, ...result });
  };

  const responses: FakeSlack['responses'] = [];
  const handle = (request: LoopbackRequest, res: ServerResponse) => {
    if (request.path.startsWith('/response/')) {
      responses.push({
        id: request.path.slice('/response/'.length),
        body: parseArgs(request.body),
        at: performance.now(),
      });
      return sendJson(res, 200, { ok: true });
    }
    const method = request.path.replace(/^\/api\//, '');
    const args = parseArgs({ ...Object.fromEntries(request.query), ...request.body });
    const token =
      (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || (args.token as string | undefined);
    const fault = takeFault(method, args.channel as string | undefined);
    const call: FakeSlackCall = { method, args, token, at: performance.now(), fault: fault?.kind };
    calls.push(call);
    fake.onCall?.(call);
    if (!token) return sendJson(res, 200, { ok: false, error: 'not_authed' });
    if (!fault) return answer(method, args, res);
    if (fault.kind === 'hang') {
      if (fault.afterAccepting) methods[method]?.(args);
      return;
    }
    if (fault.kind === 'rate-limited') {
      return sendJson(
        res,
        429,
        { ok: false, error: 'ratelimited' },
        { 'retry-after': String(fault.retryAfterSeconds) },
      );
    }
    if (fault.kind === 'server-error')
      return sendJson(res, fault.status ?? 503, { ok: false, error: 'internal_error' });
    return sendJson(res, 200, { ok: false, error: fault.error });
  };

  const server = await startLoopbackServer(handle);
  const fake: FakeSlack = {
    url: `${server.url}/api/`,
    responseUrl: (id) => `${server.url}/response/${encodeURIComponent(id)}`,
    calls,
    responses,
    messages: (channel) => posted.filter((m) => channel === undefined || m.channel === channel),
    inject: (method, fault, options = {}) => {
      faults.push({ method, fault, remaining: options.times ?? 1, channel: options.channel });
    },
    setMembers: (channel, userIds) => {
      members.set(channel, userIds);
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    close: server.close,
  };
  return fake;
}

function parseArgs(raw: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, JSON_ARGS.has(key) ? safeJson(value) : value]),
  );
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
