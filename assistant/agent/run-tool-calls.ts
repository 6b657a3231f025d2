// Runs the tool calls of one model turn concurrently (ARCHITECTURE.md 2): each with its own
// timeout and the run's stop signal, each reported to the UI (tool-call, then tool-result or
// tool-error), measured, logged in the conversation, and turned into the tool message the model
// reads next. Failures are data: the model sees the zod issues or the candidates and may repair.
import {
  runTool,
  type AnyTool,
  type JsonValue,
  type ToolContext,
  type ToolFailure,
} from '../../tools/index';
import type { LlmMessage, LlmToolCall } from '../llm/llm-client';
import type { Metrics } from '../metrics/metrics';
import type { StreamEvent, ToolErrorPayload } from '../protocol/events';
import type { LoggedToolCall } from './agent-deps';

export interface ToolCallRun {
  call: LlmToolCall;
  ok: boolean;
  /** the full structured result (ok) */
  result?: unknown;
  error?: ToolErrorPayload;
  ms: number;
  /** the tool message for the model */
  message: LlmMessage;
}

export interface RunToolCallsOptions {
  tools: readonly AnyTool[];
  toolContext(signal: AbortSignal): ToolContext;
  signal: AbortSignal;
  timeoutMs: number;
  maxOutputChars: number;
  runId: string;
  emit(event: StreamEvent): void;
  record(call: LoggedToolCall): void;
  metrics?: Metrics;
}

function payloadOf(failure: ToolFailure): ToolErrorPayload {
  return {
    kind: failure.kind,
    message: failure.message,
    ...(failure.field === undefined ? {} : { field: failure.field }),
    ...(failure.issues === undefined ? {} : { issues: failure.issues }),
    ...(failure.candidates === undefined ? {} : { candidates: failure.candidates }),
  };
}

const repairHints: Partial<Record<ToolErrorPayload['kind'], string>> = {
  unknown_tool: 'Call one of the listed tools instead.',
  invalid_input: 'Fix the arguments named in issues and call the tool again.',
  ambiguous: 'Ask the user which of the candidates they mean; do not choose one yourself.',
  not_found: 'Tell the user it was not found and offer the closest candidates, if any.',
  timeout: 'Tell the user the tool took too long; suggest a narrower question.',
};

/** The model's copy of a result: compact, and cut (with a note) past the character budget. */
function modelContent(
  value: JsonValue | { error: ToolErrorPayload; hint?: string },
  maxChars: number,
): string {
  const text = JSON.stringify(value);
  if (text.length <= maxChars) return text;
  return JSON.stringify({
    truncated: `the result had ${text.length} characters; the first ${maxChars} follow. Ask a narrower question for the rest.`,
    partial: text.slice(0, maxChars),
  });
}

async function runOne(call: LlmToolCall, options: RunToolCallsOptions): Promise<ToolCallRun> {
  options.emit({ type: 'tool-call', id: call.id, name: call.name, args: call.arguments });
  const started = performance.now();
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  // A tool that ignores its signal must not hold the run: race it against the signal.
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  let error: ToolErrorPayload | undefined;
  let result: unknown;
  let modelOutput: JsonValue | undefined;
  try {
    const outcome = await Promise.race([
      runTool(call.name, call.arguments, options.toolContext(signal), options.tools),
      aborted,
    ]);
    if (outcome.ok) {
      result = outcome.result;
      modelOutput = outcome.modelOutput;
    } else {
      error = payloadOf(outcome.error);
    }
  } catch {
    error =
      timeout.aborted && !options.signal.aborted
        ? {
            kind: 'timeout',
            message: `${call.name} did not finish within ${Math.round(options.timeoutMs / 1000)} s`,
          }
        : { kind: 'aborted', message: 'the tool call was cancelled' };
  }
  aborted.catch(() => undefined);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const outcomeLabel = error ? 'error' : 'ok';
  options.metrics?.toolDuration.observe(
    { tool: metricToolName(call.name, options.tools), outcome: outcomeLabel },
    ms / 1000,
  );
  options.metrics?.toolCalls.inc({
    tool: metricToolName(call.name, options.tools),
    outcome: outcomeLabel,
  });
  if (error) options.emit({ type: 'tool-error', id: call.id, name: call.name, error, ms });
  else options.emit({ type: 'tool-result', id: call.id, name: call.name, result, ms });
  options.record({
    id: call.id,
    runId: options.runId,
    name: call.name,
    args: call.arguments,
    ...(error ? { error } : { result }),
    ms,
    outcome: outcomeLabel,
  });
  const hint = error ? repairHints[error.kind] : undefined;
  const content = modelContent(
    error ? { error, ...(hint ? { hint } : {}) } : (modelOutput as JsonValue),
    options.maxOutputChars,
  );
  return {
    call,
    ok: !error,
    ...(error ? { error } : { result }),
    ms,
    message: { role: 'tool', content, toolName: call.name },
  };
}

/** Metric labels stay bounded: a tool name the model invented counts as "unknown". */
function metricToolName(name: string, tools: readonly AnyTool[]): string {
  return tools.some((tool) => tool.name === name) ? name : 'unknown';
}

/** Runs every call at once; results come back in the calls' order. */
export function runToolCalls(
  calls: readonly LlmToolCall[],
  options: RunToolCallsOptions,
): Promise<ToolCallRun[]> {
  return Promise.all(calls.map((call) => runOne(call, options)));
}
