// One step of a run that executes tool calls (the model's, or a slash command's): run them
// concurrently, log each result as a tool message in the conversation, and keep the successful
// results for grounding and citations.
import type { LlmToolCall } from '../llm/llm-client';
import type { AgentDeps, AgentOptions } from './agent-deps';
import type { RunState } from './run-state';
import { runToolCalls, type ToolCallRun } from './run-tool-calls';

export async function runLoggedToolCalls(
  deps: AgentDeps,
  options: AgentOptions,
  state: RunState,
  calls: readonly LlmToolCall[],
): Promise<ToolCallRun[]> {
  const runs = await runToolCalls(calls, {
    tools: deps.tools,
    toolContext: deps.toolContext,
    signal: state.controller.signal,
    timeoutMs: options.toolTimeoutMs,
    maxOutputChars: options.maxToolOutputChars,
    runId: state.runId,
    emit: state.emit,
    record: (call) => deps.conversations.recordToolCall(state.conversationId, call),
    metrics: deps.metrics,
  });
  for (const run of runs) {
    deps.conversations.appendMessage(state.conversationId, {
      runId: state.runId,
      role: 'tool',
      content: run.message.content,
      toolCallId: run.call.id,
      toolName: run.call.name,
      createdAt: deps.clock().toISOString(),
    });
    if (run.ok) {
      state.toolResults.push({ name: run.call.name, args: run.call.arguments, result: run.result });
    }
  }
  if (state.controller.signal.aborted) throw state.controller.signal.reason;
  return runs;
}
