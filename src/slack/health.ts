import type { ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { Store } from '../store/index.js';

/** Whether the app can hear Slack right now; undefined in HTTP mode, where Slack calls the app. */
export type SlackConnection = () => boolean | undefined;

/**
 * `GET /healthz`: 200 when the store answers and, in Socket Mode, the websocket to Slack is
 * connected; 503 otherwise (an orchestrator then restarts or stops routing to the replica).
 */
export function healthRoute(store: Store, slackConnected: SlackConnection = () => undefined) {
  return {
    path: '/healthz',
    method: 'GET',
    handler: (_req: unknown, res: ServerResponse) => {
      void report(store, slackConnected()).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    },
  };
}

async function report(store: Store, slackConnected: boolean | undefined) {
  const reachable = await store.ping();
  const lastIngestAt = reachable ? await store.feeds.lastIngestAt().catch(() => undefined) : undefined;
  const ok = reachable && slackConnected !== false;
  return {
    status: ok ? 200 : 503,
    body: {
      ok,
      store: { kind: store.kind, reachable },
      slack: slackConnected === undefined ? { mode: 'http' } : { mode: 'socket', connected: slackConnected },
      lastIngestAt: lastIngestAt ?? null,
    },
  };
}

/** `GET /metrics`: Prometheus text format from prom-client's registry. */
export function metricsRoute(registry: Registry) {
  return {
    path: '/metrics',
    method: 'GET',
    handler: (_req: unknown, res: ServerResponse) => {
      void registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': registry.contentType });
          res.end(text);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    },
  };
}
