// What the agent needs, passed in by main.ts (or a test): the model, the tools, the store's
// conversation log, a clock, a logger and metrics. The agent reads no env, disk or clock itself.
import type { AnyTool, ToolContext } from '../../tools/index';
import type { LlmClient } from '../llm/llm-client';
import type { Metrics } from '../metrics/metrics';
import type {
  StoredMessage,
  StoredRun,
  StoredToolCall,
} from '../store/repositories/conversation-rows';

/** The conversation methods the agent uses (assistant/store/repositories/conversations.ts). */
export interface ConversationLog {
  create(input: { id?: string; title: string; now: string }): { id: string };
  get(id: string): { id: string; title: string } | undefined;
  appendMessage(conversationId: string, message: LoggedMessage): { seq: number };
  messages(
    conversationId: string,
    options?: { afterSeq?: number },
  ): (LoggedMessage & { seq: number })[];
  recordToolCall(conversationId: string, call: LoggedToolCall): void;
  recordRun(run: LoggedRun): void;
  setSummary(conversationId: string, summary: { text: string; throughSeq: number }): void;
  summary(conversationId: string): { text: string; throughSeq: number } | undefined;
  putImage(bytes: Uint8Array, mime: string): string;
  /** Runs `work` in one store transaction (one commit; nothing kept when it throws). */
  inTransaction<T>(work: () => T): T;
}

/** The store's conversation records, as the agent writes them. */
export type LoggedMessage = Omit<StoredMessage, 'seq'>;
export type LoggedToolCall = StoredToolCall;
export type LoggedRun = StoredRun;

export interface AgentLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
  debug(fields: Record<string, unknown>, message: string): void;
}

export interface AgentOptions {
  /** model turns that may call tools; then the model must answer (default 6) */
  maxSteps: number;
  /** tool calls with an unknown name or invalid arguments the model may repair (default 3) */
  maxRepairs: number;
  /** per tool call (default 120 s) */
  toolTimeoutMs: number;
  /** the chat model's context window, as sent in num_ctx (default 16384) */
  numCtx: number;
  /** largest tool summary sent to the model, in characters (default 12,000) */
  maxToolOutputChars: number;
  companyName: string;
  /** agent-system prompt version; default the latest */
  promptVersion?: number;
  temperature?: number;
}

export interface AgentDeps {
  llm: LlmClient;
  models: { chat: string; vision: string };
  tools: readonly AnyTool[];
  /** a ToolContext whose signal is the given one (the run's stop and the call's timeout) */
  toolContext(signal: AbortSignal): ToolContext;
  conversations: ConversationLog;
  clock: () => Date;
  logger: AgentLogger;
  metrics?: Metrics;
  options?: Partial<AgentOptions>;
  /** run and tool-call ids; default crypto.randomUUID */
  newId?: () => string;
}

export const defaultAgentOptions: AgentOptions = {
  maxSteps: 6,
  maxRepairs: 3,
  toolTimeoutMs: 120_000,
  numCtx: 16_384,
  maxToolOutputChars: 12_000,
  companyName: 'Ayni Demo Foods',
};
