/**
 * The OpenAI SDK waits out whatever Retry-After a server sends, however long. A digest build
 * should not sit for an hour because a server said so: past `maxWaitMs` this marks the
 * response `x-should-retry: false`, so the SDK gives up at once and the item falls back.
 */
export function fetchWithRetryAfterLimit(inner: typeof fetch, maxWaitMs: number): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const wait = retryAfterMs(response.headers);
    if (wait === undefined || wait <= maxWaitMs) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** The wait a response asks for, read the way the SDK reads it (retry-after-ms, then seconds or a date). */
function retryAfterMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(ms)) return ms;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - Date.now();
}
