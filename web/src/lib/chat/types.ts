// The chat's visible state: what the page shows, built from stream events (reducer.ts) and from a
// stored conversation (history.ts). Types of the wire come from assistant/protocol (type-only).
import type {
  Citation,
  StreamEvent,
  ToolErrorPayload,
  UngroundedFigure,
} from '../../../../assistant/protocol/index';

export type { Citation, StreamEvent, ToolErrorPayload, UngroundedFigure };

/** A stream event as the socket delivers it (events of a run carry its id). */
export type SocketEvent = StreamEvent & { runId?: string };

export interface ToolCallView {
  id: string;
  name: string;
  args: unknown;
  status: 'running' | 'ok' | 'error';
  result?: unknown;
  error?: ToolErrorPayload;
  ms?: number;
}

/** The answer in order: text and tool calls as the model produced them. */
export type AnswerPart = { kind: 'text'; text: string } | { kind: 'tool'; callId: string };

export interface AnswerDetails {
  model: string | null;
  outputTokens: number;
  inputTokens: number;
  /** output tokens per second of streaming, when measurable */
  tokensPerSecond: number | null;
  /** ms from send to the first token, measured in the browser (live answers only) */
  timeToFirstTokenMs: number | null;
  /** wall time of the run, ms (server) */
  ms: number;
  toolsUsed: string[];
}

export type AnswerStatus = 'waiting' | 'streaming' | 'done' | 'stopped' | 'step_limit' | 'failed';

export interface UserTurn {
  role: 'user';
  key: string;
  text: string;
  /** base64 without a data: prefix (live messages only: the server keeps stored images by hash) */
  images: ImageAttachment[];
  /** the stored message's seq (reloaded messages; live ones learn it from the server when needed) */
  seq?: number;
  /** hashes of the stored photos (reloaded messages: GET /api/conversations/:id/images/:hash) */
  imageHashes?: string[];
}

export interface ImageAttachment {
  base64: string;
  mimeType: string;
  name: string;
}

export interface AssistantTurn {
  role: 'assistant';
  key: string;
  runId: string | undefined;
  status: AnswerStatus;
  parts: AnswerPart[];
  toolCalls: ToolCallView[];
  thinking: string;
  warnings: { code: string; message: string }[];
  error: { code: string; message: string } | undefined;
  ungrounded: UngroundedFigure[];
  citations: Citation[];
  details: AnswerDetails | undefined;
  /** browser clock (ms) when the message was sent and when the first token came */
  sentAt: number | undefined;
  firstTokenAt: number | undefined;
}

export type Turn = UserTurn | AssistantTurn;

export interface ChatState {
  conversationId: string | undefined;
  turns: Turn[];
  /** the run being streamed, once run-start came */
  activeRunId: string | undefined;
  /** a stop was asked for before run-start named the run */
  stopRequested: boolean;
  /** the counter behind turn keys */
  nextKey: number;
}

export const emptyChat = (conversationId?: string): ChatState => ({
  conversationId,
  turns: [],
  activeRunId: undefined,
  stopRequested: false,
  nextKey: 1,
});

/** The answer text of a turn (its text parts joined). */
export function answerText(turn: AssistantTurn): string {
  return turn.parts
    .filter((part): part is { kind: 'text'; text: string } => part.kind === 'text')
    .map((part) => part.text)
    .join('');
}
