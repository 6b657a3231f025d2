import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  applyEvents,
  beginSend,
  currentAnswer,
  dropLastExchange,
  isRunning,
  requestStop,
} from './reducer';
import {
  answerText,
  emptyChat,
  type AssistantTurn,
  type ChatState,
  type SocketEvent,
} from './types';

const usage = (overrides: Partial<Extract<SocketEvent, { type: 'run-end' }>['usage']> = {}) => ({
  inputTokens: 100,
  outputTokens: 40,
  steps: 2,
  model: 'qwen3:8b',
  promptVersion: 'chat@1',
  ms: 3000,
  ...overrides,
});

const runEnd = (
  message: string,
  extra: Partial<Extract<SocketEvent, { type: 'run-end' }>> = {},
): SocketEvent => ({
  type: 'run-end',
  runId: 'r1',
  message,
  usage: usage(),
  outcome: 'answered',
  ungrounded: [],
  citations: [],
  ...extra,
});

const last = (state: ChatState) => state.turns.at(-1) as AssistantTurn;

function started(): ChatState {
  const sent = beginSend(emptyChat(), { text: '¿Ventas de quinoa?' }, 1000);
  return applyEvent(sent, { type: 'run-start', conversationId: 'c1', runId: 'r1' }, 1010);
}

describe('applyEvent', () => {
  it('adds the user message and a waiting answer on send (else the page shows nothing until the first token)', () => {
    const state = beginSend(emptyChat(), { text: 'hola' }, 5);
    expect(state.turns.map((turn) => turn.role)).toEqual(['user', 'assistant']);
    expect(last(state).status).toBe('waiting');
    expect(isRunning(state)).toBe(true);
  });

  it('takes the conversation and run ids from run-start (else follow-ups start a new conversation and Stop has no run)', () => {
    const state = started();
    expect(state.conversationId).toBe('c1');
    expect(state.activeRunId).toBe('r1');
    expect(last(state).status).toBe('streaming');
  });

  it('appends text deltas to one text part and keeps tool calls in order between texts (else the answer is scrambled)', () => {
    const state = applyEvents(started(), [
      { type: 'text-delta', text: 'Voy a ' },
      { type: 'text-delta', text: 'consultar.' },
      { type: 'tool-call', id: 'call1', name: 'query_sales', args: { product: 'QUI-500' } },
      { type: 'tool-result', id: 'call1', name: 'query_sales', result: { total: 5 }, ms: 12 },
      { type: 'text-delta', text: 'Vendió 5.' },
    ]);
    const answer = last(state);
    expect(answer.parts).toEqual([
      { kind: 'text', text: 'Voy a consultar.' },
      { kind: 'tool', callId: 'call1' },
      { kind: 'text', text: 'Vendió 5.' },
    ]);
    expect(answer.toolCalls[0]).toMatchObject({ status: 'ok', result: { total: 5 }, ms: 12 });
  });

  it('shows a running tool call, then its error with candidates (else a failing call looks like it hangs)', () => {
    let state = applyEvent(started(), {
      type: 'tool-call',
      id: 'a',
      name: 'forecast_demand',
      args: { product: 'quinua' },
    });
    expect(last(state).toolCalls[0]?.status).toBe('running');
    state = applyEvent(state, {
      type: 'tool-error',
      id: 'a',
      name: 'forecast_demand',
      error: {
        kind: 'ambiguous',
        message: 'two products match',
        candidates: [{ code: 'QUI-500', name: 'Quinoa 500 g' }],
      },
      ms: 3,
    });
    expect(last(state).toolCalls[0]).toMatchObject({
      status: 'error',
      ms: 3,
      error: { kind: 'ambiguous' },
    });
  });

  it('on run-end keeps the answer, ungrounded figures, citations and details with client-measured TTFT and tokens/s', () => {
    let state = applyEvent(started(), { type: 'text-delta', text: 'Vendió 1,250 unidades.' }, 1500);
    state = applyEvent(
      state,
      runEnd('Vendió 1,250 unidades.', {
        ungrounded: [{ text: '1,250', value: 1250 }],
        citations: [{ document: 'policies.md', heading: 'FEFO', lineStart: 3, lineEnd: 9 }],
      }),
      3500,
    );
    const answer = last(state);
    expect(answer.status).toBe('done');
    expect(answerText(answer)).toBe('Vendió 1,250 unidades.');
    expect(answer.ungrounded).toEqual([{ text: '1,250', value: 1250 }]);
    expect(answer.citations).toHaveLength(1);
    expect(answer.details).toMatchObject({
      model: 'qwen3:8b',
      timeToFirstTokenMs: 500,
      tokensPerSecond: 20,
    });
    expect(state.activeRunId).toBeUndefined();
    expect(isRunning(state)).toBe(false);
  });

  it('replaces the streamed tail when run-end carries a different final message (else the page differs from what was stored)', () => {
    let state = applyEvents(started(), [
      { type: 'tool-call', id: 'a', name: 'query_sales', args: {} },
      { type: 'tool-result', id: 'a', name: 'query_sales', result: {}, ms: 1 },
      { type: 'text-delta', text: 'borrador' },
    ]);
    state = applyEvent(state, runEnd('Respuesta final'));
    expect(last(state).parts).toEqual([
      { kind: 'tool', callId: 'a' },
      { kind: 'text', text: 'Respuesta final' },
    ]);
  });

  it('marks a stopped run stopped and keeps its partial text (else Stop loses what was written)', () => {
    let state = applyEvent(started(), { type: 'text-delta', text: 'parcial' });
    state = applyEvent(state, runEnd('parcial', { outcome: 'stopped' }));
    expect(last(state).status).toBe('stopped');
    expect(answerText(last(state))).toBe('parcial');
  });

  it('shows an error event on the waiting answer, also before run-start (else a missing model fails silently)', () => {
    const sent = beginSend(emptyChat(), { text: 'hola' });
    const state = applyEvent(sent, {
      type: 'error',
      code: 'model_missing',
      message: 'run `ollama pull qwen3:8b`',
    });
    expect(last(state).status).toBe('failed');
    expect(last(state).error).toEqual({
      code: 'model_missing',
      message: 'run `ollama pull qwen3:8b`',
    });
  });

  it('collects warnings (else a truncated context is not shown)', () => {
    const state = applyEvent(started(), {
      type: 'warning',
      runId: 'r1',
      code: 'truncated',
      message: 'older messages left out',
    });
    expect(last(state).warnings).toEqual([
      { code: 'truncated', message: 'older messages left out' },
    ]);
  });

  it('ignores events of another run and events when nothing runs (else a stale run writes into the new answer)', () => {
    const state = started();
    expect(applyEvent(state, { type: 'text-delta', runId: 'old', text: 'x' })).toBe(state);
    const done = applyEvent(state, runEnd(''));
    expect(applyEvent(done, { type: 'text-delta', runId: 'r1', text: 'late' })).toBe(done);
  });

  it('remembers a stop asked for before run-start, and only while running (else an early Stop is lost)', () => {
    const sent = beginSend(emptyChat(), { text: 'hola' });
    expect(requestStop(sent).stopRequested).toBe(true);
    expect(requestStop(emptyChat()).stopRequested).toBe(false);
  });

  it('marks calls still running when the run ends as errors (else their cards spin forever)', () => {
    let state = applyEvent(started(), {
      type: 'tool-call',
      id: 'a',
      name: 'query_sales',
      args: {},
    });
    state = applyEvent(state, runEnd('', { outcome: 'stopped' }));
    expect(last(state).toolCalls[0]?.status).toBe('error');
    expect(currentAnswer(state)).toBeUndefined();
  });
});

describe('dropLastExchange (regenerate, edit-and-resend)', () => {
  it('removes the last user message and the answers after it, keeps the earlier exchange (else the replaced answer stays on the page)', () => {
    let state = beginSend(emptyChat('c1'), { text: 'uno' }, 0);
    state = applyEvent(state, { type: 'run-start', conversationId: 'c1', runId: 'r1' }, 1);
    state = applyEvent(state, runEnd('primera'), 2);
    state = beginSend(state, { text: 'dos' }, 3);
    const dropped = dropLastExchange(state);
    expect(dropped.turns.map((turn) => turn.role)).toEqual(['user', 'assistant']);
    expect(dropped.turns[0]).toEqual(expect.objectContaining({ text: 'uno' }));
    expect(dropped.conversationId).toBe('c1');
    expect(dropLastExchange(emptyChat())).toEqual(emptyChat());
  });
});
