// Budgets of one run: promptfoo's `latency` (`threshold` ms over the whole run) and Ayni's `ttft`
// (ms to the first text or tool call), `tokens` (output tokens) and `max-steps` (model turns).
// Each reads its limit from `max`, or promptfoo's `threshold`, or a numeric `value`.
import type { CaseOutput } from '../case-result';
import type { Assertion } from '../suite-schema';
import { verdict, type Verdict } from './scoring-context';

export type BudgetAssertionType = 'latency' | 'ttft' | 'tokens' | 'max-steps';

export function limitOf(assertion: Assertion): number {
  const candidates =
    assertion.type === 'latency'
      ? [assertion.threshold, assertion.max, assertion.value]
      : [assertion.max, assertion.value, assertion.threshold];
  const limit = candidates.find((candidate) => candidate !== undefined);
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0)
    throw new TypeError(
      `${assertion.type}: give the limit as ${assertion.type === 'latency' ? '`threshold` (ms)' : '`max`'}, a number >= 0; got ${JSON.stringify(limit) ?? 'nothing'}`,
    );
  return limit;
}

function within(measured: number, limit: number, what: string, unit: string): Verdict {
  return measured <= limit
    ? verdict(true, `${what} ${measured} ${unit}, within the budget of ${limit} ${unit}`)
    : verdict(false, `${what} ${measured} ${unit}, over the budget of ${limit} ${unit}`);
}

export function scoreBudget(
  type: BudgetAssertionType,
  assertion: Assertion,
  output: CaseOutput,
): Verdict {
  const limit = limitOf(assertion);
  switch (type) {
    case 'latency':
      return within(Math.round(output.latencyMs), limit, 'latency', 'ms');
    case 'ttft':
      if (output.ttftMs === null)
        return verdict(
          false,
          `no text or tool call arrived (outcome ${output.outcome}), so there is no time to first token to hold within ${limit} ms`,
        );
      return within(Math.round(output.ttftMs), limit, 'time to first token', 'ms');
    case 'tokens':
      return within(output.outputTokens, limit, 'output', 'tokens');
    case 'max-steps':
      return within(output.steps, limit, 'the run took', 'model steps');
  }
}
