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
});
