import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, type ClientOptions } from 'ws';
import { testDeps } from '../../../test/support/app-deps';
import { listenApp, type ListeningApp } from '../../../test/support/listening-app';
import { answer, ScriptedChatRunner } from '../../../test/support/scripted-chat-runner';
import type { AppDeps } from '../types';
import type { SocketEvent } from './ws';

let server: ListeningApp | undefined;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await server?.close();
  server = undefined;
});

/** A connected client that collects what the server sends. */
interface Client {
  socket: WebSocket;
  events: SocketEvent[];
  send(message: unknown): void;
  /** resolves with the events received until `predicate` holds */
  until(predicate: (events: SocketEvent[]) => boolean, timeoutMs?: number): Promise<SocketEvent[]>;
  closed: Promise<{ code: number }>;
}

async function connect(url: string, options: ClientOptions = {}): Promise<Client> {
  const socket = new WebSocket(url, options);
  sockets.push(socket);
  const events: SocketEvent[] = [];
  socket.on('message', (data) => events.push(JSON.parse(String(data)) as SocketEvent));
  const closed = new Promise<{ code: number }>((resolve) =>
    socket.on('close', (code) => resolve({ code })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    events,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    until: async (predicate, timeoutMs = 2000) => {
      await expect.poll(() => predicate(events), { timeout: timeoutMs }).toBe(true);
      return events;
    },
  };
}

/** The status an upgrade was refused with, or 101 when it opened. */
function upgradeStatus(url: string, options: ClientOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    sockets.push(socket);
    socket.once('open', () => resolve(101));
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

async function start(deps: AppDeps): Promise<ListeningApp> {
  server = await listenApp(deps);
  return server;
}

const ends = (events: SocketEvent[]) => events.filter((event) => event.type === 'run-end').length;
const errors = (events: SocketEvent[]) => events.filter((event) => event.type === 'error');

describe('GET /ws', () => {
  it('streams a run as JSON events with their type, each carrying the runId (several runs share a socket)', async () => {
    const runner = new ScriptedChatRunner({ script: () => answer('Hola') });
    const { wsUrl } = await start(testDeps({ chat: runner }));
    const client = await connect(`${wsUrl}/ws`);
    client.send({ type: 'chat', message: 'hola' });
    const events = await client.until((received) => ends(received) === 1);
    expect(events.map((event) => event.type)).toEqual(['run-start', 'text-delta', 'run-end']);
    expect(events[0]).toEqual({
      type: 'run-start',
      conversationId: 'conversation-1',
      runId: 'run-1',
    });
    expect(events[1]).toEqual({ type: 'text-delta', text: 'Hola', runId: 'run-1' });
    expect(runner.starts).toEqual([{ message: 'hola' }]);
  });

  it('stops a run on a stop message and keeps the partial answer', async () => {
    const runner = new ScriptedChatRunner({
      script: () => [{ event: { type: 'text-delta', text: 'parcial' } }, ...answer(' resto', 5000)],
    });
    const { wsUrl } = await start(testDeps({ chat: runner }));
    const client = await connect(`${wsUrl}/ws`);
    client.send({ type: 'chat', message: 'x' });
    await client.until((received) => received.some((event) => event.type === 'text-delta'));
    client.send({ type: 'stop', runId: 'run-1' });
    const events = await client.until((received) => ends(received) === 1);
    expect(runner.stopRequests).toEqual(['run-1']);
    expect(events.at(-1)).toMatchObject({
      type: 'run-end',
      outcome: 'stopped',
      message: 'parcial',
    });
  });

  it('answers invalid JSON and an invalid message with an error event naming the problem, and keeps the socket open', async () => {
    const runner = new ScriptedChatRunner();
    const { wsUrl } = await start(testDeps({ chat: runner }));
    const client = await connect(`${wsUrl}/ws`);
    client.send('{"type": "chat", ');
    client.send({ type: 'chat' });
    client.send({ type: 'dance' });
    client.send({ type: 'stop', runId: 'run-99' });
    await client.until((received) => errors(received).length === 4);
    const [json, missing, unknownType, unknownRun] = errors(client.events);
    expect(json).toMatchObject({ code: 'invalid_input' });
    expect(json && 'message' in json && json.message).toContain('not valid JSON');
    expect(missing && 'message' in missing && missing.message).toContain('message');
    expect(unknownType && 'message' in unknownType && unknownType.message).toContain('type');
    expect(unknownRun).toMatchObject({ code: 'not_found' });
    client.send({ type: 'chat', message: 'sigues ahí?' });
    await client.until((received) => ends(received) === 1);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('answers a second chat on a busy conversation with an error event of code busy', async () => {
    const runner = new ScriptedChatRunner({
      conversations: ['c-1'],
      script: () => answer('lento', 300),
    });
    const { wsUrl } = await start(testDeps({ chat: runner }));
    const client = await connect(`${wsUrl}/ws`);
    client.send({ type: 'chat', conversationId: 'c-1', message: 'a' });
    client.send({ type: 'chat', conversationId: 'c-1', message: 'b' });
    client.send({ type: 'chat', message: 'other conversation' });
    await client.until((received) => ends(received) === 2);
    const busy = errors(client.events);
    expect(busy).toHaveLength(1);
    expect(busy[0]).toMatchObject({ code: 'busy' });
    expect(runner.starts.map((input) => input.message)).toEqual(['a', 'other conversation']);
  });

  it('sends a start rejection (unknown conversation) as an error event with its code', async () => {
    const { wsUrl } = await start(testDeps({ chat: new ScriptedChatRunner() }));
    const client = await connect(`${wsUrl}/ws`);
    client.send({ type: 'chat', conversationId: 'nope', message: 'x' });
    await client.until((received) => errors(received).length === 1);
    expect(client.events[0]).toMatchObject({ type: 'error', code: 'not_found' });
  });

  it('stops the runs of a socket that closes (nobody would read their answers)', async () => {
    const runner = new ScriptedChatRunner({ script: () => answer('x', 5000) });
    const { wsUrl } = await start(testDeps({ chat: runner }));
    const client = await connect(`${wsUrl}/ws`);
    client.send({ type: 'chat', message: 'a' });
    await client.until((received) => received.length === 1);
    client.socket.close();
    await expect.poll(() => runner.stopRequests, { timeout: 2000 }).toEqual(['run-1']);
    expect(runner.running).toEqual([]);
  });

  it('counts open sockets in ayni_ws_connections, up on open and down on close', async () => {
    const deps = testDeps({ chat: new ScriptedChatRunner() });
    const { wsUrl } = await start(deps);
    const gauge = async () => (await deps.metrics.wsConnections.get()).values[0]?.value ?? 0;
    const first = await connect(`${wsUrl}/ws`);
    const second = await connect(`${wsUrl}/ws`);
    await expect.poll(gauge).toBe(2);
    first.socket.close();
    await expect.poll(gauge).toBe(1);
    second.socket.terminate();
    await expect.poll(gauge).toBe(0);
  });

  it('closes a socket that stops answering pings (a dead peer would hold its runs forever)', async () => {
    const deps = testDeps({ chat: new ScriptedChatRunner(), limits: { wsHeartbeatMs: 40 } });
    const { wsUrl } = await start(deps);
    const live = await connect(`${wsUrl}/ws`);
    const dead = await connect(`${wsUrl}/ws`, { autoPong: false });
    const closed = await dead.closed;
    expect(closed.code).toBe(1006);
    expect(live.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('closes with 1009 a message over the chat size limit', async () => {
    const { wsUrl } = await start(
      testDeps({ chat: new ScriptedChatRunner(), limits: { chatBodyBytes: 1000 } }),
    );
    const client = await connect(`${wsUrl}/ws`);
    client.send({ type: 'chat', message: 'x'.repeat(2000) });
    expect((await client.closed).code).toBe(1009);
  });

  it('answers an image over the size limit with an error event naming its index', async () => {
    const runner = new ScriptedChatRunner();
    const { wsUrl } = await start(testDeps({ chat: runner, limits: { imageBytes: 10 } }));
    const client = await connect(`${wsUrl}/ws`);
    client.send({ type: 'chat', message: 'x', images: [Buffer.alloc(11).toString('base64')] });
    await client.until((received) => errors(received).length === 1);
    expect(client.events[0]).toMatchObject({ code: 'payload_too_large' });
    expect(client.events[0] && 'message' in client.events[0] && client.events[0].message).toContain(
      'images[0] is 11 bytes',
    );
    expect(runner.starts).toHaveLength(0);
  });

  it('limits chat messages per client with an error event of code rate_limited', async () => {
    const runner = new ScriptedChatRunner();
    const { wsUrl } = await start(testDeps({ chat: runner, limits: { chatRunsPerMinute: 2 } }));
    const client = await connect(`${wsUrl}/ws`);
    for (const message of ['a', 'b', 'c']) client.send({ type: 'chat', message });
    await client.until((received) => ends(received) === 2 && errors(received).length === 1);
    expect(errors(client.events)[0]).toMatchObject({ code: 'rate_limited' });
    expect(runner.starts).toHaveLength(2);
  });
});

describe('GET /ws without a WebSocket upgrade', () => {
  it('answers 400 saying it is a WebSocket endpoint instead of a bare 404', async () => {
    const { url } = await start(testDeps({ chat: new ScriptedChatRunner() }));
    const response = await fetch(`${url}/ws`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('WebSocket endpoint');
  });
});

describe('GET /ws with an API token', () => {
  const environment = { AYNI_API_TOKEN: 'secreto-largo' };

  it('refuses an upgrade without a token or with a wrong one (401) and accepts the header or ?token=', async () => {
    const { wsUrl } = await start(testDeps({ chat: new ScriptedChatRunner(), environment }));
    expect(await upgradeStatus(`${wsUrl}/ws`)).toBe(401);
    expect(await upgradeStatus(`${wsUrl}/ws?token=otro`)).toBe(401);
    expect(await upgradeStatus(`${wsUrl}/ws?token=secreto-largo`)).toBe(101);
    expect(
      await upgradeStatus(`${wsUrl}/ws`, { headers: { authorization: 'Bearer secreto-largo' } }),
    ).toBe(101);
  });

  it('does not accept ?token= on /api routes (a token in a URL ends up in logs and history)', async () => {
    const { url } = await start(testDeps({ environment }));
    const response = await fetch(`${url}/api/products?token=secreto-largo`);
    expect(response.status).toBe(401);
  });
});
