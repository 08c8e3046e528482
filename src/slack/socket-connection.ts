import type { SocketModeReceiver } from '@slack/bolt';

/**
 * Follows the Socket Mode client's connection: true from Slack's `hello` until the socket
 * drops or reconnects. `/healthz` reads it, so a replica that cannot hear Slack says so.
 */
export function followSocketConnection(receiver: SocketModeReceiver): () => boolean {
  let connected = false;
  const client = receiver.client;
  client.on('connected', () => {
    connected = true;
  });
  for (const state of ['disconnecting', 'disconnected', 'reconnecting']) {
    client.on(state, () => {
      connected = false;
    });
  }
  return () => connected && (client.websocket?.isActive() ?? false);
}
