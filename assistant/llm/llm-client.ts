// The model layer's contract (ARCHITECTURE.md 1, assistant/llm): what the agent, the tools that
// need a model (vision) and the knowledge index (embeddings) may ask of a language model. The
// Ollama implementation is ollama-client.ts; unit tests use a scripted implementation.
import type { LlmError } from './llm-errors';

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

/** One tool call the model asked for. `id` is ours when the model gives none (Ollama often does not). */
export interface LlmToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

export interface LlmMessage {
  role: ChatRole;
  content: string;
  /** the model's reasoning, when it thinks (kept so a resumed conversation sees it) */
  thinking?: string;
  /** base64 images (no data: prefix) for the vision model */
  images?: string[];
  /** assistant messages: the calls the model made */
  toolCalls?: LlmToolCall[];
  /** tool messages: which tool answered (Ollama's `tool_name`) */
  toolName?: string;
}

/** A tool as the model sees it: the JSON Schema comes from the tool's zod input schema. */
export interface LlmToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** What arrives while a chat streams; several fields may come in one chunk. */
export interface LlmChatChunk {
  content?: string;
  thinking?: string;
  toolCalls?: LlmToolCall[];
}

export interface LlmChatRequest {
  model: string;
  messages: readonly LlmMessage[];
  tools?: readonly LlmToolSpec[];
  /** Ollama's `format`: 'json' or a JSON Schema for structured output */
  format?: 'json' | Record<string, unknown>;
  /** Ollama's `think` (reasoning models); undefined leaves the model's default */
  think?: boolean;
  options?: { temperature?: number; seed?: number; num_ctx?: number; num_predict?: number };
  /** called for every streamed chunk, in order; the first call is the time to first token */
  onChunk?: (chunk: LlmChatChunk) => void;
  /** cancels the HTTP request (also mid-stream) */
  signal?: AbortSignal;
}

export interface LlmUsage {
  /** Ollama's prompt_eval_count */
  inputTokens: number;
  /** Ollama's eval_count */
  outputTokens: number;
  /** Ollama's total_duration, ms */
  totalMs?: number;
  /** Ollama's load_duration, ms (a cold model shows here) */
  loadMs?: number;
}

/** The prompt did not fit: Ollama silently drops the start of the prompt beyond num_ctx. */
export interface LlmTruncation {
  /** our estimate of the prompt's tokens */
  sentTokensEstimate: number;
  /** what Ollama says it evaluated */
  promptEvalCount: number;
  numCtx: number;
  message: string;
}

export interface LlmChatResult {
  model: string;
  /** the whole assistant message, accumulated over the stream */
  message: { content: string; thinking?: string; toolCalls: LlmToolCall[] };
  /** Ollama's done_reason: 'stop', 'length', 'load', ... */
  doneReason: string;
  usage: LlmUsage;
  /** ms from sending the request to the first chunk with content, thinking or a tool call */
  timeToFirstTokenMs?: number;
  truncation?: LlmTruncation;
}

export interface LlmEmbedRequest {
  model: string;
  input: readonly string[];
  signal?: AbortSignal;
}

export interface LlmEmbedResult {
  model: string;
  /** one vector per input, in order (Ollama returns them L2-normalised) */
  embeddings: number[][];
  inputTokens?: number;
}

export type ModelCapability = 'completion' | 'tools' | 'vision' | 'embedding' | 'thinking' | string;

export interface LlmModelInfo {
  name: string;
  capabilities: ModelCapability[];
  /** the model's trained context length, when /api/show says */
  contextLength?: number;
}

export interface LlmClient {
  /** Streams one chat turn; rejects with an LlmError (see llm-errors.ts). */
  chat(request: LlmChatRequest): Promise<LlmChatResult>;
  /** Embeds texts in batches; rejects with an LlmError. */
  embed(request: LlmEmbedRequest): Promise<LlmEmbedResult>;
  /** /api/show: capabilities and context length; rejects with LlmError (model_missing when not pulled). */
  show(model: string, signal?: AbortSignal): Promise<LlmModelInfo>;
}

export type { LlmError };
