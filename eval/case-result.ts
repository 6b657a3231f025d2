// What one run of one test case produced (issue 10): the runner fills it from the agent's stream
// events; every assertion scores it. Stored in run files, so it is plain JSON.
import type { Citation, StreamEvent, UngroundedFigure } from '../assistant/protocol/events';

export interface ObservedToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
  /** the structured result (tool-result), when the call succeeded */
  result?: unknown;
  /** the tool-error's error, when it failed */
  error?: unknown;
  ms: number;
}

export interface CaseOutput {
  /** the final answer's text (run-end message) */
  output: string;
  outcome: 'answered' | 'stopped' | 'step_limit' | 'failed' | 'error';
  /** the stream's `error` event message when the run failed */
  errorMessage?: string;
  toolCalls: ObservedToolCall[];
  steps: number;
  /** wall time of the whole run, ms */
  latencyMs: number;
  /** time from sending the message to the first text or tool-call event, ms */
  ttftMs: number | null;
  /** time spent waiting for the model (sum over the run's model turns), ms */
  modelMs: number;
  inputTokens: number;
  outputTokens: number;
  ungrounded: UngroundedFigure[];
  citations: Citation[];
  /** the user's message (the `language: user` assertion reads it) */
  userMessage: string;
  /** all stream events in order, for reports and debugging */
  events: StreamEvent[];
}

export interface AssertionOutcome {
  type: string;
  pass: boolean;
  /** 0..1 (promptfoo's score) */
  score: number;
  /** why it passed or failed, in one sentence with the observed value */
  reason: string;
  weight: number;
  metric?: string;
}

export interface CaseResult {
  caseId: string;
  description: string;
  /** provider id, e.g. 'ollama:chat:qwen3:8b' */
  provider: string;
  /** 'agent-system@2' */
  prompt: string;
  /** 0-based repeat index */
  repeat: number;
  pass: boolean;
  /** weighted mean of the assertions' scores */
  score: number;
  assertions: AssertionOutcome[];
  output: CaseOutput;
  tags: string[];
}
