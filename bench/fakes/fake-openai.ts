import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from './loopback.js';

/**
 * A loopback stand-in for an OpenAI-compatible server (chat completions + embeddings), for tests
 * and benchmarks. Replies are scripted per request; every request body is recorded so a test can
 * assert what was sent (and that nothing was sent on a cache hit).
 */

/** What the fake answers to one chat-completions request. */
export type FakeReply =
  /** A completion whose message content is `JSON.stringify(content)`. */
  | { kind: 'json'; content: unknown; usage?: FakeUsage }
  /** A completion whose message content is this raw text (e.g. broken JSON). */
  | { kind: 'text'; content: string; usage?: FakeUsage }
  /** An error status; `retryAfterSeconds` sets the Retry-After header. */
  | { kind: 'status'; status: number; retryAfterSeconds?: number; message?: string }
  /** Never answers; the connection is dropped when the fake closes. */
  | { kind: 'hang' }
  /** HTTP 200 whose body is not JSON at all. */
  | { kind: 'invalid-body' };

export interface FakeUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  receivedAt: number;
}

export type ChatResponder = (body: ChatBody, request: RecordedRequest) => FakeReply;

export interface ChatBody {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  max_completion_tokens?: number;
  max_tokens?: number;
}

export interface FakeOpenAiOptions {
  /** Answers chat requests not covered by `enqueue`; the default answers 400 (a test forgot to script). */
  respond?: ChatResponder;
  /** Length of the deterministic embedding vectors. */
  embeddingDimensions?: number;
}

export interface FakeOpenAi {
  /** Base URL to use as OPENAI_BASE_URL, e.g. "http://127.0.0.1:40123/v1". */
  readonly baseUrl: string;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Only the chat-completions requests. */
  chatRequests(): RecordedRequest[];
  /** Only the embeddings requests. */
  embeddingRequests(): RecordedRequest[];
  /** Scripts the next chat replies, used in order before `respond`. */
  enqueue(...replies: FakeReply[]): void;
  setResponder(respond: ChatResponder): void;
  close(): Promise<void>;
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  let respond = options.respond;
  const dimensions = options.embeddingDimensions ?? 8;
  let completionCount = 0;

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '').split('?')[0] ?? '',
      body: parseJsonOr(raw),
      receivedAt: Date.now(),
    };
    requests.push(request);
    if (request.method === 'POST' && request.path.endsWith('/chat/completions')) {
      const body = (typeof request.body === 'object' ? request.body : {}) as ChatBody;
      const reply = queue.shift() ?? respond?.(body, request) ?? unscripted();
      completionCount += 1;
      sendChatReply(res, reply, body, completionCount);
      return;
    }
    if (request.method === 'POST' && request.path.endsWith('/embeddings')) {
      sendEmbeddings(res, request.body, dimensions);
      return;
    }
    sendJson(res, 404, { error: { message: `fake-openai: no route ${request.method} ${request.path}` } });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path.endsWith('/chat/completions')),
    embeddingRequests: () => requests.filter((r) => r.path.endsWith('/embeddings')),
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    setResponder: (next) => {
      respond = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function unscripted(): FakeReply {
  return { kind: 'status', status: 400, message: 'fake-openai: no scripted reply for this request' };
}

function sendChatReply(res: ServerResponse, reply: FakeReply, body: ChatBody, n: number): void {
  switch (reply.kind) {
    case 'hang':
      return;
    case 'invalid-body':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "chatcmpl-broken", "choices": [');
      return;
    case 'status': {
      const headers: Record<string, string> = {};
      if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
      sendJson(
        res,
        reply.status,
        { error: { message: reply.message ?? `fake-openai: status ${reply.status}` } },
        headers,
      );
      return;
    }
    case 'json':
    case 'text': {
      const content = reply.kind === 'json' ? JSON.stringify(reply.content) : reply.content;
      const usage = reply.usage ?? estimateUsage(body, content);
      sendJson(res, 200, {
        id: `chatcmpl-fake-${n}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model ?? 'fake-model',
        choices: [
          { index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } },
        ],
        usage: {
          prompt_tokens: usage.promptTokens,
          completion_tokens: usage.completionTokens,
          total_tokens: usage.promptTokens + usage.completionTokens,
        },
      });
    }
  }
}

/** Roughly four characters per token, like English text with OpenAI tokenizers. */
function estimateUsage(body: ChatBody, content: string): FakeUsage {
  const promptChars = (body.messages ?? []).reduce((sum, m) => sum + String(m.content).length, 0);
  return { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(content.length / 4) };
}

function sendEmbeddings(res: ServerResponse, body: unknown, dimensions: number): void {
  const input = (body as { input?: unknown; model?: string } | undefined)?.input;
  const texts = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
  sendJson(res, 200, {
    object: 'list',
    model: (body as { model?: string }).model ?? 'fake-embedding',
    data: texts.map((text, index) => ({ object: 'embedding', index, embedding: vectorOf(text, dimensions) })),
    usage: { prompt_tokens: texts.join(' ').length, total_tokens: texts.join(' ').length },
  });
}

/** Deterministic unit vector from the text's hash: equal texts get equal vectors. */
function vectorOf(text: string, dimensions: number): number[] {
  const bytes = createHash('sha256').update(text).digest();
  const raw = Array.from({ length: dimensions }, (_, i) => (bytes[i % bytes.length] ?? 0) - 127.5);
  const norm = Math.hypot(...raw) || 1;
  return raw.map((v) => v / norm);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonOr(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
