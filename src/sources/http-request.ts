import http from 'node:http';
import https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { filteringAgent, urlProblem } from './address-guard.js';

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface RequestSpec {
  url: string;
  headers: Record<string, string>;
  maxBytes: number;
  allowPrivateUrls: boolean;
  /** Aborts the connection and any body still streaming (timeout or caller cancel). */
  signal: AbortSignal;
}

export interface RawResponse {
  status: number;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A failure of one attempt, classified so the caller can word it and decide on a retry. */
export class RequestFailure extends Error {
  constructor(
    readonly reason:
      | 'protocol'
      | 'private-address'
      | 'invalid'
      | 'too-large'
      | 'redirects'
      | 'network'
      | 'aborted',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One GET following redirects by hand, so every hop's URL is re-checked before it is fetched. */
export async function requestOnce(spec: RequestSpec): Promise<RawResponse> {
  let url = spec.url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const problem = urlProblem(url, spec.allowPrivateUrls);
    if (problem) throw new RequestFailure(problem, `refused ${hop > 0 ? 'redirect to ' : ''}${url}`);
    const response = await send(url, spec);
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(response.status) || !location) return response;
    url = new URL(location, url).toString();
  }
  throw new RequestFailure('redirects', `more than ${MAX_REDIRECTS} redirects`);
}

function send(url: string, spec: RequestSpec): Promise<RawResponse> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    if (spec.signal.aborted) {
      reject(abortFailure(spec.signal));
      return;
    }
    const request = client.get(target, {
      agent: filteringAgent(target, spec.allowPrivateUrls),
      headers: { 'accept-encoding': 'gzip, deflate', ...spec.headers },
    });
    let response: http.IncomingMessage | undefined;
    const onAbort = () => {
      response?.destroy();
      request.destroy(abortFailure(spec.signal));
    };
    spec.signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => spec.signal.removeEventListener('abort', onAbort);

    request.on('error', (error) => {
      settle();
      reject(
        error instanceof RequestFailure
          ? error
          : new RequestFailure('network', error.message, { cause: error }),
      );
    });
    request.on('response', (incoming) => {
      response = incoming;
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status) || status === 304) {
        incoming.resume();
        settle();
        resolve({ status, url, headers: incoming.headers, body: Buffer.alloc(0) });
        return;
      }
      readBody(incoming, spec)
        .then((body) => resolve({ status, url, headers: incoming.headers, body }))
        .catch((error: unknown) => {
          request.destroy();
          reject(error);
        })
        .finally(settle);
    });
  });
}

/** Reads the (decompressed) body, stopping the transfer as soon as it passes the size cap. */
async function readBody(response: http.IncomingMessage, spec: RequestSpec): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > spec.maxBytes) {
    response.destroy();
    throw tooLarge(spec.maxBytes);
  }
  const stream = decoded(response);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > spec.maxBytes) throw tooLarge(spec.maxBytes);
      chunks.push(buffer);
    }
  } catch (error) {
    response.destroy();
    if (error instanceof RequestFailure) throw error;
    if (spec.signal.aborted) throw abortFailure(spec.signal);
    throw new RequestFailure('network', (error as Error).message, { cause: error });
  }
  if (spec.signal.aborted) throw abortFailure(spec.signal);
  return Buffer.concat(chunks);
}

function decoded(response: http.IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
  // pipeline (not pipe) so a destroyed response also ends the decompressor instead of leaving it pending.
  if (encoding === 'gzip' || encoding === 'x-gzip') return pipeline(response, zlib.createGunzip(), ignore);
  if (encoding === 'deflate') return pipeline(response, zlib.createInflate(), ignore);
  return response;
}

function ignore(): void {
  // Errors surface through the async iterator that reads the stream.
}

function tooLarge(maxBytes: number): RequestFailure {
  return new RequestFailure('too-large', `response exceeds ${maxBytes} bytes`);
}

function abortFailure(signal: AbortSignal): RequestFailure {
  return new RequestFailure('aborted', 'request aborted', { cause: signal.reason });
}
