// The tool loop of one run (issue 7): ask the model; run the calls it makes, concurrently; give
// it the results; repeat up to maxSteps turns, then make it answer without tools. Invalid or
// unknown calls go back to it as data, a bounded number of times. An empty reply with tokens
// counted is a dropped tool call: retried once with a reminder.
import { describeTools } from '../../tools/index';
import type { LlmMessage, LlmToolSpec } from '../llm/llm-client';
import type { AgentDeps, AgentOptions } from './agent-deps';
import { modelTurn } from './model-turn';
import type { RunOutcome, RunState } from './run-state';
import { runLoggedToolCalls } from './run-logged-tool-calls';

export const emptyReplyReminder =
  'Your last reply was empty. If you meant to call a tool, call it now with valid arguments; otherwise answer the user.';
export const stepLimitReminder =
  'You have used all the tool calls this question allows. Answer now from the tool results above, and say what you could not find out.';
export const repairLimitReminder =
  'Several tool calls failed. Do not call tools again: answer from what you have and tell the user what failed.';

export interface LoopResult {
  outcome: RunOutcome;
  answer: string;
}

// JSON Schemas are derived once per tool list, not on every run.
const specsByTools = new WeakMap<readonly unknown[], LlmToolSpec[]>();

function toolSpecs(deps: AgentDeps): LlmToolSpec[] {
  let specs = specsByTools.get(deps.tools);
  if (!specs) {
    specs = describeTools(deps.tools).map((tool) => ({
      name: tool.name,
      description: tool.description,
      parameters: tool.inputSchema,
    }));
    specsByTools.set(deps.tools, specs);
  }
  return specs;
}

export async function runAgentLoop(
  deps: AgentDeps,
  options: AgentOptions,
  state: RunState,
  model: string,
  initial: readonly LlmMessage[],
): Promise<LoopResult> {
  const messages: LlmMessage[] = [...initial];
  const specs = toolSpecs(deps);
  const now = () => deps.clock().toISOString();
  let toolTurns = 0;
  let repairs = 0;
  let retriedEmpty = false;
  let reminded = false;
  for (;;) {
    const offerTools =
      specs.length > 0 && toolTurns < options.maxSteps && repairs < options.maxRepairs;
    if (!offerTools && !reminded && toolTurns > 0) {
      messages.push({
        role: 'user',
        content: repairs >= options.maxRepairs ? repairLimitReminder : stepLimitReminder,
      });
      reminded = true;
    }
    const result = await modelTurn({
      llm: deps.llm,
      model,
      messages,
      tools: offerTools ? specs : undefined,
      numCtx: options.numCtx,
      temperature: options.temperature,
      signal: state.controller.signal,
      emit: state.emit,
      partial: state.partial,
    });
    state.steps += 1;
    state.inputTokens += result.usage.inputTokens;
    state.outputTokens += result.usage.outputTokens;
    const { content, thinking, toolCalls } = result.message;

    if (offerTools && toolCalls.length > 0) {
      const assistant: LlmMessage = { role: 'assistant', content, toolCalls };
      messages.push(assistant);
      deps.conversations.appendMessage(state.conversationId, {
        runId: state.runId,
        role: 'assistant',
        content,
        ...(thinking ? { thinking } : {}),
        toolCalls,
        model,
        ...(state.promptVersion ? { promptVersion: state.promptVersion } : {}),
        inputTokens: result.usage.inputTokens,
        outputTokens: result.usage.outputTokens,
        createdAt: now(),
      });
      toolTurns += 1;
      const runs = await runLoggedToolCalls(deps, options, state, toolCalls);
      for (const run of runs) {
        messages.push(run.message);
        if (run.error?.kind === 'unknown_tool' || run.error?.kind === 'invalid_input') repairs += 1;
      }
      continue;
    }

    if (content.trim() === '' && result.usage.outputTokens > 0 && !retriedEmpty) {
      retriedEmpty = true;
      deps.logger.warn(
        { runId: state.runId, outputTokens: result.usage.outputTokens },
        'empty reply with tokens counted: retrying once with a reminder',
      );
      messages.push({ role: 'user', content: emptyReplyReminder });
      continue;
    }

    deps.conversations.appendMessage(state.conversationId, {
      runId: state.runId,
      role: 'assistant',
      content,
      ...(thinking ? { thinking } : {}),
      model,
      ...(state.promptVersion ? { promptVersion: state.promptVersion } : {}),
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      createdAt: now(),
    });
    return { outcome: reminded ? 'step_limit' : 'answered', answer: content };
  }
}
