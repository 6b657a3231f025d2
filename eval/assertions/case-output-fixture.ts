// Builds CaseOutput values for the scorers' tests: a finished run with the given fields.
import type { CaseOutput, ObservedToolCall } from '../case-result';
import type { Assertion } from '../suite-schema';
import { scoreAssertion, type ScoringContext } from './score-assertion';

export function caseOutput(fields: Partial<CaseOutput> = {}): CaseOutput {
  return {
    output: '',
    outcome: 'answered',
    toolCalls: [],
    steps: 1,
    latencyMs: 1000,
    ttftMs: 200,
    modelMs: 800,
    inputTokens: 500,
    outputTokens: 100,
    ungrounded: [],
    citations: [],
    userMessage: '',
    events: [],
    ...fields,
  };
}

let callNumber = 0;

export function toolCall(
  name: string,
  args: Record<string, unknown>,
  result: unknown = { ok: true },
): ObservedToolCall {
  callNumber += 1;
  return { id: `call_${callNumber}`, name, args, result, ms: 5 };
}

/** scoreAssertion with an empty context unless one is given. */
export function score(
  assertion: Assertion,
  output: CaseOutput,
  context: Partial<ScoringContext> = {},
) {
  return scoreAssertion(assertion, output, {
    caseVars: { message: output.userMessage },
    signal: new AbortController().signal,
    ...context,
  });
}
