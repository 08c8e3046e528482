import { readFileSync } from 'node:fs';
import type http from 'node:http';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/errors.js';
import { type FetchBodyOptions, fetchBody } from '../../src/sources/http.js';
import { type LoopbackServer, startLoopbackServer } from './loopback-server.js';

const RSS = readFileSync(new URL('../fixtures/sources/feeds/nodefeedparser_rss2sample.xml', import.meta.url));

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function options(overrides: Partial<FetchBodyOptions> = {}): FetchBodyOptions {
  return {
    feedId: 'rss:test',
    timeoutMs: 2_000,
    maxBytes: 20 * 1024 * 1024,
    allowPrivateUrls: true,
    sleep: async () => {},
    ...overrides,
  };
}

async function serve(handler: http.RequestListener): Promise<string> {
  server = await startLoopbackServer(handler);
  return server.url;
}

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

describe('fetchBody', () => {
  it('returns the body with the validators a later conditional GET needs', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: '"v1"',
        'last-modified': 'Tue, 10 Jun 2003 04:00:00 GMT',
      });
      response.end(RSS);
    });
    const result = await fetchBody(`${url}/feed`, options());
    expect(result.body.equals(RSS)).toBe(true);
    expect(result).toMatchObject({
      unchanged: false,
      etag: '"v1"',
      lastModified: 'Tue, 10 Jun 2003 04:00:00 GMT',
    });
  });

  it('decompresses a gzip response', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' });
      response.end(zlib.gzipSync(RSS));
    });
    const result = await fetchBody(`${url}/feed`, options());
    expect(result.body.toString('utf8')).toBe(RSS.toString('utf8'));
  });

  it('sends ETag and Last-Modified back and reports 304 as unchanged', async () => {
    const url = await serve((request, response) => {
      const fresh =
        request.headers['if-none-match'] === '"v1"' && request.headers['if-modified-since'] === 'then';
      response.writeHead(fresh ? 304 : 200);
      response.end(fresh ? undefined : RSS);
    });
    const result = await fetchBody(`${url}/feed`, options({ etag: '"v1"', lastModified: 'then' }));
    expect(result.unchanged).toBe(true);
    expect(result.body.length).toBe(0);
  });

  it('retries an HTTP 500 with exponential backoff and returns the later success', async () => {
    let calls = 0;
    const url = await serve((_request, response) => {
      calls++;
      response.writeHead(calls < 3 ? 500 : 200);
      response.end(calls < 3 ? 'oops' : RSS);
    });
    const waits: number[] = [];
    const result = await fetchBody(`${url}/feed`, options({ sleep: async (ms) => void waits.push(ms) }));
    expect(result.body.equals(RSS)).toBe(true);
    expect(waits).toEqual([1000, 2000]);
  });

  it('honors Retry-After on a 429', async () => {
    let calls = 0;
    const url = await serve((_request, response) => {
      calls++;
      response.writeHead(calls === 1 ? 429 : 200, calls === 1 ? { 'retry-after': '7' } : {});
      response.end(calls === 1 ? '' : RSS);
    });
    const waits: number[] = [];
    await fetchBody(`${url}/feed`, options({ sleep: async (ms) => void waits.push(ms) }));
    expect(waits).toEqual([7000]);
  });

  it('gives up after the last attempt with an error naming the feed', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(503);
      response.end();
    });
    const error = await failure(fetchBody(`${url}/feed`, options({ maxAttempts: 2 })));
    expect(error.userMessage).toBe('Feed rss:test answered HTTP 503.');
    expect(error.retryable).toBe(true);
    expect(server?.requests).toHaveLength(2);
  });

  it('does not retry a 404', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(404);
      response.end();
    });
    const error = await failure(fetchBody(`${url}/feed`, options()));
    expect(error.retryable).toBe(false);
    expect(server?.requests).toHaveLength(1);
  });

  it('stops reading a 50 MB response at the size cap', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const url = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/xml' });
      let sent = 0;
      const pump = () => {
        while (sent < 50 && response.write(chunk)) sent++;
        if (sent >= 50) response.end();
        else response.once('drain', pump);
      };
      pump();
    });
    const error = await failure(fetchBody(`${url}/huge`, options({ maxBytes: 5 * 1024 * 1024 })));
    expect(error.userMessage).toBe('Feed rss:test sent more than 5 MB; the response was refused.');
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': String(60 * 1024 * 1024) });
      response.write('x');
    });
    const error = await failure(fetchBody(`${url}/huge`, options({ maxBytes: 1024 * 1024 })));
    expect(error.userMessage).toMatch(/sent more than 1 MB/);
  });

  it('times out a feed that sends headers and then hangs', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200);
      response.write('<rss>');
    });
    const error = await failure(fetchBody(`${url}/hang`, options({ timeoutMs: 300 })));
    expect(error.userMessage).toBe('Feed rss:test did not respond within 300 ms.');
    expect(error.retryable).toBe(true);
  });

  it('times out a feed that never answers', async () => {
    const url = await serve(() => {});
    const error = await failure(fetchBody(`${url}/silent`, options({ timeoutMs: 1_000 })));
    expect(error.userMessage).toBe('Feed rss:test did not respond within 1 s.');
  });

  it('refuses a redirect to a link-local metadata address', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      response.end();
    });
    const error = await failure(fetchBody(`${url}/feed`, options()));
    expect(error.userMessage).toBe(
      'Feed rss:test points to a private or local network address, which is not allowed.',
    );
    expect(error.retryable).toBe(false);
  });

  it('refuses a host name that resolves to loopback when private URLs are not allowed', async () => {
    const url = await serve((_request, response) => response.end(RSS));
    const port = new URL(url).port;
    const error = await failure(
      fetchBody(`http://localhost:${port}/feed`, options({ allowPrivateUrls: false })),
    );
    expect(error.userMessage).toMatch(/private or local network address/);
    expect(server?.requests).toHaveLength(0);
  });

  it('follows a redirect to an allowed address', async () => {
    const url = await serve((request, response) => {
      if (request.url === '/old') {
        response.writeHead(301, { location: '/new' });
        response.end();
        return;
      }
      response.end(RSS);
    });
    const result = await fetchBody(`${url}/old`, options());
    expect(result.url).toBe(`${url}/new`);
  });

  it('refuses URLs that are not http(s)', async () => {
    const error = await failure(fetchBody('file:///etc/passwd', options()));
    expect(error.userMessage).toBe('Feed rss:test: only http:// and https:// URLs can be fetched.');
  });
});
