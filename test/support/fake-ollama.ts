// An Ollama-protocol test server: real node:http on a random port, answering GET /api/tags,
// POST /api/show, /api/chat (NDJSON stream or one object), /api/embed and /api/generate the way
// Ollama does (https://github.com/ollama/ollama/blob/main/docs/api.md), with Ollama's error bodies.
// Tests script the answers per request (a queue per path, or a function for /api/chat), read the
// request bodies it received, and see when a client closed a connection mid-answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  defaultCapabilities,
  finalChatChunk,
  hashedEmbedding,
  embeddingTokens,
  nowStamp,
  promptTokens,
  qualifiedName,
  showBody,
  splitForStreaming,
  tagsEntry,
  type FakeModel,
} from './fake-ollama-bodies';

export { hashedEmbedding, type FakeModel } from './fake-ollama-bodies';

/** How the whole server behaves: the models it has, or broken in one way for every path. */
export type FakeOllamaBehaviour =
  | { kind: 'models'; names?: readonly string[]; models?: readonly FakeModel[]; delayMs?: number }
  | { kind: 'error'; status: number; error: string }
  | { kind: 'raw'; status: number; body: string; contentType?: string }
  | { kind: 'hang' };

export interface FakeToolCall {
  name: string;
  arguments: Record<string, unknown> | string;
  /** newer Ollama versions send an id; left out, the call has none */
  id?: string;
}

/** One scripted answer to one request. */
export type FakeReply =
  | {
      kind: 'chat';
      content?: string;
      thinking?: string;
      toolCalls?: readonly FakeToolCall[];
      /** split content/thinking into this many chunks (default: one per word) */
      chunks?: number;
      /** before the first chunk (Ollama writes its headers with the first chunk) */
      firstChunkDelayMs?: number;
      /** between chunks */
      chunkDelayMs?: number;
      promptEvalCount?: number;
      evalCount?: number;
      doneReason?: string;
      /** how the stream ends: the done chunk (default), an error line, cut without done, a hang, a reset */
      end?: 'done' | 'error-line' | 'cut' | 'hang' | 'reset';
      /** the text of the error line */
      error?: string;
      /** called after each streamed chunk is handed to the socket (benchmarks time the path from here) */
      onChunkWritten?: (index: number, at: number) => void;
    }
  | { kind: 'http'; status: number; error: string }
  | { kind: 'raw'; status: number; body: string; contentType?: string }
  | { kind: 'hang' }
  | { kind: 'reset' };

export type FakePath = '/api/chat' | '/api/embed' | '/api/generate' | '/api/show';

export interface ReceivedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface FakeOllama {
  url: string;
  /** "METHOD /path" of every request so far, in order */
  requests: string[];
  /** every POST body (parsed JSON), in order */
  received: ReceivedRequest[];
  /** paths whose response the client closed before it was complete */
  disconnects: string[];
  behave(behaviour: FakeOllamaBehaviour): void;
  /** queues answers for the next requests to a path (first in, first out) */
  reply(path: FakePath, ...replies: FakeReply[]): void;
  /** answers /api/chat when the queue is empty (otherwise: HTTP 500 naming the gap) */
  onChat(handler: ((body: ChatBody) => FakeReply) | undefined): void;
  /** the bodies received on one path */
  bodies(path: FakePath): unknown[];
  /** resolves when a client closes a response early (now, when one already did) */
  nextDisconnect(): Promise<string>;
  close(): Promise<void>;
}

export interface ChatBody {
  model: string;
  messages?: { role: string; content?: string; images?: string[] }[];
  tools?: unknown[];
  think?: boolean;
  stream?: boolean;
  options?: { num_ctx?: number };
}

const json = 'application/json; charset=utf-8';

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': json }).end(JSON.stringify(body));
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(request: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startFakeOllama(
  initial: FakeOllamaBehaviour = { kind: 'models', names: [] },
): Promise<FakeOllama> {
  let behaviour = initial;
  const requests: string[] = [];
  const received: ReceivedRequest[] = [];
  const disconnects: string[] = [];
  const queues = new Map<string, FakeReply[]>();
  let chatHandler: ((body: ChatBody) => FakeReply) | undefined;
  let disconnectWaiters: ((path: string) => void)[] = [];

  const models = (): FakeModel[] => {
    if (behaviour.kind !== 'models') return [];
    const listed = (behaviour.names ?? []).map((name) => ({ name }));
    return [...listed, ...(behaviour.models ?? [])];
  };
  const findModel = (name: unknown): FakeModel | undefined => {
    if (typeof name !== 'string') return undefined;
    const wanted = qualifiedName(name);
    return models().find((model) => qualifiedName(model.name) === wanted);
  };

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    requests.push(`${request.method} ${request.url}`);
    response.on('close', () => {
      if (response.writableFinished) return;
      disconnects.push(path);
      const waiters = disconnectWaiters;
      disconnectWaiters = [];
      for (const waiter of waiters) waiter(path);
    });
    handle(request, response, path).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { error: String(error) });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse, path: string) {
    const body = request.method === 'POST' ? await readBody(request) : undefined;
    if (request.method === 'POST') received.push({ method: 'POST', path, body });
    if (behaviour.kind === 'hang') return;
    if (behaviour.kind === 'error')
      return send(response, behaviour.status, { error: behaviour.error });
    if (behaviour.kind === 'raw') {
      const contentType = behaviour.contentType ?? 'text/plain';
      response.writeHead(behaviour.status, { 'content-type': contentType }).end(behaviour.body);
      return;
    }
    const route = `${request.method} ${path}`;
    if (route === 'GET /api/tags') {
      const delayMs = behaviour.delayMs ?? 0;
      if (delayMs) await wait(delayMs);
      return send(response, 200, {
        models: models().map((model, index) => tagsEntry(model.name, index)),
      });
    }
    const routes: Record<string, (input: Record<string, unknown>) => Promise<void> | void> = {
      'POST /api/show': (input) => show(response, input),
      'POST /api/chat': (input) => chat(response, input as unknown as ChatBody),
      'POST /api/embed': (input) => embed(response, input),
      'POST /api/generate': (input) => generate(response, input),
    };
    const handler = routes[route];
    if (!handler) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
      return;
    }
    if (!body || typeof body !== 'object') {
      return send(response, 400, { error: 'invalid request body' });
    }
    const queue = queues.get(path);
    const next = queue?.[0];
    if (next && next.kind !== 'chat') {
      queue?.shift();
      return answerPlain(response, next);
    }
    await handler(body as Record<string, unknown>);
  }

  function answerPlain(response: ServerResponse, reply: Exclude<FakeReply, { kind: 'chat' }>) {
    switch (reply.kind) {
      case 'http':
        return send(response, reply.status, { error: reply.error });
      case 'raw':
        response
          .writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/plain' })
          .end(reply.body);
        return;
      case 'hang':
        return;
      case 'reset':
        response.socket?.destroy();
        return;
    }
  }

  function notFound(response: ServerResponse, name: unknown) {
    send(response, 404, {
      error: `model ${JSON.stringify(String(name))} not found, try pulling it first`,
    });
  }

  function show(response: ServerResponse, input: Record<string, unknown>) {
    const model = findModel(input.model);
    if (!model) return send(response, 404, { error: `model '${String(input.model)}' not found` });
    send(response, 200, showBody(model));
  }

  function capabilityError(response: ServerResponse, model: FakeModel, capability: string) {
    send(response, 400, { error: `${qualifiedName(model.name)} does not support ${capability}` });
  }

  async function chat(response: ServerResponse, body: ChatBody) {
    const model = findModel(body.model);
    if (!model) return notFound(response, body.model);
    const capabilities = model.capabilities ?? defaultCapabilities(model.name);
    if (!capabilities.includes('completion')) {
      return send(response, 400, { error: `${JSON.stringify(body.model)} does not support chat` });
    }
    if ((body.messages ?? []).length === 0) {
      // Ollama's documented load: one object whatever `stream` says
      return send(response, 200, {
        model: body.model,
        created_at: nowStamp(),
        message: { role: 'assistant', content: '' },
        done_reason: 'load',
        done: true,
      });
    }
    if (body.tools?.length && !capabilities.includes('tools')) {
      return capabilityError(response, model, 'tools');
    }
    if (body.think === true && !capabilities.includes('thinking')) {
      return send(response, 400, {
        error: `${JSON.stringify(body.model)} does not support thinking`,
      });
    }
    const hasImages = (body.messages ?? []).some((message) => (message.images?.length ?? 0) > 0);
    if (hasImages && !capabilities.includes('vision'))
      return capabilityError(response, model, 'vision');
    const reply = queues.get('/api/chat')?.shift() ?? chatHandler?.(body);
    if (!reply) {
      return send(response, 500, {
        error: 'fake-ollama: no reply scripted for POST /api/chat (use reply() or onChat())',
      });
    }
    if (reply.kind !== 'chat') return answerPlain(response, reply);
    await streamChat(response, body, reply);
  }

  async function streamChat(
    response: ServerResponse,
    body: ChatBody,
    reply: Extract<FakeReply, { kind: 'chat' }>,
  ) {
    const numCtx = body.options?.num_ctx ?? 4096;
    const pieces: Record<string, unknown>[] = [];
    for (const thinking of splitForStreaming(reply.thinking ?? '', reply.chunks)) {
      pieces.push({ role: 'assistant', content: '', thinking });
    }
    for (const content of splitForStreaming(reply.content ?? '', reply.chunks)) {
      pieces.push({ role: 'assistant', content });
    }
    (reply.toolCalls ?? []).forEach((call, index) => {
      const toolCall = {
        ...(call.id ? { id: call.id } : {}),
        function: { index, name: call.name, arguments: call.arguments },
      };
      pieces.push({ role: 'assistant', content: '', tool_calls: [toolCall] });
    });
    const stats = {
      promptEvalCount: reply.promptEvalCount ?? promptTokens(body, numCtx),
      evalCount: reply.evalCount ?? pieces.length,
      doneReason: reply.doneReason ?? 'stop',
    };
    if (reply.firstChunkDelayMs) await wait(reply.firstChunkDelayMs);
    if (response.destroyed) return;

    if (body.stream === false) {
      const message = {
        role: 'assistant',
        content: reply.content ?? '',
        ...(reply.thinking ? { thinking: reply.thinking } : {}),
        ...(reply.toolCalls?.length
          ? { tool_calls: pieces.flatMap((piece) => (piece.tool_calls as unknown[]) ?? []) }
          : {}),
      };
      return send(response, 200, { ...finalChatChunk(body.model, stats), message });
    }
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const line = (value: unknown) => response.write(`${JSON.stringify(value)}\n`);
    for (const [index, message] of pieces.entries()) {
      if (index > 0 && reply.chunkDelayMs) await wait(reply.chunkDelayMs);
      if (response.destroyed) return;
      line({ model: body.model, created_at: nowStamp(), message, done: false });
      reply.onChunkWritten?.(index, performance.now());
    }
    switch (reply.end ?? 'done') {
      case 'done':
        line(finalChatChunk(body.model, stats));
        response.end();
        return;
      case 'error-line':
        line({ error: reply.error ?? 'an error was encountered while running the model' });
        response.end();
        return;
      case 'cut':
        response.end();
        return;
      case 'hang':
        return;
      case 'reset':
        // let the chunks reach the socket first, then cut the connection without ending the body
        await new Promise((resolve) => response.write('', resolve));
        response.socket?.destroy();
        return;
    }
  }

  function embed(response: ServerResponse, input: Record<string, unknown>) {
    const model = findModel(input.model);
    if (!model) return notFound(response, input.model);
    const capabilities = model.capabilities ?? defaultCapabilities(model.name);
    if (!capabilities.includes('embedding')) return capabilityError(response, model, 'embedding');
    const texts = Array.isArray(input.input)
      ? input.input.map(String)
      : [String(input.input ?? '')];
    send(response, 200, {
      model: input.model,
      embeddings: texts.map((text) => hashedEmbedding(text)),
      total_duration: 14_143_917,
      load_duration: 1_019_500,
      prompt_eval_count: texts.reduce((sum, text) => sum + embeddingTokens(text).length + 2, 0),
    });
  }

  function generate(response: ServerResponse, input: Record<string, unknown>) {
    const model = findModel(input.model);
    if (!model) return notFound(response, input.model);
    if (typeof input.prompt === 'string' && input.prompt !== '') {
      return send(response, 500, {
        error: 'fake-ollama: only the empty-prompt load is served on /api/generate',
      });
    }
    send(response, 200, {
      model: input.model,
      created_at: nowStamp(),
      response: '',
      done: true,
      done_reason: 'load',
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    received,
    disconnects,
    behave(next) {
      behaviour = next;
    },
    reply(path, ...replies) {
      queues.set(path, [...(queues.get(path) ?? []), ...replies]);
    },
    onChat(handler) {
      chatHandler = handler;
    },
    bodies(path) {
      return received.filter((entry) => entry.path === path).map((entry) => entry.body);
    },
    nextDisconnect() {
      return new Promise((resolve) => disconnectWaiters.push(resolve));
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
