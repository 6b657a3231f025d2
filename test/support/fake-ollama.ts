// A real HTTP server on a random port that answers GET /api/tags the way Ollama does, for tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeOllamaBehaviour =
  | { kind: 'models'; names: readonly string[]; delayMs?: number }
  | { kind: 'error'; status: number; error: string }
  | { kind: 'raw'; status: number; body: string; contentType?: string }
  | { kind: 'hang' };

export interface FakeOllama {
  url: string;
  /** paths requested so far, in order */
  requests: string[];
  behave(behaviour: FakeOllamaBehaviour): void;
  close(): Promise<void>;
}

function tagsBody(names: readonly string[]): string {
  return JSON.stringify({
    models: names.map((name, index) => ({
      name,
      model: name,
      modified_at: '2025-05-01T10:00:00.000000-05:00',
      size: 1_000_000 + index,
      digest: `${index}`.padStart(64, 'a'),
      details: {
        parent_model: '',
        format: 'gguf',
        family: 'llama',
        families: ['llama'],
        parameter_size: '8B',
        quantization_level: 'Q4_K_M',
      },
    })),
  });
}

export async function startFakeOllama(initial: FakeOllamaBehaviour): Promise<FakeOllama> {
  let behaviour = initial;
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (request.method !== 'GET' || request.url !== '/api/tags') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
      return;
    }
    switch (behaviour.kind) {
      case 'models': {
        const body = tagsBody(behaviour.names);
        const answer = () =>
          response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
        if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs);
        else answer();
        return;
      }
      case 'error':
        response
          .writeHead(behaviour.status, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify({ error: behaviour.error }));
        return;
      case 'raw':
        response
          .writeHead(behaviour.status, { 'content-type': behaviour.contentType ?? 'text/plain' })
          .end(behaviour.body);
        return;
      case 'hang':
        return; // never answers; the client's timeout must fire
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    behave(next) {
      behaviour = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A URL on which nothing listens (a port that was just free). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
