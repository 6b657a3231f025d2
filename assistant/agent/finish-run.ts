// The end of a run: grounding check, citations, the run-end event, the run's record and metrics.
import type { Citation, StreamEvent } from '../protocol/events';
import type { AgentDeps } from './agent-deps';
import { findUngroundedFigures } from './grounding';
import type { RunOutcome, RunState, ToolResultRecord } from './run-state';

interface PassageLike {
  document: string;
  heading: string;
  lineStart: number;
  lineEnd: number;
}

function isPassage(value: unknown): value is PassageLike {
  if (value === null || typeof value !== 'object') return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.document === 'string' &&
    typeof item.heading === 'string' &&
    typeof item.lineStart === 'number' &&
    typeof item.lineEnd === 'number'
  );
}

/** Passages search_knowledge returned; those the answer cites, or all of them when it cites none. */
export function citationsOf(answer: string, toolResults: readonly ToolResultRecord[]): Citation[] {
  const passages: Citation[] = [];
  for (const record of toolResults) {
    if (record.name !== 'search_knowledge') continue;
    const list = (record.result as { passages?: unknown } | null)?.passages;
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isPassage(item)) continue;
      const citation = {
        document: item.document,
        heading: item.heading,
        lineStart: item.lineStart,
        lineEnd: item.lineEnd,
      };
      if (
        !passages.some(
          (known) => known.document === citation.document && known.lineStart === citation.lineStart,
        )
      )
        passages.push(citation);
    }
  }
  const cited = passages.filter((passage) => answer.includes(passage.document));
  return cited.length > 0 ? cited : passages;
}

export function finishRun(
  deps: AgentDeps,
  state: RunState,
  outcome: RunOutcome,
  message: string,
): void {
  const ungrounded =
    state.model === null
      ? []
      : findUngroundedFigures(message, {
          sources: state.toolResults.map((record) => [record.args, record.result]),
          userText: state.userText,
        });
  const ms = Math.round(performance.now() - state.startedMs);
  const event: StreamEvent = {
    type: 'run-end',
    message,
    usage: {
      inputTokens: state.inputTokens,
      outputTokens: state.outputTokens,
      steps: state.steps,
      model: state.model,
      promptVersion: state.promptVersion,
      ms,
    },
    outcome,
    ungrounded,
    citations: citationsOf(message, state.toolResults),
  };
  if (ungrounded.length > 0) {
    deps.logger.warn(
      { runId: state.runId, ungrounded },
      'the answer has figures no tool result contains',
    );
  }
  recordRun(deps, state, outcome, ungrounded, ms);
  state.emit(event);
}

export function recordRun(
  deps: AgentDeps,
  state: RunState,
  outcome: RunOutcome,
  ungrounded: unknown,
  ms = Math.round(performance.now() - state.startedMs),
): void {
  deps.metrics?.agentSteps.observe({ outcome }, state.steps);
  deps.metrics?.agentRunDuration.observe({ outcome }, ms / 1000);
  try {
    deps.conversations.recordRun({
      runId: state.runId,
      conversationId: state.conversationId,
      model: state.model,
      promptVersion: state.promptVersion,
      outcome,
      steps: state.steps,
      inputTokens: state.inputTokens,
      outputTokens: state.outputTokens,
      ms,
      ungrounded,
      startedAt: state.startedAt,
    });
  } catch (error) {
    deps.logger.error({ err: error, runId: state.runId }, 'could not record the run');
  }
}
