// The conversation types callers see, the SQLite rows behind them, and the mapping between the two.
import type {
  ConversationSummary,
  StoredMessage,
  StoredRun,
  StoredToolCall,
} from '../../protocol/conversations';
import { fromJson } from './conversation-checks';

export type {
  ConversationSummary,
  StoredMessage,
  StoredRun,
  StoredToolCall,
} from '../../protocol/conversations';

export interface ConversationRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  message_count: number;
}

export interface MessageRow {
  seq: number;
  run_id: string | null;
  role: StoredMessage['role'];
  content: string;
  thinking: string | null;
  tool_calls: string | null;
  tool_call_id: string | null;
  tool_name: string | null;
  model: string | null;
  prompt_version: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  created_at: string;
}

export interface ToolCallRow {
  call_id: string;
  run_id: string;
  name: string;
  args: string | null;
  result: string | null;
  error: string | null;
  ms: number;
  outcome: StoredToolCall['outcome'];
}

export interface RunRow {
  run_id: string;
  conversation_id: string;
  model: string | null;
  prompt_version: string | null;
  outcome: StoredRun['outcome'];
  steps: number;
  input_tokens: number;
  output_tokens: number;
  ms: number;
  ungrounded: string | null;
  started_at: string;
}

export function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    messageCount: row.message_count,
  };
}

/** The optional fields are left out (not set to undefined) when the column is NULL. */
export function toMessage(row: MessageRow, imageHashes: string[] | undefined): StoredMessage {
  const message: StoredMessage = {
    seq: row.seq,
    runId: row.run_id,
    role: row.role,
    content: row.content,
    createdAt: row.created_at,
  };
  if (row.thinking !== null) message.thinking = row.thinking;
  if (imageHashes && imageHashes.length > 0) message.imageHashes = imageHashes;
  if (row.tool_calls !== null)
    message.toolCalls = fromJson(row.tool_calls) as NonNullable<StoredMessage['toolCalls']>;
  if (row.tool_call_id !== null) message.toolCallId = row.tool_call_id;
  if (row.tool_name !== null) message.toolName = row.tool_name;
  if (row.model !== null) message.model = row.model;
  if (row.prompt_version !== null) message.promptVersion = row.prompt_version;
  if (row.input_tokens !== null) message.inputTokens = row.input_tokens;
  if (row.output_tokens !== null) message.outputTokens = row.output_tokens;
  return message;
}

export function toToolCall(row: ToolCallRow): StoredToolCall {
  const call: StoredToolCall = {
    id: row.call_id,
    runId: row.run_id,
    name: row.name,
    args: fromJson(row.args),
    ms: row.ms,
    outcome: row.outcome,
  };
  if (row.result !== null) call.result = fromJson(row.result);
  if (row.error !== null) call.error = fromJson(row.error);
  return call;
}

export function toRun(row: RunRow): StoredRun {
  return {
    runId: row.run_id,
    conversationId: row.conversation_id,
    model: row.model,
    promptVersion: row.prompt_version,
    outcome: row.outcome,
    steps: row.steps,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    ms: row.ms,
    ungrounded: fromJson(row.ungrounded),
    startedAt: row.started_at,
  };
}
