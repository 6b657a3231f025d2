// The agent end to end: the server as main.ts builds it, the real Ollama client, and an
// Ollama-protocol test server on random ports, checked over real HTTP (SSE) and WebSocket.
import { afterEach, describe, expect, it } from 'vitest';
import { ChatSocket, parseSse, startAgentServer, type AgentServer } from '../support/agent-server';
import {
  closedPortUrl,
  startFakeOllama,
  type ChatBody,
  type FakeOllama,
} from '../support/fake-ollama';

const models = [
  { name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'] },
  { name: 'qwen2.5vl:7b', capabilities: ['completion', 'vision'] },
  { name: 'bge-m3', capabilities: ['embedding'] },
];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(
  options: { models?: typeof models } = {},
): Promise<{ ollama: FakeOllama; app: AgentServer }> {
  const ollama = await startFakeOllama({ kind: 'models', models: options.models ?? models });
  cleanups.push(() => ollama.close());
  const app = await startAgentServer(ollama.url);
  cleanups.push(() => app.close());
  return { ollama, app };
}

async function socketFor(app: AgentServer): Promise<ChatSocket> {
  const socket = await ChatSocket.open(app.wsUrl);
  cleanups.push(() => socket.close());
  return socket;
}

async function metricsText(app: AgentServer): Promise<string> {
  return (await fetch(`${app.url}/metrics`)).text();
}

const hasToolResult = (body: ChatBody) =>
  (body.messages ?? []).some((message) => message.role === 'tool');
const types = (events: readonly { type: string }[]) => events.map((event) => event.type);

describe('the agent over POST /api/chat (SSE) and /ws against an Ollama-protocol server', () => {
  it('SSE: a valid tool call, its result to the model, then streamed text; Ollama gets num_ctx, keep_alive and tools in its shape', async () => {
    const { ollama, app } = await setup();
    ollama.onChat((body) =>
      hasToolResult(body)
        ? { kind: 'chat', content: 'La quinoa vendió bien en Lima.', chunks: 4 }
        : {
            kind: 'chat',
            toolCalls: [
              {
                name: 'query_sales',
                arguments: { product: 'QUI-500', location: 'Lima DC Callao' },
              },
            ],
          },
    );
    const response = await fetch(`${app.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: '¿Cuánto vendió la quinoa en Lima?' }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await response.text());
    expect(types(events)).toEqual([
      'run-start',
      'tool-call',
      'tool-result',
      'text-delta',
      'text-delta',
      'text-delta',
      'text-delta',
      'run-end',
    ]);
    expect(events.at(-1)).toMatchObject({
      outcome: 'answered',
      message: 'La quinoa vendió bien en Lima.',
      usage: { steps: 2, model: 'qwen3:8b' },
    });
    const [first] = ollama.bodies('/api/chat') as (ChatBody & { keep_alive?: unknown })[];
    const tools = (first?.tools ?? []) as { type: string; function: { name: string } }[];
    expect(first?.options?.num_ctx).toBe(16384);
    expect(first?.keep_alive).toBe('30m');
    expect(tools.find((tool) => tool.function.name === 'query_sales')?.type).toBe('function');
    const metrics = await metricsText(app);
    expect(metrics).toContain('ayni_tool_calls_total{tool="query_sales",outcome="ok"} 1');
    expect(metrics).toMatch(
      /gen_ai_client_operation_duration_seconds_count\{operation="chat",model="qwen3:8b"\} 2/,
    );
    expect(metrics).toMatch(
      /gen_ai_server_time_to_first_token_seconds_count\{model="qwen3:8b"\} 2/,
    );
    expect(metrics).toMatch(/ayni_agent_steps_count\{outcome="answered"\} 1/);
  });

  it('WS: an invalid call is repaired, an unknown tool is reported, and parallel calls all run', async () => {
    const { ollama, app } = await setup();
    let turn = 0;
    ollama.onChat(() => {
      turn += 1;
      if (turn === 1)
        return {
          kind: 'chat',
          toolCalls: [
            { name: 'query_sales', arguments: { product: 'QUI-500', grain: 'year' } },
            { name: 'sell_more', arguments: {} },
          ],
        };
      if (turn === 2)
        return {
          kind: 'chat',
          toolCalls: [
            { name: 'query_sales', arguments: { product: 'QUI-500', grain: 'month' } },
            { name: 'query_sales', arguments: { product: 'YOG-1L', grain: 'month' } },
          ],
        };
      return { kind: 'chat', content: 'Listo.' };
    });
    const socket = await socketFor(app);
    const events = await socket.chat('ventas de quinoa y yogurt por mes');
    const errors = events.filter((event) => event.type === 'tool-error');
    expect(errors.map((event) => event.type === 'tool-error' && event.error.kind)).toEqual([
      'invalid_input',
      'unknown_tool',
    ]);
    expect(events.filter((event) => event.type === 'tool-result')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', outcome: 'answered' });
    const second = ollama.bodies('/api/chat')[1] as ChatBody;
    const toolMessages = (second.messages ?? []).filter((message) => message.role === 'tool');
    expect(toolMessages[0]?.content).toContain('grain');
    expect(toolMessages[1]?.content).toContain('unknown_tool');
    const metrics = await metricsText(app);
    expect(metrics).toContain('ayni_tool_calls_total{tool="query_sales",outcome="error"} 1');
    expect(metrics).toContain('ayni_tool_calls_total{tool="unknown",outcome="error"} 1');
    expect(metrics).toContain('ayni_tool_calls_total{tool="query_sales",outcome="ok"} 2');
  });

  it('WS: stop mid-stream cancels the Ollama request and keeps the partial answer', async () => {
    const { ollama, app } = await setup();
    ollama.onChat(() => ({
      kind: 'chat',
      content: 'uno dos tres cuatro cinco seis siete ocho nueve diez',
      chunkDelayMs: 60,
    }));
    const socket = await socketFor(app);
    socket.send({ type: 'chat', message: 'cuenta hasta diez' });
    const start = await socket.until((event) => event.type === 'run-start');
    await socket.until((event) => event.type === 'text-delta');
    const disconnected = ollama.nextDisconnect();
    socket.send({ type: 'stop', runId: start.type === 'run-start' ? start.runId : '' });
    const end = await socket.until((event) => event.type === 'run-end');
    expect(await disconnected).toBe('/api/chat');
    expect(end).toMatchObject({ outcome: 'stopped' });
    const partial = end.type === 'run-end' ? end.message : '';
    expect(partial.startsWith('uno')).toBe(true);
    expect(partial.length).toBeLessThan(
      'uno dos tres cuatro cinco seis siete ocho nueve diez'.length,
    );
    expect(await metricsText(app)).toMatch(/ayni_agent_steps_count\{outcome="stopped"\} 1/);
  });

  it('Ollama down: a clear error naming the fix, the user message kept, and slash commands still answer', async () => {
    const app = await startAgentServer(await closedPortUrl());
    cleanups.push(() => app.close());
    const socket = await socketFor(app);
    const events = await socket.chat('pronóstico de quinoa');
    const error = events.at(-1);
    expect(error).toMatchObject({ type: 'error', code: 'model_unreachable' });
    expect(error?.type === 'error' && error.message).toContain('ollama serve');
    expect(error?.type === 'error' && error.message).toContain('/help');
    const start = events[0];
    const conversationId = start?.type === 'run-start' ? start.conversationId : '';
    const stored = (await (
      await fetch(`${app.url}/api/conversations/${conversationId}`)
    ).json()) as { messages: { role: string; content: string }[] };
    expect(stored.messages).toMatchObject([{ role: 'user', content: 'pronóstico de quinoa' }]);
    const slash = await socket.chat('/forecast QUI-500 4 week', { conversationId });
    expect(types(slash)).toContain('tool-result');
    expect(slash.at(-1)).toMatchObject({ type: 'run-end', outcome: 'answered' });
    expect(await metricsText(app)).toMatch(/ayni_agent_steps_count\{outcome="failed"\} 1/);
  });

  it('model not pulled: HTTP 404 becomes the exact ollama pull to run', async () => {
    const { app } = await setup({ models: models.filter((model) => model.name !== 'qwen3:8b') });
    const socket = await socketFor(app);
    const events = await socket.chat('hola');
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'model_missing' });
    expect(events.at(-1)?.type === 'error' && events.at(-1)).toMatchObject({
      message: expect.stringContaining('ollama pull qwen3:8b'),
    });
  });

  it('a chat model without the tools capability: Ollama 400 becomes a capability error with the fix', async () => {
    const { app } = await setup({
      models: [{ name: 'qwen3:8b', capabilities: ['completion'] }, ...models.slice(1)],
    });
    const socket = await socketFor(app);
    const events = await socket.chat('hola');
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'model_capability' });
    expect(events.at(-1)?.type === 'error' && events.at(-1)).toMatchObject({
      message: expect.stringContaining('tools'),
    });
  });

  it('an error line in the middle of the stream ends the run with Ollama’s text', async () => {
    const { ollama, app } = await setup();
    ollama.onChat(() => ({
      kind: 'chat',
      content: 'Empiezo a responder y',
      end: 'error-line',
      error: 'an error was encountered while running the model: CUDA out of memory',
    }));
    const socket = await socketFor(app);
    const events = await socket.chat('hola');
    expect(types(events)).toContain('text-delta');
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'model_stream_error' });
    expect(events.at(-1)?.type === 'error' && events.at(-1)).toMatchObject({
      message: expect.stringContaining('CUDA out of memory'),
    });
    expect(await metricsText(app)).toMatch(/ayni_agent_steps_count\{outcome="failed"\} 1/);
  });

  it('a prompt that filled the context window is answered with a truncation warning', async () => {
    const { ollama, app } = await setup();
    ollama.onChat(() => ({ kind: 'chat', content: 'Respuesta.', promptEvalCount: 16384 }));
    const socket = await socketFor(app);
    const events = await socket.chat('hola');
    expect(events.find((event) => event.type === 'warning')).toMatchObject({
      code: 'context_truncated',
    });
    expect(events.at(-1)).toMatchObject({ type: 'run-end', outcome: 'answered' });
  });

  it('search_knowledge answers from the company documents with citations in run-end', async () => {
    const { ollama, app } = await setup();
    ollama.onChat((body) =>
      hasToolResult(body)
        ? { kind: 'chat', content: 'El objetivo está en niveles-de-servicio.md.' }
        : {
            kind: 'chat',
            toolCalls: [
              {
                name: 'search_knowledge',
                arguments: { query: 'nivel de servicio objetivo lácteos Lima' },
              },
            ],
          },
    );
    const socket = await socketFor(app);
    const events = await socket.chat('¿Cuál es el nivel de servicio objetivo de lácteos en Lima?');
    const end = events.at(-1);
    expect(end?.type).toBe('run-end');
    const citations = end?.type === 'run-end' ? end.citations : [];
    expect(citations.length).toBeGreaterThan(0);
    expect(citations[0]?.document).toBe('niveles-de-servicio.md');
    expect(citations[0]?.lineStart).toBeGreaterThan(0);
  });
});
