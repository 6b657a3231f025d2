// The test server is only useful if it speaks Ollama's protocol: these check the wire shapes
// the client and the end-to-end tests rely on, with a plain fetch.
import { afterEach, describe, expect, it } from 'vitest';
import { hashedEmbedding, startFakeOllama, type FakeOllama } from './fake-ollama';

let ollama: FakeOllama | undefined;
afterEach(async () => {
  await ollama?.close();
  ollama = undefined;
});

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', body: JSON.stringify(body) });

function cosine(a: number[], b: number[]): number {
  return a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
}

describe('the Ollama-protocol test server', () => {
  it("streams /api/chat as application/x-ndjson chunks shaped like Ollama's, ending with the counts", async () => {
    ollama = await startFakeOllama({ kind: 'models', names: ['qwen3:8b'] });
    ollama.reply('/api/chat', { kind: 'chat', content: 'Hola mundo', promptEvalCount: 42 });
    const response = await post(`${ollama.url}/api/chat`, {
      model: 'qwen3:8b',
      messages: [{ role: 'user', content: 'hola' }],
    });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({
      model: 'qwen3:8b',
      created_at: expect.any(String),
      message: { role: 'assistant', content: 'Hola ' },
      done: false,
    });
    expect(Object.keys(lines[2]!).sort()).toEqual(
      [
        'model',
        'created_at',
        'message',
        'done_reason',
        'done',
        'total_duration',
        'load_duration',
        'prompt_eval_count',
        'prompt_eval_duration',
        'eval_count',
        'eval_duration',
      ].sort(),
    );
    expect(lines[2]).toMatchObject({ done: true, done_reason: 'stop', prompt_eval_count: 42 });
  });

  it('answers stream:false with one object carrying the whole message and tool calls', async () => {
    ollama = await startFakeOllama({ kind: 'models', names: ['qwen3:8b'] });
    ollama.reply('/api/chat', {
      kind: 'chat',
      toolCalls: [{ name: 'query_sales', arguments: { sku: 'QUI-500' } }],
    });
    const body = (await (
      await post(`${ollama.url}/api/chat`, {
        model: 'qwen3:8b',
        stream: false,
        messages: [{ role: 'user', content: 'ventas' }],
      })
    ).json()) as { done: boolean; message: unknown };
    expect(body.done).toBe(true);
    expect(body.message).toEqual({
      role: 'assistant',
      content: '',
      tool_calls: [{ function: { index: 0, name: 'query_sales', arguments: { sku: 'QUI-500' } } }],
    });
  });

  it("loads on empty messages, and answers Ollama's 404 and 400 error bodies", async () => {
    ollama = await startFakeOllama({ kind: 'models', names: ['gemma:2b'] });
    const load = await post(`${ollama.url}/api/chat`, { model: 'gemma:2b', messages: [] });
    expect(await load.json()).toMatchObject({ done: true, done_reason: 'load' });
    const missing = await post(`${ollama.url}/api/chat`, { model: 'x', messages: [] });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'model "x" not found, try pulling it first' });
    const tools = await post(`${ollama.url}/api/chat`, {
      model: 'gemma:2b',
      messages: [{ role: 'user', content: 'hola' }],
      tools: [{ type: 'function', function: { name: 'f' } }],
    });
    expect(tools.status).toBe(400);
    expect(await tools.json()).toEqual({
      error: 'registry.ollama.ai/library/gemma:2b does not support tools',
    });
  });

  it('embeds with /api/embed shape; word-sharing texts are nearer than unrelated ones', async () => {
    ollama = await startFakeOllama({ kind: 'models', names: ['bge-m3'] });
    const response = await post(`${ollama.url}/api/embed`, {
      model: 'bge-m3',
      input: ['quinua blanca', 'Quinua Blanca'],
    });
    const body = (await response.json()) as { embeddings: number[][]; prompt_eval_count: number };
    expect(Object.keys(body).sort()).toEqual(
      ['embeddings', 'load_duration', 'model', 'prompt_eval_count', 'total_duration'].sort(),
    );
    expect(body.embeddings[0]).toEqual(body.embeddings[1]);
    expect(Math.hypot(...body.embeddings[0]!)).toBeCloseTo(1, 12);
    const query = hashedEmbedding('stock de quinua en Arequipa');
    const near = hashedEmbedding('quinua en Arequipa, stock bajo');
    const far = hashedEmbedding('política de vencimientos de lácteos');
    expect(cosine(query, near)).toBeGreaterThan(cosine(query, far) + 0.3);
  });
});
