import { afterEach, describe, expect, it } from 'vitest';
import { closedPortUrl, startFakeOllama, type FakeOllama } from '../../test/support/fake-ollama';
import { normaliseModelName, probeOllama } from './ollama-status';

const models = { chat: 'qwen3:8b', vision: 'qwen2.5vl:7b', embed: 'bge-m3' };

let ollama: FakeOllama | undefined;
afterEach(async () => {
  await ollama?.close();
  ollama = undefined;
});

describe('normaliseModelName', () => {
  it('treats a name without a tag as :latest, also behind a registry host with a port', () => {
    expect(normaliseModelName('bge-m3')).toBe('bge-m3:latest');
    expect(normaliseModelName('qwen3:8b')).toBe('qwen3:8b');
    expect(normaliseModelName('localhost:5000/team/model')).toBe(
      'localhost:5000/team/model:latest',
    );
    expect(normaliseModelName('localhost:5000/team/model:q4')).toBe('localhost:5000/team/model:q4');
  });
});

describe('probeOllama against an HTTP server that answers like Ollama', () => {
  it('reports every role present when /api/tags lists them (untagged config = :latest)', async () => {
    ollama = await startFakeOllama({
      kind: 'models',
      names: ['qwen3:8b', 'qwen2.5vl:7b', 'bge-m3:latest', 'llama3.2:latest'],
    });
    const status = await probeOllama({ host: `${ollama.url}/`, models });
    expect(ollama.requests.slice(0, 1)).toEqual(['GET /api/tags']);
    expect(status).toMatchObject({ ok: true, reachable: true, host: ollama.url });
    expect(status.models.embed).toEqual({
      name: 'bge-m3',
      present: true,
      needs: 'embedding',
      capabilities: ['embedding'],
      capable: true,
    });
    expect(status.models.chat.fix).toBeUndefined();
  });

  it('asks /api/show once per present model and checks tools, vision and embedding per role', async () => {
    ollama = await startFakeOllama({
      kind: 'models',
      models: [
        { name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'] },
        { name: 'qwen2.5vl:7b', capabilities: ['completion', 'vision'] },
        { name: 'bge-m3:latest', capabilities: ['embedding'] },
      ],
    });
    const status = await probeOllama({ host: ollama.url, models });
    expect(status.ok).toBe(true);
    expect(ollama.bodies('/api/show')).toHaveLength(3);
    expect(ollama.bodies('/api/show')).toContainEqual({ model: 'qwen2.5vl:7b' });
    const sameModel = await probeOllama({
      host: ollama.url,
      models: { chat: 'qwen3:8b', vision: 'qwen3:8b', embed: 'bge-m3' },
    });
    expect(ollama.bodies('/api/show')).toHaveLength(5);
    expect(sameModel.models.vision).toMatchObject({ capable: false, needs: 'vision' });
  });

  it('names the fix when a present model lacks its capability, and is not ok', async () => {
    ollama = await startFakeOllama({
      kind: 'models',
      models: [
        { name: 'qwen3:8b', capabilities: ['completion'] },
        { name: 'qwen2.5vl:7b', capabilities: ['completion', 'vision'] },
        { name: 'bge-m3', capabilities: ['completion'] },
      ],
    });
    const status = await probeOllama({ host: ollama.url, models });
    expect(status.ok).toBe(false);
    expect(status.reachable).toBe(true);
    expect(status.models.chat).toMatchObject({ present: true, capable: false });
    expect(status.models.chat.fix).toBe(
      'qwen3:8b lacks the tools capability: set AYNI_CHAT_MODEL to a model that has it, e.g. qwen3:8b / llama3.1:8b',
    );
    expect(status.models.embed.fix).toContain('set AYNI_EMBED_MODEL');
    expect(status.models.vision.fix).toBeUndefined();
    expect(status.message).toContain('qwen3:8b lacks the tools capability');
  });

  it('cannot tell (capable null, still ok) when /api/show fails or lists no capabilities', async () => {
    ollama = await startFakeOllama({
      kind: 'models',
      names: ['qwen3:8b', 'qwen2.5vl:7b', 'bge-m3'],
    });
    ollama.reply('/api/show', { kind: 'http', status: 500, error: 'boom' });
    ollama.reply('/api/show', { kind: 'raw', status: 200, body: '{"modelfile": ""}' });
    const status = await probeOllama({ host: ollama.url, models });
    const unknown = Object.values(status.models).filter((model) => model.capable === null);
    expect(unknown).toHaveLength(2);
    expect(status.ok).toBe(true);
  });

  it('names the exact ollama pull for each missing model and stays reachable', async () => {
    ollama = await startFakeOllama({ kind: 'models', names: ['qwen3:8b', 'qwen3:14b'] });
    const status = await probeOllama({ host: ollama.url, models });
    expect(status.ok).toBe(false);
    expect(status.reachable).toBe(true);
    expect(status.models.chat).toMatchObject({ name: 'qwen3:8b', present: true, capable: true });
    expect(status.models.chat.fix).toBeUndefined();
    expect(status.models.vision).toEqual({
      name: 'qwen2.5vl:7b',
      present: false,
      fix: 'ollama pull qwen2.5vl:7b',
    });
    expect(status.models.embed.fix).toBe('ollama pull bge-m3');
    expect(status.message).toContain('"ollama pull qwen2.5vl:7b"');
    expect(status.message).toContain('"ollama pull bge-m3"');
  });

  it('does not count a different tag of the same model as present', async () => {
    ollama = await startFakeOllama({ kind: 'models', names: ['qwen3:14b', 'bge-m3:567m'] });
    const status = await probeOllama({ host: ollama.url, models });
    expect(status.models.chat.present).toBe(false);
    expect(status.models.embed.present).toBe(false);
  });

  it('says how to install and start Ollama when the connection is refused', async () => {
    const host = await closedPortUrl();
    const status = await probeOllama({ host, models });
    expect(status).toMatchObject({ ok: false, reachable: false, host });
    expect(status.message).toBe(
      `Ollama is not reachable at ${host}: install it from https://ollama.com and run "ollama serve"`,
    );
    expect(status.models.chat).toEqual({ name: 'qwen3:8b', present: null });
  });

  it('gives up after the timeout when Ollama accepts the connection but never answers', async () => {
    ollama = await startFakeOllama({ kind: 'hang' });
    const started = performance.now();
    const status = await probeOllama({ host: ollama.url, models, timeoutMs: 150 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(status.reachable).toBe(false);
    expect(status.message).toContain('did not answer within 150 ms');
  });

  it("passes on Ollama's own error text for an HTTP 500", async () => {
    ollama = await startFakeOllama({ kind: 'error', status: 500, error: 'disk is full' });
    const status = await probeOllama({ host: ollama.url, models });
    expect(status.reachable).toBe(false);
    expect(status.message).toBe(
      `Ollama at ${ollama.url} answered GET /api/tags with HTTP 500: disk is full`,
    );
  });

  it('explains that OLLAMA_HOST points at something else when the body is not the tags JSON', async () => {
    ollama = await startFakeOllama({ kind: 'raw', status: 200, body: '<html>router</html>' });
    const notJson = await probeOllama({ host: ollama.url, models });
    expect(notJson.reachable).toBe(false);
    expect(notJson.message).toContain('check that OLLAMA_HOST points at Ollama');
    ollama.behave({ kind: 'raw', status: 200, body: '{"tags": []}' });
    const wrongShape = await probeOllama({ host: ollama.url, models });
    expect(wrongShape.message).toContain('not with Ollama\'s {"models": [...]} list');
  });

  it("rethrows the caller's abort instead of reporting Ollama as down", async () => {
    ollama = await startFakeOllama({ kind: 'hang' });
    const controller = new AbortController();
    const pending = probeOllama({ host: ollama.url, models, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('shutting down')), 20);
    await expect(pending).rejects.toThrow('shutting down');
  });
});
