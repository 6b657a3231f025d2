// Turns the agent's stream events of one run into the CaseOutput every assertion scores.
import type { StreamEvent } from '../../assistant/protocol/events';
import type { CaseOutput, ObservedToolCall } from '../case-result';

export interface EventCollector {
  /** the agent's emit callback */
  emit(event: StreamEvent): void;
  /** the output once the run is done; `modelMs` comes from the model client wrapper */
  finish(modelMs: number, replayMiss?: string): CaseOutput;
}

/** `startedAt` is performance.now() when the message was handed to the agent. */
export function collectEvents(userMessage: string, startedAt: number): EventCollector {
  const events: StreamEvent[] = [];
  const calls = new Map<string, ObservedToolCall>();
  const order: ObservedToolCall[] = [];
  let firstOutputAt: number | undefined;
  let endedAt: number | undefined;

  return {
    emit(event) {
      events.push(event);
      const now = performance.now();
      switch (event.type) {
        case 'text-delta':
        case 'tool-call':
          firstOutputAt ??= now;
          break;
        case 'run-end':
        case 'error':
          endedAt ??= now;
          break;
      }
      if (event.type === 'tool-call') {
        const call: ObservedToolCall = {
          id: event.id,
          name: event.name,
          args:
            event.args !== null && typeof event.args === 'object'
              ? (event.args as Record<string, unknown>)
              : {},
          ms: 0,
        };
        calls.set(event.id, call);
        order.push(call);
      } else if (event.type === 'tool-result' || event.type === 'tool-error') {
        let call = calls.get(event.id);
        if (!call) {
          call = { id: event.id, name: event.name, args: {}, ms: 0 };
          calls.set(event.id, call);
          order.push(call);
        }
        call.ms = event.ms;
        if (event.type === 'tool-result') call.result = event.result;
        else call.error = event.error;
      }
    },

    finish(modelMs, replayMiss) {
      const end = events.findLast((event) => event.type === 'run-end');
      const failure = events.findLast((event) => event.type === 'error');
      const latencyMs = (endedAt ?? performance.now()) - startedAt;
      const outcome: CaseOutput['outcome'] = end?.type === 'run-end' ? end.outcome : 'error';
      const errorMessage =
        replayMiss ??
        (failure?.type === 'error'
          ? `${failure.code}: ${failure.message}`
          : end === undefined
            ? 'the run ended without a run-end event'
            : undefined);
      return {
        output: end?.type === 'run-end' ? end.message : '',
        outcome,
        ...(errorMessage !== undefined ? { errorMessage } : {}),
        toolCalls: order,
        steps: end?.type === 'run-end' ? end.usage.steps : 0,
        latencyMs,
        ttftMs: firstOutputAt === undefined ? null : firstOutputAt - startedAt,
        modelMs,
        inputTokens: end?.type === 'run-end' ? end.usage.inputTokens : 0,
        outputTokens: end?.type === 'run-end' ? end.usage.outputTokens : 0,
        ungrounded: end?.type === 'run-end' ? end.ungrounded : [],
        citations: end?.type === 'run-end' ? end.citations : [],
        userMessage,
        events,
      };
    },
  };
}
