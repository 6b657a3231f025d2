// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatController } from './chat-controller.svelte';
import type { ConversationDetail } from './history';
import type { AssistantTurn } from './types';

class FakeWebSocket {
  static all: FakeWebSocket[] = [];
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  sent: Record<string, unknown>[] = [];
  constructor(readonly url: string) {
    FakeWebSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(event: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify(event) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

const stored: ConversationDetail = {
  id: 'c1',
  title: 't',
  createdAt: '',
  updatedAt: '',
  messageCount: 2,
  messages: [
    { seq: 1, runId: 'r1', role: 'user', content: 'hola' },
    { seq: 2, runId: 'r1', role: 'assistant', content: 'respuesta guardada' },
  ],
  toolCalls: [],
  runs: [
    {
      runId: 'r1',
      model: 'm',
      outcome: 'stopped',
      inputTokens: 1,
      outputTokens: 1,
      ms: 1,
      ungrounded: [],
    },
  ],
};

const text = {
  connectionLost: () => 'lost',
  notConnected: () => 'not connected',
  tokenPrompt: () => 'token?',
  loadFailed: (reason: string) => `failed: ${reason}`,
  replaceFailed: (reason: string) => `replace failed: ${reason}`,
};

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 40));

beforeEach(() => {
  FakeWebSocket.all = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
  vi.stubGlobal('WebSocket', FakeWebSocket);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      String(url).startsWith('/api/conversations/c1')
        ? new Response(JSON.stringify(stored), { status: 200 })
        : new Response(JSON.stringify({ tools: [{ name: 'forecast_demand' }] }), { status: 200 }),
    ),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function started() {
  const conversations: (string | undefined)[] = [];
  const controller = new ChatController({ text, onConversation: (id) => conversations.push(id) });
  await controller.start();
  const socket = FakeWebSocket.all[0] as FakeWebSocket;
  socket.open();
  return { controller, socket, conversations };
}

describe('ChatController', () => {
  it('loads the server tools, then streams a run into the state and reports the new conversation', async () => {
    const { controller, socket, conversations } = await started();
    expect(controller.tools?.has('forecast_demand')).toBe(true);
    expect(controller.send('hola')).toBe(true);
    expect(socket.sent).toEqual([{ type: 'chat', message: 'hola' }]);
    socket.receive({ type: 'run-start', conversationId: 'c1', runId: 'r1' });
    socket.receive({ type: 'text-delta', runId: 'r1', text: 'ho' });
    socket.receive({ type: 'text-delta', runId: 'r1', text: 'la' });
    await nextFrame();
    const answer = controller.chat.turns.at(-1) as AssistantTurn;
    expect(answer.parts).toEqual([{ kind: 'text', text: 'hola' }]);
    expect(conversations).toEqual(['c1']);
    expect(controller.running).toBe(true);
  });

  it('sends a stop asked for before run-start once the run has an id (else an early Stop is lost)', async () => {
    const { controller, socket } = await started();
    controller.send('hola');
    controller.stop();
    socket.receive({ type: 'run-start', conversationId: 'c1', runId: 'r9' });
    await nextFrame();
    expect(socket.sent.at(-1)).toEqual({ type: 'stop', runId: 'r9' });
  });

  it('fails the streaming answer when the socket drops, then reloads the conversation after reconnecting (else the page freezes mid-answer)', async () => {
    const { controller, socket } = await started();
    controller.send('hola');
    socket.receive({ type: 'run-start', conversationId: 'c1', runId: 'r1' });
    await nextFrame();
    socket.drop();
    await nextFrame();
    expect((controller.chat.turns.at(-1) as AssistantTurn).error?.message).toBe('lost');
    expect(controller.connection).toBe('closed');
    await vi.advanceTimersByTimeAsync(1000);
    (FakeWebSocket.all[1] as FakeWebSocket).open();
    await vi.waitFor(() =>
      expect((controller.chat.turns.at(-1) as AssistantTurn).parts).toEqual([
        { kind: 'text', text: 'respuesta guardada' },
      ]),
    );
    expect(controller.connection).toBe('open');
  });

  it('refuses to send while disconnected and says so (else the message silently vanishes)', async () => {
    const controller = new ChatController({ text });
    await controller.start();
    expect(controller.send('hola')).toBe(false);
    expect(controller.notice).toBe('not connected');
    expect(controller.chat.turns).toEqual([]);
  });

  it('regenerate removes the last exchange on the server from its stored seq, then resends it (else the model reads the old answer)', async () => {
    const { controller, socket } = await started();
    controller.send('hola');
    socket.receive({ type: 'run-start', conversationId: 'c1', runId: 'r1' });
    socket.receive({ type: 'text-delta', runId: 'r1', text: 'primera' });
    socket.receive({
      type: 'run-end',
      runId: 'r1',
      message: 'primera',
      usage: { inputTokens: 1, outputTokens: 1, steps: 1, model: 'm', promptVersion: 'p', ms: 1 },
      outcome: 'answered',
      ungrounded: [],
      citations: [],
    });
    await nextFrame();
    expect(await controller.regenerate()).toBe(true);
    const calls = vi
      .mocked(fetch)
      .mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${url}`);
    expect(calls).toContain('DELETE /api/conversations/c1/messages?fromSeq=1');
    expect(socket.sent.at(-1)).toEqual({ type: 'chat', message: 'hola', conversationId: 'c1' });
    expect(controller.chat.turns.map((turn) => turn.role)).toEqual(['user', 'assistant']);
    expect((controller.chat.turns[1] as AssistantTurn).status).toBe('waiting');
  });

  it('edit-and-resend of a reloaded conversation cuts at the stored seq and shows only the edited message (else both versions stay)', async () => {
    const { controller, socket } = await started();
    await controller.load('c1');
    expect(await controller.replaceLast('adiós')).toBe(true);
    const deletes = vi
      .mocked(fetch)
      .mock.calls.filter(([, init]) => init?.method === 'DELETE')
      .map(([url]) => String(url));
    expect(deletes).toEqual(['/api/conversations/c1/messages?fromSeq=1']);
    expect(socket.sent.at(-1)).toEqual({ type: 'chat', message: 'adiós', conversationId: 'c1' });
    expect(controller.chat.turns.filter((turn) => turn.role === 'user')).toEqual([
      expect.objectContaining({ text: 'adiós' }),
    ]);
  });

  it('keeps the exchange and sends nothing when the server refuses the cut (else a resend would follow the old answer)', async () => {
    const { controller, socket } = await started();
    await controller.load('c1');
    vi.mocked(fetch).mockImplementation(async () =>
      Response.json({ error: { code: 'conflict', message: 'busy' } }, { status: 409 }),
    );
    const sentBefore = socket.sent.length;
    expect(await controller.replaceLast('adiós')).toBe(false);
    expect(controller.notice).toBe('replace failed: busy');
    expect(socket.sent).toHaveLength(sentBefore);
    expect(controller.chat.turns.map((turn) => turn.role)).toEqual(['user', 'assistant']);
  });

  it('regenerate of a reloaded message with a photo sends that photo again (else the inspection is redone without it)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const withPhoto: ConversationDetail = {
      ...stored,
      messages: [
        { seq: 1, runId: 'r1', role: 'user', content: 'revisa', imageHashes: ['ab'.repeat(32)] },
        { seq: 2, runId: 'r1', role: 'assistant', content: 'ok' },
      ],
    };
    const { controller, socket } = await started();
    vi.mocked(fetch).mockImplementation(async (url) => {
      const path = String(url);
      if (path.includes('/images/'))
        return new Response(png, { headers: { 'content-type': 'image/png' } });
      if (path.includes('/messages?')) return Response.json({ removed: 2 });
      return Response.json(withPhoto);
    });
    await controller.load('c1');
    expect(await controller.regenerate()).toBe(true);
    expect(socket.sent.at(-1)).toEqual({
      type: 'chat',
      message: 'revisa',
      conversationId: 'c1',
      images: [btoa(String.fromCharCode(...png))],
    });
  });
});
