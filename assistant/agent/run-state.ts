// What one run accumulates while it goes: ids, the stop signal, tokens, steps, tool results
// (for grounding and citations) and the answer streamed so far.
import type { StreamEvent } from '../protocol/events';

export interface ToolResultRecord {
  name: string;
  args: unknown;
  result: unknown;
}

export interface RunState {
  runId: string;
  conversationId: string;
  /** ISO time the run started */
  startedAt: string;
  startedMs: number;
  controller: AbortController;
  emit(event: StreamEvent): void;
  model: string | null;
  promptVersion: string | null;
  steps: number;
  inputTokens: number;
  outputTokens: number;
  toolResults: ToolResultRecord[];
  /** text streamed in the current model turn */
  partial: { text: string };
  /** what the user wrote in this conversation (figures they gave are grounded) */
  userText: string;
}

export type RunOutcome = 'answered' | 'stopped' | 'step_limit' | 'failed';
