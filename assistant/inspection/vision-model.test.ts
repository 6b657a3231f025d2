import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from '../../test/support/fake-ollama';
import { createOllamaClient } from '../llm/ollama-client';
import { askVisionModel } from '../../tools/inspection/ask-vision-model';
import { createVisionModel, packagingVisionPrompt } from './vision-model';

const visionModelName = 'qwen2.5vl:7b';
const photoBase64 = Buffer.from('not really a jpeg, the fake server does not decode it').toString(
  'base64',
);
const validAnswer = JSON.stringify({
  defects: [{ type: 'dent', location: 'lid, upper left', severity: 'major' }],
  legibleText: 'Quinoa blanca 500 g',
  bestBefore: '2027-03-01',
  lotCode: 'L2411',
  confidence: 0.8,
});

let ollama: FakeOllama | undefined;
afterEach(async () => {
  await ollama?.close();
  ollama = undefined;
});

async function visionOverHttp() {
  ollama = await startFakeOllama({ kind: 'models', names: [visionModelName] });
  const llm = createOllamaClient({
    host: ollama.url,
    numCtx: 8192,
    keepAlive: '5m',
    retryDelayMs: () => 5,
  });
  return { server: ollama, vision: createVisionModel(llm, visionModelName) };
}

interface SentBody {
  model: string;
  format?: Record<string, unknown>;
  options?: { temperature?: number };
  messages: { role: string; content: string; images?: string[] }[];
}

const ask = (vision: ReturnType<typeof createVisionModel>) =>
  askVisionModel(vision, {
    imageBase64: photoBase64,
    product: 'GRA-005 Quinoa blanca 500 g',
    lot: 'L2411',
    signal: new AbortController().signal,
  });

describe('createVisionModel over the Ollama protocol', () => {
  it('sends the answer schema as format, the photo as base64 in images, temperature 0 and the packaging prompt (else the model answers free text or varies)', async () => {
    const { server, vision } = await visionOverHttp();
    server.reply('/api/chat', { kind: 'chat', content: validAnswer });
    const outcome = await ask(vision);
    expect(outcome.status).toBe('ok');
    const [body] = server.bodies('/api/chat') as SentBody[];
    expect(body?.model).toBe(visionModelName);
    expect(body?.options?.temperature).toBe(0);
    const format = body?.format as {
      type: string;
      required: string[];
      properties: Record<string, { items?: { properties?: { type?: { enum?: string[] } } } }>;
    };
    expect(format.type).toBe('object');
    expect(format.required).toEqual(
      expect.arrayContaining(['defects', 'legibleText', 'bestBefore', 'lotCode', 'confidence']),
    );
    expect(format.properties.defects?.items?.properties?.type?.enum).toContain('seal_open');
    expect(body?.messages[0]).toMatchObject({
      role: 'system',
      content: packagingVisionPrompt.render({}),
    });
    expect(body?.messages[1]?.role).toBe('user');
    expect(body?.messages[1]?.images).toEqual([photoBase64]);
    expect(body?.messages[1]?.content).toContain('Expected product: GRA-005 Quinoa blanca 500 g.');
    if (outcome.status === 'ok') {
      expect(outcome.answer.defects[0]).toEqual({
        type: 'dent',
        location: 'lid, upper left',
        severity: 'major',
      });
      expect(outcome.answer.bestBefore).toBe('2027-03-01');
      expect(outcome.attempts).toBe(1);
      expect(outcome.model).toBe(visionModelName);
    }
  });

  it('retries once after malformed JSON and uses the valid second answer (else one bad token loses the answer)', async () => {
    const { server, vision } = await visionOverHttp();
    server.reply(
      '/api/chat',
      { kind: 'chat', content: '{"defects": [{"type": "dent",' },
      { kind: 'chat', content: validAnswer },
    );
    const outcome = await ask(vision);
    expect(outcome.status).toBe('ok');
    expect(outcome.attempts).toBe(2);
    const bodies = server.bodies('/api/chat') as SentBody[];
    expect(bodies).toHaveLength(2);
    expect(bodies[1]?.messages[1]?.content).toMatch(/previous answer was not valid JSON/);
  });

  it('reports "model output unusable" after two malformed answers and never guesses (else a half answer would become a verdict)', async () => {
    const { server, vision } = await visionOverHttp();
    server.reply(
      '/api/chat',
      { kind: 'chat', content: 'The can looks dented.' },
      { kind: 'chat', content: '{"defects": "none"}' },
    );
    const outcome = await ask(vision);
    expect(outcome.status).toBe('unusable');
    if (outcome.status === 'unusable') {
      expect(outcome.problem).toMatch(
        /^model output unusable: qwen2\.5vl:7b answered JSON that does not fit the schema \(defects/,
      );
      expect(outcome.attempts).toBe(2);
    }
    expect(server.bodies('/api/chat')).toHaveLength(2);
  });

  it('reports an unreachable or missing model as unavailable instead of throwing (else the deterministic verdict is lost too)', async () => {
    const { server, vision } = await visionOverHttp();
    server.reply('/api/chat', {
      kind: 'http',
      status: 404,
      error: `model "${visionModelName}" not found, try pulling it first`,
    });
    const outcome = await ask(vision);
    expect(outcome.status).toBe('unavailable');
    if (outcome.status === 'unavailable') expect(outcome.problem).toMatch(/did not answer/);
  });

  it('refuses an empty model name naming the setting', () => {
    const llm = createOllamaClient({ host: 'http://127.0.0.1:1', numCtx: 2048, keepAlive: '1m' });
    expect(() => createVisionModel(llm, ' ')).toThrow(/AYNI_VISION_MODEL/);
  });
});
