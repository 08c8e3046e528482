import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { SocketModeReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { healthRoute } from '../../src/slack/health.js';
import { followSocketConnection } from '../../src/slack/socket-connection.js';
import { openStore } from '../../src/store/index.js';

/** The Socket Mode client's connection states, as @slack/socket-mode emits them. */
function socketClient() {
  const client = Object.assign(new EventEmitter(), { websocket: { isActive: () => true } });
  return { client, receiver: { client } as unknown as SocketModeReceiver };
}

async function health(route: ReturnType<typeof healthRoute>) {
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve) => {
    let status = 0;
    const res = {
      writeHead: (code: number) => {
        status = code;
      },
      end: (text: string) => resolve({ status, body: JSON.parse(text) }),
    } as unknown as ServerResponse;
    route.handler(undefined, res);
  });
}

describe('/healthz in Socket Mode', () => {
  it('says 503 until Slack says hello, 200 while connected, and 503 again once the socket drops', async () => {
    const store = await openStore({ memory: true });
    const { client, receiver } = socketClient();
    const route = healthRoute(store, followSocketConnection(receiver));

    expect(await health(route)).toMatchObject({
      status: 503,
      body: { slack: { mode: 'socket', connected: false } },
    });
    client.emit('connected');
    expect(await health(route)).toMatchObject({
      status: 200,
      body: { ok: true, slack: { connected: true } },
    });
    client.emit('reconnecting');
    expect(await health(route)).toMatchObject({ status: 503, body: { ok: false } });
    client.emit('connected');
    client.emit('disconnected');
    expect((await health(route)).status).toBe(503);
    await store.close();
  });

  it('says 503 when the store does not answer, whatever the socket', async () => {
    const store = await openStore({ memory: true });
    store.ping = async () => false;
    const { client, receiver } = socketClient();
    client.emit('connected');
    expect(await health(healthRoute(store, followSocketConnection(receiver)))).toMatchObject({
      status: 503,
      body: { store: { reachable: false } },
    });
    await store.close();
  });
});
