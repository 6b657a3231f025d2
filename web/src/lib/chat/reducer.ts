// The pure reducer of the chat: applyEvent(state, event) folds one stream event into the visible
// state; beginSend adds the user's message and a waiting answer. No I/O, no clock (times are passed).
import {
  answerText,
  type AnswerDetails,
  type AssistantTurn,
  type ChatState,
  type ImageAttachment,
  type SocketEvent,
  type ToolCallView,
  type Turn,
} from './types';

function newAnswer(key: string, sentAt: number | undefined): AssistantTurn {
  return {
    role: 'assistant',
    key,
    runId: undefined,
    status: 'waiting',
    parts: [],
    toolCalls: [],
    thinking: '',
    warnings: [],
    error: undefined,
    ungrounded: [],
    citations: [],
    details: undefined,
    sentAt,
    firstTokenAt: undefined,
  };
}

/** Adds the user's message and a waiting answer (the socket then streams the run into it). */
export function beginSend(
  state: ChatState,
  message: { text: string; images?: ImageAttachment[] },
  at?: number,
): ChatState {
  const userKey = `t${state.nextKey}`;
  const answerKey = `t${state.nextKey + 1}`;
  return {
    ...state,
    turns: [
      ...state.turns,
      { role: 'user', key: userKey, text: message.text, images: message.images ?? [] },
      newAnswer(answerKey, at),
    ],
    activeRunId: undefined,
    stopRequested: false,
    nextKey: state.nextKey + 2,
  };
}

/** Notes that the user asked to stop before the run had an id (sent on run-start). */
export function requestStop(state: ChatState): ChatState {
  return isRunning(state) ? { ...state, stopRequested: true } : state;
}

/** The answer being produced, if any (the last turn while it waits or streams). */
export function currentAnswer(state: ChatState): AssistantTurn | undefined {
  const last = state.turns.at(-1);
  return last?.role === 'assistant' && (last.status === 'waiting' || last.status === 'streaming')
    ? last
    : undefined;
}

export function isRunning(state: ChatState): boolean {
  return currentAnswer(state) !== undefined;
}

function replaceLast(state: ChatState, turn: AssistantTurn): ChatState {
  const turns: Turn[] = state.turns.slice(0, -1);
  turns.push(turn);
  return { ...state, turns };
}

function appendText(turn: AssistantTurn, text: string): AssistantTurn['parts'] {
  const parts = turn.parts.slice();
  const last = parts.at(-1);
  if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + text };
  else parts.push({ kind: 'text', text });
  return parts;
}

function updateCall(
  turn: AssistantTurn,
  id: string,
  update: (call: ToolCallView) => ToolCallView,
): ToolCallView[] {
  return turn.toolCalls.map((call) => (call.id === id ? update(call) : call));
}

/** The final answer as sent: the streamed text is kept unless it does not end with it. */
function settleText(turn: AssistantTurn, message: string): AssistantTurn['parts'] {
  if (message === '' || answerText(turn).endsWith(message)) return turn.parts;
  const lastTool = turn.parts.map((part) => part.kind).lastIndexOf('tool');
  return [...turn.parts.slice(0, lastTool + 1), { kind: 'text', text: message }];
}

function detailsOf(
  turn: AssistantTurn,
  event: Extract<SocketEvent, { type: 'run-end' }>,
  at: number | undefined,
): AnswerDetails {
  const { usage } = event;
  const streamingMs =
    turn.firstTokenAt !== undefined && at !== undefined ? at - turn.firstTokenAt : undefined;
  const seconds =
    streamingMs !== undefined && streamingMs > 0 ? streamingMs / 1000 : usage.ms / 1000;
  return {
    model: usage.model,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    tokensPerSecond:
      usage.model !== null && usage.outputTokens > 0 && seconds > 0
        ? usage.outputTokens / seconds
        : null,
    timeToFirstTokenMs:
      turn.sentAt !== undefined && turn.firstTokenAt !== undefined
        ? turn.firstTokenAt - turn.sentAt
        : null,
    ms: usage.ms,
    toolsUsed: [...new Set(turn.toolCalls.map((call) => call.name))],
  };
}

function applyToAnswer(
  turn: AssistantTurn,
  event: SocketEvent,
  at: number | undefined,
): AssistantTurn {
  switch (event.type) {
    case 'run-start':
      return { ...turn, runId: event.runId, status: 'streaming' };
    case 'text-delta':
    case 'thinking-delta': {
      const first = turn.firstTokenAt ?? at;
      const streaming = { ...turn, status: 'streaming' as const, firstTokenAt: first };
      return event.type === 'text-delta'
        ? { ...streaming, parts: appendText(turn, event.text) }
        : { ...streaming, thinking: turn.thinking + event.text };
    }
    case 'tool-call':
      if (turn.toolCalls.some((call) => call.id === event.id)) return turn;
      return {
        ...turn,
        status: 'streaming',
        parts: [...turn.parts, { kind: 'tool', callId: event.id }],
        toolCalls: [
          ...turn.toolCalls,
          { id: event.id, name: event.name, args: event.args, status: 'running' },
        ],
      };
    case 'tool-result':
    case 'tool-error': {
      const known = turn.toolCalls.some((call) => call.id === event.id);
      const base = known
        ? turn
        : applyToAnswer(turn, { type: 'tool-call', id: event.id, name: event.name, args: {} }, at);
      return {
        ...base,
        toolCalls: updateCall(base, event.id, (call) =>
          event.type === 'tool-result'
            ? { ...call, status: 'ok', result: event.result, ms: event.ms }
            : { ...call, status: 'error', error: event.error, ms: event.ms },
        ),
      };
    }
    case 'warning':
      return {
        ...turn,
        warnings: [...turn.warnings, { code: event.code, message: event.message }],
      };
    case 'run-end':
      return {
        ...turn,
        status: event.outcome === 'answered' ? 'done' : event.outcome,
        parts: settleText(turn, event.message),
        // calls the run ended before answering were cut off
        toolCalls: turn.toolCalls.map((call) =>
          call.status === 'running' ? { ...call, status: 'error' as const } : call,
        ),
        ungrounded: event.ungrounded,
        citations: event.citations,
        details: detailsOf(turn, event, at),
      };
    case 'error':
      return {
        ...turn,
        status: 'failed',
        error: { code: event.code, message: event.message },
        toolCalls: turn.toolCalls.map((call) =>
          call.status === 'running' ? { ...call, status: 'error' as const } : call,
        ),
      };
  }
}

/**
 * Folds one event into the state. Events of another run than the one streamed are ignored (a run
 * from before a reload); an error outside a run fails the waiting answer, or is dropped when none.
 */
export function applyEvent(state: ChatState, event: SocketEvent, at?: number): ChatState {
  const answer = currentAnswer(state);
  if (!answer) return state;
  if (
    event.runId !== undefined &&
    state.activeRunId !== undefined &&
    event.runId !== state.activeRunId
  )
    return state;
  const next = replaceLast(state, applyToAnswer(answer, event, at));
  if (event.type === 'run-start') {
    return { ...next, conversationId: event.conversationId, activeRunId: event.runId };
  }
  if (event.type === 'run-end' || event.type === 'error') {
    return { ...next, activeRunId: undefined, stopRequested: false };
  }
  return next;
}

/** Folds a batch of events (one animation frame's worth) in order. */
export function applyEvents(
  state: ChatState,
  events: readonly SocketEvent[],
  at?: number,
): ChatState {
  let next = state;
  for (const event of events) next = applyEvent(next, event, at);
  return next;
}

/** The last user message, for regenerate and edit-and-resend. */
export function lastUserTurn(state: ChatState): Extract<Turn, { role: 'user' }> | undefined {
  for (let index = state.turns.length - 1; index >= 0; index -= 1) {
    const turn = state.turns[index];
    if (turn?.role === 'user') return turn;
  }
  return undefined;
}

/** The state without the last exchange (the last user message and what followed it). */
export function dropLastExchange(state: ChatState): ChatState {
  for (let index = state.turns.length - 1; index >= 0; index -= 1) {
    if (state.turns[index]?.role === 'user')
      return { ...state, turns: state.turns.slice(0, index) };
  }
  return state;
}
