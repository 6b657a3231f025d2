// createApp on a real loopback port with WebSocket support, as main.ts serves it, for tests that
// need real streaming, disconnects or sockets.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, defaultLimits, type AppDeps } from '../../assistant/server/create-app';
import { createWebSocketServer } from '../../assistant/server/routes/ws';

export interface ListeningApp {
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port> */
  wsUrl: string;
  close(): Promise<void>;
}

export async function listenApp(deps: AppDeps): Promise<ListeningApp> {
  const app = createApp(deps);
  const webSockets = createWebSocketServer({ ...defaultLimits, ...deps.limits }.chatBodyBytes);
  const server = createAdaptorServer({
    fetch: app.fetch,
    websocket: { server: webSockets },
  }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of webSockets.clients) socket.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
