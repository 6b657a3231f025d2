import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaClient } from '../assistant/llm/ollama-client';
import { startFakeOllama, type FakeOllama } from '../test/support/fake-ollama';
import { judgeOutput, judgeVerdictSchema, parseVerdict } from './judge';

let server: FakeOllama;
beforeAll(async () => {
  server = await startFakeOllama({ kind: 'models', names: ['judge:latest'] });
});
afterAll(() => server.close());

describe('judgeOutput over the Ollama protocol', () => {
  it('sends the verdict schema as format, temperature 0, no thinking, and reads the verdict', async () => {
    const llm = createOllamaClient({ host: server.url, numCtx: 4096, keepAlive: '1m', retries: 0 });
    server.reply('/api/chat', {
      kind: 'chat',
      content: '{"reason": "It asks which product", "pass": true, "score": 0.85}',
    });
    const verdict = await judgeOutput(
      { llm, model: 'judge:latest' },
      'Asks which product is meant',
      '¿Quinoa blanca o roja?',
      new AbortController().signal,
    );
    expect(verdict).toEqual({ pass: true, score: 0.85, reason: 'It asks which product' });
    const body = server.bodies('/api/chat').at(-1) as {
      format?: unknown;
      think?: boolean;
      options?: { temperature?: number };
      messages: { content: string }[];
    };
    expect(body.format).toEqual(judgeVerdictSchema);
    expect(body.think).toBe(false);
    expect(body.options?.temperature).toBe(0);
    expect(body.messages.at(-1)?.content).toContain('<output>\n¿Quinoa blanca o roja?\n</output>');
  });
});

describe('parseVerdict', () => {
  it('clamps the score to 0..1 and rejects answers missing pass or score, otherwise a broken judge passes cases', () => {
    expect(parseVerdict('{"pass": true, "score": 1.4, "reason": "x"}', 'm').score).toBe(1);
    expect(() => parseVerdict('{"pass": "yes", "score": 1}', 'm')).toThrow(
      /expected \{"pass": boolean/,
    );
    expect(() => parseVerdict('{"score": 1}', 'm')).toThrow(/judge m answered/);
    expect(() => parseVerdict('sí', 'm')).toThrow(/did not answer with JSON/);
  });
});
