import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call the app made, with form fields decoded (blocks, metadata, view parsed). */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
}

interface StoredMessage {
  ts: string;
  text?: string;
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

const JSON_FIELDS = new Set(['blocks', 'metadata', 'view', 'attachments']);

/**
 * A loopback stand-in for slack.com/api and response_url endpoints. Messages posted through
 * chat.postMessage are kept per channel so conversations.history returns them with their
 * metadata, as Slack does. Calls can be held at a gate to show what happens before Slack answers.
 */
export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  readonly messages = new Map<string, StoredMessage[]>();
  readonly members = new Map<string, string[]>();
  /** method → channel (or '*') → Slack error string. */
  readonly failures = new Map<string, Map<string, string>>();
  /** Finer failures: return a Slack error string to fail this call. */
  failWhen: (method: string, params: Record<string, unknown>) => string | undefined = () => undefined;
  private server?: Server;
  private tsCounter = 0;
  private gate?: Promise<void>;
  private openGate?: () => void;
  private waiters: (() => void)[] = [];
  baseUrl = '';
  /** Requests received so far, including ones still held at the gate. */
  arrived = 0;

  /** `now` stamps message ts values, so tests with a fixed clock get matching ts values. */
  constructor(private readonly now: () => number = Date.now) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.openGate?.();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/respond/${id}`;
  }

  /** Holds every request until `release()`. */
  hold(): void {
    this.gate = new Promise((resolve) => {
      this.openGate = resolve;
    });
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  fail(method: string, channel: string, error: string): void {
    const byChannel = this.failures.get(method) ?? new Map<string, string>();
    byChannel.set(channel, error);
    this.failures.set(method, byChannel);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once `predicate` holds over what the fake received. */
  async until(predicate: () => boolean): Promise<void> {
    while (!predicate()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Adds a message as if another process had posted it. */
  addMessage(channel: string, message: Omit<StoredMessage, 'ts'>): string {
    const ts = this.nextTs();
    this.messages.set(channel, [{ ts, ...message }, ...(this.messages.get(channel) ?? [])]);
    return ts;
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(this.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    this.arrived += 1;
    for (const wake of this.waiters.splice(0)) wake();
    if (this.gate) await this.gate;
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (url.pathname.startsWith('/respond/')) {
      this.responses.push({ path: url.pathname, body: JSON.parse(raw || '{}') });
      this.reply(res, { ok: true });
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const params = decodeParams(raw, req.headers['content-type'] ?? '');
    this.calls.push({ method, params });
    const channel = String(params.channel ?? '');
    const failure =
      this.failures.get(method)?.get(channel) ??
      this.failures.get(method)?.get('*') ??
      this.failWhen(method, params);
    if (failure) return this.reply(res, { ok: false, error: failure });
    this.reply(res, this.answer(method, params));
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const channel = String(params.channel ?? '');
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T111', user: 'tbdigest' };
      case 'chat.postMessage': {
        const ts = this.addMessage(channel, {
          text: params.text as string,
          thread_ts: params.thread_ts as string | undefined,
          metadata: params.metadata as StoredMessage['metadata'],
        });
        return { ok: true, channel, ts, message: { ts, text: params.text } };
      }
      case 'conversations.history': {
        const oldest = Number(params.oldest ?? 0);
        const messages = (this.messages.get(channel) ?? [])
          .filter((message) => !message.thread_ts && Number(message.ts) >= oldest)
          .map((message) => (params.include_all_metadata ? message : { ...message, metadata: undefined }));
        return { ok: true, messages, has_more: false };
      }
      case 'conversations.members':
        return { ok: true, members: this.members.get(channel) ?? [], response_metadata: { next_cursor: '' } };
      case 'chat.getPermalink':
        return {
          ok: true,
          permalink: `https://example.slack.com/archives/${channel}/p${String(params.message_ts).replace('.', '')}`,
        };
      default:
        return { ok: true };
    }
  }

  private reply(res: ServerResponse, body: Record<string, unknown>): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
    for (const wake of this.waiters.splice(0)) wake();
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function decodeParams(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}');
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return params;
}
