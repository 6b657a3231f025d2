// Conversations as the API returns them (GET /api/conversations, GET /api/conversations/:id) and
// as the store keeps them: defined once here, so the store, the server and the web app agree.

export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  messageCount: number;
}

export interface StoredToolCall {
  id: string;
  runId: string;
  name: string;
  args: unknown;
  result?: unknown;
  error?: unknown;
  ms: number;
  outcome: 'ok' | 'error';
}

export interface StoredMessage {
  /** 1, 2, ... within the conversation */
  seq: number;
  runId: string | null;
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  thinking?: string;
  /** sha256 hex of images stored with putImage */
  imageHashes?: string[];
  /** on assistant messages */
  toolCalls?: { id: string; name: string; arguments: Record<string, unknown> }[];
  /** on tool messages */
  toolCallId?: string;
  toolName?: string;
  model?: string;
  promptVersion?: string;
  inputTokens?: number;
  outputTokens?: number;
  /** ISO timestamp */
  createdAt: string;
}

export interface StoredRun {
  runId: string;
  conversationId: string;
  model: string | null;
  promptVersion: string | null;
  outcome: 'answered' | 'stopped' | 'step_limit' | 'failed';
  steps: number;
  inputTokens: number;
  outputTokens: number;
  ms: number;
  ungrounded: unknown;
  startedAt: string;
}

/** The body of GET /api/conversations/:id. */
export interface ConversationDetail extends ConversationSummary {
  messages: StoredMessage[];
  toolCalls: StoredToolCall[];
  runs: StoredRun[];
}
