// A stored conversation (GET /api/conversations/:id) as the chat's visible state: one user turn per
// user message, one answer per run with its text, tool calls (and results), details and marks.
import type { AnswerStatus, AssistantTurn, ChatState, ToolCallView, Turn } from './types';
import type { ToolErrorPayload, UngroundedFigure } from './types';
import type {
  ConversationSummary,
  StoredMessage,
  StoredRun,
  StoredToolCall,
} from '../../../../assistant/protocol/index';

/** What fromHistory reads of GET /api/conversations/:id's body (the protocol's ConversationDetail). */
export type ConversationDetail = ConversationSummary & {
  messages: Pick<
    StoredMessage,
    'seq' | 'runId' | 'role' | 'content' | 'thinking' | 'imageHashes' | 'toolCalls' | 'model'
  >[];
  toolCalls: StoredToolCall[];
  runs: Pick<
    StoredRun,
    'runId' | 'model' | 'outcome' | 'inputTokens' | 'outputTokens' | 'ms' | 'ungrounded'
  >[];
};

function isToolError(value: unknown): value is ToolErrorPayload {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

function ungroundedOf(value: unknown): UngroundedFigure[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is UngroundedFigure =>
      item !== null &&
      typeof item === 'object' &&
      typeof (item as { text?: unknown }).text === 'string' &&
      typeof (item as { value?: unknown }).value === 'number',
  );
}

function emptyAnswer(key: string, runId: string): AssistantTurn {
  return {
    role: 'assistant',
    key,
    runId,
    status: 'done',
    parts: [],
    toolCalls: [],
    thinking: '',
    warnings: [],
    error: undefined,
    ungrounded: [],
    citations: [],
    details: undefined,
    sentAt: undefined,
    firstTokenAt: undefined,
  };
}

function toolView(
  call: { id: string; name: string; arguments: Record<string, unknown> },
  stored: ConversationDetail['toolCalls'][number] | undefined,
): ToolCallView {
  const view: ToolCallView = {
    id: call.id,
    name: call.name,
    args: stored?.args ?? call.arguments,
    status: stored ? stored.outcome : 'error',
  };
  if (stored) view.ms = stored.ms;
  if (stored?.outcome === 'ok') view.result = stored.result;
  if (stored?.outcome === 'error' && isToolError(stored.error)) view.error = stored.error;
  return view;
}

function statusOf(outcome: ConversationDetail['runs'][number]['outcome']): AnswerStatus {
  return outcome === 'answered' ? 'done' : outcome;
}

/** The visible state of a stored conversation. */
export function fromHistory(detail: ConversationDetail): ChatState {
  const turns: Turn[] = [];
  const answers = new Map<string, AssistantTurn>();
  let key = 1;
  const callsById = new Map(detail.toolCalls.map((call) => [call.id, call]));
  const runsById = new Map(detail.runs.map((run) => [run.runId, run]));

  const answerFor = (runId: string): AssistantTurn => {
    let answer = answers.get(runId);
    if (!answer) {
      answer = emptyAnswer(`h${key++}`, runId);
      answers.set(runId, answer);
      turns.push(answer);
    }
    return answer;
  };

  for (const message of [...detail.messages].sort((a, b) => a.seq - b.seq)) {
    if (message.role === 'user') {
      turns.push({
        role: 'user',
        key: `h${key++}`,
        text: message.content,
        images: [],
        seq: message.seq,
        ...(message.imageHashes?.length ? { imageHashes: [...message.imageHashes] } : {}),
      });
      if (message.runId !== null && runsById.has(message.runId)) answerFor(message.runId);
      continue;
    }
    if (message.role !== 'assistant' || message.runId === null) continue;
    const answer = answerFor(message.runId);
    if (message.thinking) answer.thinking += message.thinking;
    if (message.content !== '') answer.parts.push({ kind: 'text', text: message.content });
    for (const call of message.toolCalls ?? []) {
      if (answer.toolCalls.some((known) => known.id === call.id)) continue;
      answer.parts.push({ kind: 'tool', callId: call.id });
      answer.toolCalls.push(toolView(call, callsById.get(call.id)));
    }
  }

  // Calls no assistant message lists (a slash command runs its tool without the model) go first.
  const listed = new Set(
    [...answers.values()].flatMap((answer) => answer.toolCalls.map((call) => call.id)),
  );
  const unlisted = detail.toolCalls.filter(
    (call) => !listed.has(call.id) && answers.has(call.runId),
  );
  for (const call of unlisted.reverse()) {
    const answer = answers.get(call.runId) as AssistantTurn;
    answer.parts.unshift({ kind: 'tool', callId: call.id });
    answer.toolCalls.unshift(toolView({ id: call.id, name: call.name, arguments: {} }, call));
  }

  for (const [runId, answer] of answers) {
    const run = runsById.get(runId);
    if (!run) continue;
    answer.status = statusOf(run.outcome);
    answer.ungrounded = ungroundedOf(run.ungrounded);
    answer.details = {
      model: run.model,
      inputTokens: run.inputTokens,
      outputTokens: run.outputTokens,
      tokensPerSecond:
        run.model !== null && run.outputTokens > 0 && run.ms > 0
          ? run.outputTokens / (run.ms / 1000)
          : null,
      timeToFirstTokenMs: null,
      ms: run.ms,
      toolsUsed: [...new Set(answer.toolCalls.map((call) => call.name))],
    };
  }

  return {
    conversationId: detail.id,
    turns,
    activeRunId: undefined,
    stopRequested: false,
    nextKey: key,
  };
}
