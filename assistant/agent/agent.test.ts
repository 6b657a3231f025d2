import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scriptedLlm, type Script } from '../../test/support/scripted-llm';
import { openTestStore } from '../../test/support/test-store';
import { defineTool, registeredTools, type AnyTool } from '../../tools/index';
import { NotFoundError } from '../errors';
import { LlmError } from '../llm/llm-errors';
import { createMetrics } from '../metrics/metrics';
import type { StreamEvent } from '../protocol/events';
import type { Store } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';
import type { AgentOptions } from './agent-deps';
import { createAgent } from './agent';
import { emptyReplyReminder, stepLimitReminder } from './agent-loop';

const silentLogger = { info() {}, warn() {}, error() {}, debug() {} };
let store: Store | undefined;
afterEach(() => store?.close());

function setup(
  script: readonly Script[],
  options: Partial<AgentOptions> = {},
  tools: readonly AnyTool[] = registeredTools,
) {
  store = openTestStore(':memory:', 120);
  const openStore = store;
  const llm = scriptedLlm(script);
  const metrics = createMetrics(new Registry());
  let id = 0;
  const agent = createAgent({
    llm,
    models: { chat: 'qwen3:8b', vision: 'qwen2.5vl:7b' },
    tools,
    toolContext: (signal) =>
      createStoreToolContext(openStore, {
        signal,
        now: () => new Date('2024-04-30T12:00:00Z'),
        logger: silentLogger,
      }),
    conversations: openStore.conversations,
    clock: () => new Date('2024-04-30T12:00:00Z'),
    logger: silentLogger,
    metrics,
    options,
    newId: () => `id-${(id += 1)}`,
  });
  return { agent, llm, metrics, store: openStore };
}

async function run(
  agent: ReturnType<typeof setup>['agent'],
  message: string,
  extra: { conversationId?: string; images?: string[] } = {},
) {
  const events: StreamEvent[] = [];
  const started = await agent.start({ message, ...extra }, (event) => events.push(event));
  await started.done;
  return { events, ...started };
}

const types = (events: readonly StreamEvent[]) => events.map((event) => event.type);
const last = (events: readonly StreamEvent[]) => events.at(-1) as StreamEvent;

describe('the agent loop with a scripted model and the real tools on a test store', () => {
  it('runs a valid tool call, gives the model its result and streams a grounded answer', async () => {
    const {
      agent,
      llm,
      store: openStore,
    } = setup([
      { toolCalls: [{ name: 'query_sales', arguments: { product: 'QUI-500', grain: 'week' } }] },
      (request) => {
        const toolMessage = request.messages.at(-1);
        const total = (JSON.parse(toolMessage?.content ?? '{}') as { totalUnits: number })
          .totalUnits;
        return { chunks: ['Quinoa vendió ', `${total} unidades`, '.'] };
      },
    ]);
    const { events, conversationId } = await run(agent, '¿Cuánto vendió la quinoa?');
    expect(types(events)).toEqual([
      'run-start',
      'tool-call',
      'tool-result',
      'text-delta',
      'text-delta',
      'text-delta',
      'run-end',
    ]);
    const end = last(events);
    expect(end).toMatchObject({ type: 'run-end', outcome: 'answered', ungrounded: [] });
    if (end.type !== 'run-end') throw new Error('no run-end');
    expect(end.usage).toMatchObject({
      steps: 2,
      model: 'qwen3:8b',
      promptVersion: 'agent-system@2',
    });
    expect(llm.requests[0]?.tools?.map((tool) => tool.name)).toContain('query_sales');
    expect(llm.requests[0]?.options?.num_ctx).toBe(16_384);
    expect(llm.requests[1]?.messages.at(-1)).toMatchObject({
      role: 'tool',
      toolName: 'query_sales',
    });
    const stored = openStore.conversations.messages(conversationId);
    expect(stored.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(openStore.conversations.toolCalls(conversationId)[0]).toMatchObject({
      name: 'query_sales',
      outcome: 'ok',
    });
    expect(openStore.conversations.runs(conversationId)[0]).toMatchObject({
      outcome: 'answered',
      steps: 2,
      promptVersion: 'agent-system@2',
    });
  });

  it('sends invalid arguments back to the model with the zod issues and accepts the repaired call', async () => {
    const { agent, llm } = setup([
      { toolCalls: [{ name: 'query_sales', arguments: { product: 'QUI-500', grain: 'year' } }] },
      { toolCalls: [{ name: 'query_sales', arguments: { product: 'QUI-500', grain: 'month' } }] },
      { chunks: ['Listo.'] },
    ]);
    const { events } = await run(agent, 'ventas de quinoa por año');
    expect(types(events)).toEqual([
      'run-start',
      'tool-call',
      'tool-error',
      'tool-call',
      'tool-result',
      'text-delta',
      'run-end',
    ]);
    const error = events.find((event) => event.type === 'tool-error');
    expect(error).toMatchObject({ error: { kind: 'invalid_input' } });
    const toolMessage = JSON.parse(llm.requests[1]?.messages.at(-1)?.content ?? '{}') as {
      error: { issues: { path: string }[] };
      hint: string;
    };
    expect(toolMessage.error.issues[0]?.path).toBe('grain');
    expect(toolMessage.hint).toContain('Fix the arguments');
  });

  it('answers an unknown tool with the list of tools and counts it under a bounded metric label', async () => {
    const { agent, llm, metrics } = setup([
      { toolCalls: [{ name: 'get_weather', arguments: { city: 'Lima' } }] },
      { chunks: ['No puedo ver el clima.'] },
    ]);
    const { events } = await run(agent, '¿Lloverá en Lima?');
    expect(events.find((event) => event.type === 'tool-error')).toMatchObject({
      name: 'get_weather',
      error: { kind: 'unknown_tool' },
    });
    expect(llm.requests[1]?.messages.at(-1)?.content).toContain('query_sales');
    const text = await metrics.registry.metrics();
    expect(text).toContain('ayni_tool_calls_total{tool="unknown",outcome="error"} 1');
    expect(text).not.toContain('get_weather');
  });

  it('runs the calls of one turn concurrently', async () => {
    let inFlight = 0;
    let most = 0;
    const slow = defineTool({
      name: 'slow_echo',
      description: 'Echoes after a pause.',
      input: z.object({ value: z.number() }),
      output: z.object({ value: z.number() }),
      async execute(input) {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 40));
        inFlight -= 1;
        return input;
      },
      toModelOutput: (output) => output,
    });
    const { agent } = setup(
      [
        {
          toolCalls: [
            { name: 'slow_echo', arguments: { value: 1 } },
            { name: 'slow_echo', arguments: { value: 2 } },
            { name: 'slow_echo', arguments: { value: 3 } },
          ],
        },
        { chunks: ['1, 2 y 3.'] },
      ],
      {},
      [slow],
    );
    const { events } = await run(agent, 'eco');
    expect(most).toBe(3);
    expect(events.filter((event) => event.type === 'tool-result')).toHaveLength(3);
  });

  it('after maxSteps tool turns asks for an answer without tools and reports step_limit', async () => {
    const call = { toolCalls: [{ name: 'query_sales', arguments: { product: 'QUI-500' } }] };
    const { agent, llm } = setup([call, call, { chunks: ['Con lo que tengo: listo.'] }], {
      maxSteps: 2,
    });
    const { events } = await run(agent, 'ventas');
    expect(llm.requests[2]?.tools).toBeUndefined();
    expect(llm.requests[2]?.messages.at(-1)?.content).toBe(stepLimitReminder);
    expect(last(events)).toMatchObject({ type: 'run-end', outcome: 'step_limit' });
  });

  it('retries an empty reply with tokens counted once, with a reminder (a dropped tool call)', async () => {
    const { agent, llm } = setup([{ chunks: [], outputTokens: 25 }, { chunks: ['Hola.'] }]);
    const { events } = await run(agent, 'hola');
    expect(llm.requests).toHaveLength(2);
    expect(llm.requests[1]?.messages.at(-1)?.content).toBe(emptyReplyReminder);
    expect(last(events)).toMatchObject({ type: 'run-end', message: 'Hola.' });
  });

  it('stops mid-stream: the model request is cancelled and the partial answer is kept', async () => {
    const { agent, store: openStore } = setup([
      { chunks: ['Primera ', 'parte ', 'y ', 'el ', 'resto.'], delayMs: 30 },
    ]);
    const events: StreamEvent[] = [];
    const started = await agent.start({ message: 'cuéntame' }, (event) => {
      events.push(event);
      if (
        event.type === 'text-delta' &&
        events.filter((item) => item.type === 'text-delta').length === 2
      )
        agent.stop(started.runId);
    });
    await started.done;
    expect(last(events)).toMatchObject({
      type: 'run-end',
      outcome: 'stopped',
      message: 'Primera parte ',
    });
    expect(openStore.conversations.messages(started.conversationId).at(-1)).toMatchObject({
      role: 'assistant',
      content: 'Primera parte ',
    });
    expect(agent.activeRuns()).toBe(0);
    expect(agent.stop(started.runId)).toBe(false);
  });

  it('turns a model failure into one error event with the fix, keeping the user message', async () => {
    const down = new LlmError(
      'unreachable',
      'Ollama is not reachable at http://127.0.0.1:11434: install it from https://ollama.com and run "ollama serve"',
    );
    const { agent, store: openStore } = setup([{ error: down }]);
    const { events, conversationId } = await run(agent, 'pronóstico de quinoa');
    expect(types(events)).toEqual(['run-start', 'error']);
    expect(last(events)).toMatchObject({ code: 'model_unreachable' });
    expect(JSON.stringify(last(events))).toContain('/help');
    expect(
      openStore.conversations.messages(conversationId).map((message) => message.content),
    ).toEqual(['pronóstico de quinoa']);
    expect(openStore.conversations.runs(conversationId)[0]?.outcome).toBe('failed');
  });

  it('flags figures in the answer that no tool result contains', async () => {
    const { agent } = setup([
      { toolCalls: [{ name: 'query_sales', arguments: { product: 'QUI-500' } }] },
      { chunks: ['Vendió 987.654 unidades con margen de 37%.'] },
    ]);
    const { events } = await run(agent, 'ventas de quinoa');
    expect(last(events)).toMatchObject({
      type: 'run-end',
      ungrounded: [{ text: '987.654' }, { text: '37%' }],
    });
  });

  it('keeps the conversation: a second run sees the first turn', async () => {
    const { agent, llm } = setup([{ chunks: ['Hola, soy Ayni.'] }, { chunks: ['Sí.'] }]);
    const first = await run(agent, 'hola');
    await run(agent, '¿me recuerdas?', { conversationId: first.conversationId });
    const roles = llm.requests[1]?.messages.map(
      (message) => `${message.role}:${message.content.slice(0, 15)}`,
    );
    expect(roles?.slice(1)).toEqual([
      'user:hola',
      'assistant:Hola, soy Ayni.',
      'user:¿me recuerdas?',
    ]);
  });

  it('summarises older turns once they exceed the context budget, and stores the summary', async () => {
    const long = 'x'.repeat(6000);
    const {
      agent,
      llm,
      store: openStore,
    } = setup(
      [
        { chunks: [long] },
        { chunks: [long] },
        { chunks: ['Resumen: hablaron de quinoa.'] },
        { chunks: ['Ok.'] },
      ],
      { numCtx: 8000 },
    );
    const first = await run(agent, 'uno');
    await run(agent, 'dos', { conversationId: first.conversationId });
    await run(agent, 'tres', { conversationId: first.conversationId });
    expect(llm.requests[2]?.tools).toBeUndefined();
    expect(llm.requests[2]?.messages[0]?.content).toContain('Summarise');
    expect(openStore.conversations.summary(first.conversationId)?.text).toBe(
      'Resumen: hablaron de quinoa.',
    );
    expect(llm.requests[3]?.messages[1]?.content).toContain('Resumen: hablaron de quinoa.');
  });

  it('rejects an unknown conversation before any event', async () => {
    const { agent } = setup([]);
    await expect(
      agent.start({ conversationId: 'nope', message: 'hola' }, () => undefined),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('gives a tool that ignores its signal a timeout error instead of hanging the run', async () => {
    const stuck = defineTool({
      name: 'stuck',
      description: 'Never finishes.',
      input: z.object({}),
      output: z.object({}),
      execute: () => new Promise<Record<string, never>>(() => undefined),
      toModelOutput: () => ({}),
    });
    const { agent } = setup(
      [{ toolCalls: [{ name: 'stuck', arguments: {} }] }, { chunks: ['Tardó demasiado.'] }],
      { toolTimeoutMs: 50 },
      [stuck],
    );
    const { events } = await run(agent, 'x');
    expect(events.find((event) => event.type === 'tool-error')).toMatchObject({
      error: { kind: 'timeout' },
    });
  });

  it('sends a photo to the vision model without tools when no inspect_packaging tool is registered', async () => {
    const { agent, llm } = setup(
      [{ chunks: ['Veo una lata.'] }],
      {},
      registeredTools.filter((tool) => tool.name !== 'inspect_packaging'),
    );
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64');
    await run(agent, '¿Qué ves?', { images: [jpeg] });
    expect(llm.requests[0]?.model).toBe('qwen2.5vl:7b');
    expect(llm.requests[0]?.tools).toBeUndefined();
    expect(llm.requests[0]?.messages.at(-1)?.images).toEqual([jpeg]);
  });
});

describe('photos with inspect_packaging registered', () => {
  const seen: { attachments: readonly { base64: string }[] | undefined }[] = [];
  const inspect = defineTool({
    name: 'inspect_packaging',
    description: 'Inspects the attached photos.',
    input: z.object({ photo: z.number().int().min(1).optional(), sku: z.string().optional() }),
    output: z.object({ photos: z.number() }),
    execute: (_input, context) => {
      seen.push({ attachments: context.attachments });
      return { photos: context.attachments?.length ?? 0 };
    },
    toModelOutput: (output) => ({ photos: output.photos }),
  });

  it('sends the photo to the chat model with the tools and a note, and the tool reads the attachment', async () => {
    seen.length = 0;
    const { agent, llm } = setup(
      [
        { toolCalls: [{ name: 'inspect_packaging', arguments: { sku: 'QUI-500' } }] },
        { chunks: ['Revisé 1 foto.'] },
      ],
      {},
      [inspect],
    );
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]).toString('base64');
    const { events } = await run(agent, 'Revisa esta lata', { images: [jpeg] });
    // Wrong model or missing tools: the photo would be judged by the vision model's eye alone.
    expect(llm.requests[0]?.model).toBe('qwen3:8b');
    expect(llm.requests[0]?.tools?.map((tool) => tool.name)).toEqual(['inspect_packaging']);
    expect(llm.requests[0]?.messages.at(-1)?.images).toBeUndefined();
    expect(llm.requests[0]?.messages.at(-1)?.content).toContain('inspect it as photo 1');
    // The tool must see this message's photo, or it has nothing to inspect.
    expect(seen[0]?.attachments).toEqual([{ base64: jpeg }]);
    expect(types(events)).toContain('tool-result');
  });

  it('/inspect without a photo asks for one instead of running the tool', async () => {
    const { agent } = setup([], {}, [inspect]);
    const { events } = await run(agent, '/inspect QUI-500');
    expect(types(events)).not.toContain('tool-call');
    expect(JSON.stringify(events)).toContain('attach a photo');
  });

  it('/inspect with a photo runs inspect_packaging on it without the model', async () => {
    seen.length = 0;
    const { agent, llm } = setup([], {}, [inspect]);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 7]).toString('base64');
    const { events } = await run(agent, '/inspect QUI-500', { images: [jpeg] });
    expect(llm.requests).toHaveLength(0);
    expect(events.find((event) => event.type === 'tool-call')).toMatchObject({
      name: 'inspect_packaging',
      args: { sku: 'QUI-500' },
    });
    expect(seen[0]?.attachments).toHaveLength(1);
  });
});

describe('slash commands run a tool without the model', () => {
  it('/forecast runs forecast_demand with the product, horizon and grain; the model is never called', async () => {
    const { agent, llm } = setup([]);
    const { events } = await run(agent, '/forecast Quinoa blanca 500 g 4 semanas');
    expect(llm.requests).toHaveLength(0);
    expect(events.find((event) => event.type === 'tool-call')).toMatchObject({
      name: 'forecast_demand',
      args: { product: 'Quinoa blanca 500 g', horizon: 4, grain: 'week' },
    });
    expect(types(events)).toContain('tool-result');
    expect(last(events)).toMatchObject({
      type: 'run-end',
      outcome: 'answered',
      usage: { model: null },
    });
  });

  it('/anomalies with a location name scopes by location; /help lists what works; a command whose tool is not installed says so', async () => {
    const { agent } = setup(
      [],
      {},
      registeredTools.filter((tool) => tool.name !== 'inspect_packaging'),
    );
    const anomalies = await run(agent, '/anomalies Lima DC Callao');
    expect(anomalies.events.find((event) => event.type === 'tool-call')).toMatchObject({
      args: { location: 'Lima DC Callao' },
    });
    const help = await run(agent, '/help');
    expect(last(help.events)).toMatchObject({
      message: expect.stringContaining('/forecast <product>'),
    });
    const inspect = await run(agent, '/inspect');
    expect(last(inspect.events)).toMatchObject({
      message: expect.stringContaining('not available in this version'),
    });
  });

  it('an unknown product answers with the tool error instead of a forecast', async () => {
    const { agent } = setup([]);
    const { events } = await run(agent, '/forecast chocolate amargo');
    expect(types(events)).toContain('tool-error');
    expect(last(events)).toMatchObject({
      type: 'run-end',
      message: expect.stringContaining('/forecast:'),
    });
  });
});

describe('reasoning inside the content', () => {
  it('streams <think> text as thinking-delta and keeps it out of the answer and its grounding', async () => {
    const { agent, store: openStore } = setup([
      { chunks: ['<think>El usuario quiere 123.456 ', 'unidades</think>', 'Hola, ¿en qué ayudo?'] },
    ]);
    const { events, conversationId } = await run(agent, 'hola');
    expect(
      events
        .filter((event) => event.type === 'thinking-delta')
        .map((event) => event.type === 'thinking-delta' && event.text)
        .join(''),
    ).toBe('El usuario quiere 123.456 unidades');
    expect(last(events)).toMatchObject({
      type: 'run-end',
      message: 'Hola, ¿en qué ayudo?',
      ungrounded: [],
    });
    expect(openStore.conversations.messages(conversationId).at(-1)).toMatchObject({
      content: 'Hola, ¿en qué ayudo?',
      thinking: 'El usuario quiere 123.456 unidades',
    });
  });
});
