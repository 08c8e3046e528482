import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  /** Base URL, e.g. "http://127.0.0.1:41234". */
  url: string;
  /** Requests received so far, in order (url, headers). */
  requests: http.IncomingMessage[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 standing in for a remote feed or API. */
export async function startLoopbackServer(handler: http.RequestListener): Promise<LoopbackServer> {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
