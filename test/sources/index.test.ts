import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { InvalidInputError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { createSource, probeFeedUrl } from '../../src/sources/index.js';
import { type LoopbackServer, startLoopbackServer } from './loopback-server.js';

const RDF = readFileSync(
  new URL('../fixtures/sources/feeds/miniflux_biorxiv_bioengineering_rss1_whitespace.rdf', import.meta.url),
);
const HTML = readFileSync(new URL('../fixtures/sources/feeds/nodefeedparser_notafeed.html', import.meta.url));

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function rejection(promise: Promise<unknown>): Promise<InvalidInputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

describe('createSource', () => {
  it('builds the adapter for each kind of subscription', () => {
    const deps = { config: loadConfig({}), logger: silentLogger };
    for (const kind of ['rss', 'pubmed', 'europepmc', 'biorxiv', 'medrxiv'] as const) {
      const source = createSource(
        { id: `${kind}:x`, kind, target: 'x', addedAt: '2026-11-01T00:00:00Z' },
        deps,
      );
      expect({ id: source.id, kind: source.kind }).toEqual({ id: `${kind}:x`, kind });
    }
  });
});

describe('probeFeedUrl', () => {
  it('says what the feed is when the URL is a readable feed', async () => {
    server = await startLoopbackServer((_request, response) => response.end(RDF));
    const probe = await probeFeedUrl(`${server.url}/bioengineering.xml`, {
      config: loadConfig({ ALLOW_PRIVATE_FEED_URLS: 'true' }),
    });
    expect(probe).toMatchObject({
      format: 'rdf',
      title: 'bioRxiv Subject Collection: Bioengineering',
      itemCount: 1,
    });
  });

  it('explains a URL that is not http(s)', async () => {
    const error = await rejection(probeFeedUrl('ftp://example.org/feed.xml', { config: loadConfig({}) }));
    expect(error.message).toMatch(/^A feed must be an http:\/\/ or https:\/\/ URL\. Example: https:/);
  });

  it('explains a private or loopback address', async () => {
    const error = await rejection(probeFeedUrl('http://127.0.0.1:8080/feed', { config: loadConfig({}) }));
    expect(error.message).toMatch(/^That URL points to a private or local network address/);
  });

  it('explains a web page that is not a feed', async () => {
    server = await startLoopbackServer((_request, response) => response.end(HTML));
    const error = await rejection(
      probeFeedUrl(`${server.url}/`, { config: loadConfig({ ALLOW_PRIVATE_FEED_URLS: 'true' }) }),
    );
    expect(error.message).toMatch(/^That URL is a web page, not a feed \(RSS, Atom or RDF\)\./);
  });

  it('explains a feed that timed out', async () => {
    server = await startLoopbackServer(() => {});
    const config = loadConfig({ ALLOW_PRIVATE_FEED_URLS: 'true', FEED_TIMEOUT_MS: '300' });
    const error = await rejection(probeFeedUrl(`${server.url}/slow`, { config }));
    expect(error.message).toMatch(/^That URL did not respond within 300 ms\./);
  });
});
