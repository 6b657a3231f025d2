// The promptfoo provider's callApi against the real server (startAgentServer: main.ts's wiring,
// real HTTP and SSE) backed by the Ollama-protocol test server; promptfoo itself is not needed.
import { afterEach, describe, expect, it } from 'vitest';
import { startAgentServer } from '../../test/support/agent-server';
import { startFakeOllama, type ChatBody } from '../../test/support/fake-ollama';
// @ts-expect-error -- plain JavaScript module without type declarations (promptfoo loads it as is)
import AyniProvider, { parseServerSentEvents } from './ayni-provider.mjs';

interface ProviderResponse {
  output?: string;
  error?: string;
  tokenUsage?: { total: number; prompt: number; completion: number };
  latencyMs?: number;
  metadata?: {
    toolCalls: {
      id: string;
      name: string;
      args: Record<string, unknown>;
      result?: unknown;
      error?: unknown;
      ms?: number;
    }[];
    steps: number;
    ungrounded: unknown[];
    citations: unknown[];
    conversationId: string;
    runId: string;
  };
}

interface Provider {
  id(): string;
  callApi(prompt: string, context?: unknown, options?: unknown): Promise<ProviderResponse>;
}
const createProvider = (options: unknown): Provider =>
  new (AyniProvider as new (options: unknown) => Provider)(options);

const models = [
  { name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'] },
  { name: 'qwen2.5vl:7b', capabilities: ['completion', 'vision'] },
  { name: 'bge-m3', capabilities: ['embedding'] },
];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(environment: Record<string, string> = {}) {
  const ollama = await startFakeOllama({ kind: 'models', models });
  cleanups.push(() => ollama.close());
  const app = await startAgentServer(ollama.url, { environment });
  cleanups.push(() => app.close());
  return { ollama, app };
}

const hasToolResult = (body: ChatBody) =>
  (body.messages ?? []).some((message) => message.role === 'tool');

describe('the promptfoo provider (eval/promptfoo/ayni-provider.mjs)', () => {
  it('returns the answer, the tool call with its result, token usage, steps and latency of a real run', async () => {
    const { ollama, app } = await setup();
    ollama.onChat((body) =>
      hasToolResult(body)
        ? {
            kind: 'chat',
            content: 'La quinoa vendió bien en Lima.',
            chunks: 3,
            evalCount: 9,
            promptEvalCount: 120,
          }
        : {
            kind: 'chat',
            toolCalls: [
              {
                name: 'query_sales',
                arguments: { product: 'QUI-500', location: 'Lima DC Callao' },
              },
            ],
            evalCount: 20,
            promptEvalCount: 100,
          },
    );
    const provider = createProvider({ id: 'ayni-local', config: { baseUrl: app.url } });
    expect(provider.id()).toBe('ayni-local');
    const response = await provider.callApi('¿Cuánta quinoa vendimos en Lima?', {
      vars: { message: '¿Cuánta quinoa vendimos en Lima?' },
    });
    expect(response.error, 'the run should have succeeded').toBeUndefined();
    expect(response.output).toBe('La quinoa vendió bien en Lima.');
    expect(response.tokenUsage).toEqual({ total: 249, prompt: 220, completion: 29 });
    expect(response.latencyMs).toBeGreaterThan(0);
    const calls = response.metadata?.toolCalls ?? [];
    expect(calls.map((call) => call.name)).toEqual(['query_sales']);
    expect(calls[0]?.args).toEqual({ product: 'QUI-500', location: 'Lima DC Callao' });
    expect(calls[0]?.result, 'the tool-result event was not joined to its call').toBeTypeOf(
      'object',
    );
    expect(calls[0]?.ms).toBeTypeOf('number');
    expect(response.metadata?.steps).toBe(2);
    expect(response.metadata?.conversationId).toMatch(/\S/);
    expect(response.metadata?.runId).toMatch(/\S/);
    expect(response.metadata?.ungrounded).toEqual([]);
  });

  it('sends the bearer token from AYNI_API_TOKEN, and a refused request is an { error } naming the status', async () => {
    const { ollama, app } = await setup({ AYNI_API_TOKEN: 'secret-token-for-tests' });
    ollama.onChat(() => ({ kind: 'chat', content: 'Hola, soy Ayni.' }));
    const provider = createProvider({ config: { baseUrl: app.url } });
    const saved = process.env.AYNI_API_TOKEN;
    try {
      delete process.env.AYNI_API_TOKEN;
      const refused = await provider.callApi('Hola');
      expect(refused.output).toBeUndefined();
      expect(refused.error).toMatch(/HTTP 401/);
      process.env.AYNI_API_TOKEN = 'secret-token-for-tests';
      const accepted = await provider.callApi('Hola');
      expect(accepted.error).toBeUndefined();
      expect(accepted.output).toBe('Hola, soy Ayni.');
    } finally {
      if (saved === undefined) delete process.env.AYNI_API_TOKEN;
      else process.env.AYNI_API_TOKEN = saved;
    }
  });

  it('a server error is an { error }: a message over the 20,000-character limit (HTTP 400) and a model failure inside the stream', async () => {
    const { ollama, app } = await setup();
    const provider = createProvider({ config: { baseUrl: app.url } });
    const invalid = await provider.callApi('x'.repeat(20_001));
    expect(invalid.error).toMatch(/HTTP 400/);
    ollama.onChat(() => ({ kind: 'http', status: 500, error: 'model runner crashed' }));
    const failed = await provider.callApi('Pronostica la quinoa');
    expect(failed.output).toBeUndefined();
    expect(failed.error).toMatch(/^the Ayni run failed: model_http: .*model runner crashed/);
  });

  it('a server that is not there is an { error } naming the URL', async () => {
    const provider = createProvider({ config: { baseUrl: 'http://127.0.0.1:9' } });
    const response = await provider.callApi('Hola');
    expect(response.error).toMatch(/cannot reach the Ayni server at http:\/\/127\.0\.0\.1:9/);
  });

  it('parses SSE records: event names, multi-line data, comments and CRLF', () => {
    const records = parseServerSentEvents(
      ': keep-alive\r\nevent: text-delta\r\ndata: {"text":"a"}\r\n\r\nevent: run-end\ndata: {"x":\ndata: 1}\n\n',
    );
    expect(records).toEqual([
      { event: 'text-delta', data: '{"text":"a"}' },
      { event: 'run-end', data: '{"x":\n1}' },
    ]);
  });
});
