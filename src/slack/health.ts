import type { ServerResponse } from 'node:http';
import type { Store } from '../store/index.js';

/** `GET /healthz`: 200 when the store answers, 503 otherwise, with the last ingest time. */
export function healthRoute(store: Store) {
  return {
    path: '/healthz',
    method: 'GET',
    handler: (_req: unknown, res: ServerResponse) => {
      void report(store).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    },
  };
}

async function report(store: Store) {
  const reachable = await store.ping();
  const lastIngestAt = reachable ? await store.feeds.lastIngestAt().catch(() => undefined) : undefined;
  return {
    status: reachable ? 200 : 503,
    body: { ok: reachable, store: { kind: store.kind, reachable }, lastIngestAt: lastIngestAt ?? null },
  };
}
