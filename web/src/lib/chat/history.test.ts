import { describe, expect, it } from 'vitest';
import { fromHistory, type ConversationDetail } from './history';
import { answerText, type AssistantTurn } from './types';

const detail: ConversationDetail = {
  id: 'c1',
  title: 'Quinoa',
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:01:00Z',
  messageCount: 6,
  messages: [
    { seq: 1, runId: 'r1', role: 'user', content: '¿Ventas de quinoa?' },
    {
      seq: 2,
      runId: 'r1',
      role: 'assistant',
      content: '',
      toolCalls: [{ id: 'k1', name: 'query_sales', arguments: { product: 'QUI-500' } }],
    },
    { seq: 3, runId: 'r1', role: 'tool', content: '{"total":5}' },
    { seq: 4, runId: 'r1', role: 'assistant', content: 'Vendió 5 y 9,999.' },
    { seq: 5, runId: 'r2', role: 'user', content: '/forecast GRA-005' },
    { seq: 6, runId: 'r2', role: 'assistant', content: 'Pronóstico listo.' },
  ],
  toolCalls: [
    {
      id: 'k1',
      runId: 'r1',
      name: 'query_sales',
      args: { product: 'QUI-500' },
      result: { total: 5 },
      ms: 8,
      outcome: 'ok',
    },
    {
      id: 'k2',
      runId: 'r2',
      name: 'forecast_demand',
      args: { product: 'GRA-005' },
      error: { kind: 'failed', message: 'no data' },
      ms: 4,
      outcome: 'error',
    },
  ],
  runs: [
    {
      runId: 'r1',
      model: 'qwen3:8b',
      outcome: 'answered',
      inputTokens: 50,
      outputTokens: 20,
      ms: 2000,
      ungrounded: [{ text: '9,999', value: 9999 }],
    },
    {
      runId: 'r2',
      model: null,
      outcome: 'answered',
      inputTokens: 0,
      outputTokens: 0,
      ms: 30,
      ungrounded: [],
    },
  ],
};

describe('fromHistory', () => {
  it('rebuilds one answer per run with its tool cards, text, details and ungrounded marks (else a reloaded conversation loses them)', () => {
    const state = fromHistory(detail);
    expect(state.conversationId).toBe('c1');
    expect(state.turns.map((turn) => turn.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    const first = state.turns[1] as AssistantTurn;
    expect(first.parts).toEqual([
      { kind: 'tool', callId: 'k1' },
      { kind: 'text', text: 'Vendió 5 y 9,999.' },
    ]);
    expect(first.toolCalls[0]).toMatchObject({ status: 'ok', result: { total: 5 }, ms: 8 });
    expect(first.ungrounded).toEqual([{ text: '9,999', value: 9999 }]);
    expect(first.details).toMatchObject({
      model: 'qwen3:8b',
      tokensPerSecond: 10,
      toolsUsed: ['query_sales'],
    });
  });

  it('puts tool calls no assistant message lists (slash commands) first in their run, with the error (else the card disappears on reload)', () => {
    const second = fromHistory(detail).turns[3] as AssistantTurn;
    expect(second.parts[0]).toEqual({ kind: 'tool', callId: 'k2' });
    expect(second.toolCalls[0]).toMatchObject({ status: 'error', error: { message: 'no data' } });
    expect(answerText(second)).toBe('Pronóstico listo.');
    expect(second.details?.tokensPerSecond).toBeNull();
  });

  it('shows a failed run without any assistant message as a failed answer (else the question looks unanswered)', () => {
    const state = fromHistory({
      ...detail,
      messages: [{ seq: 1, runId: 'r9', role: 'user', content: 'hola' }],
      toolCalls: [],
      runs: [
        {
          runId: 'r9',
          model: 'qwen3:8b',
          outcome: 'failed',
          inputTokens: 0,
          outputTokens: 0,
          ms: 5,
          ungrounded: null,
        },
      ],
    });
    expect(state.turns.map((turn) => turn.role)).toEqual(['user', 'assistant']);
    expect((state.turns[1] as AssistantTurn).status).toBe('failed');
  });
});

describe('fromHistory: stored seq and photos of user messages', () => {
  it('keeps each user message its seq and image hashes (else regenerate cannot cut there and reloaded photos vanish)', () => {
    const state = fromHistory({
      ...detail,
      messages: [
        { seq: 7, runId: null, role: 'user', content: 'revisa', imageHashes: ['a1', 'b2'] },
        { seq: 8, runId: null, role: 'user', content: 'sin foto' },
      ],
      runs: [],
      toolCalls: [],
    });
    expect(state.turns).toEqual([
      expect.objectContaining({ role: 'user', seq: 7, imageHashes: ['a1', 'b2'], images: [] }),
      expect.objectContaining({ role: 'user', seq: 8, images: [] }),
    ]);
    expect(state.turns[1]).not.toHaveProperty('imageHashes');
  });
});
