// A case's score from its assertions, as promptfoo's AssertionsResult does: the weighted mean of
// the scores (0 when every weight is 0; 1 with no assertions); the case passes when no assertion
// failed (whatever its weight) or, when the test sets a `threshold` above 0, when the weighted
// score reaches it (the threshold then decides alone).
import type { AssertionOutcome, CaseOutput } from '../case-result';

export interface CaseScore {
  pass: boolean;
  /** weighted mean of the assertions' scores */
  score: number;
  /** why the case failed: the last failing assertion's reason, or the threshold */
  failureReason?: string;
}

export function scoreCase(outcomes: readonly AssertionOutcome[], threshold?: number): CaseScore {
  if (outcomes.length === 0) return { pass: true, score: 1 };
  let totalWeight = 0;
  let weighted = 0;
  for (const outcome of outcomes) {
    totalWeight += outcome.weight;
    weighted += outcome.weight * outcome.score;
  }
  const score = totalWeight > 0 ? weighted / totalWeight : 0;
  const failed = outcomes.filter((outcome) => !outcome.pass).at(-1);
  if (threshold !== undefined && threshold > 0) {
    const pass = score >= threshold;
    return pass
      ? { pass, score }
      : {
          pass,
          score,
          failureReason: `the weighted score ${score.toFixed(2)} is below the threshold ${threshold}`,
        };
  }
  return failed === undefined
    ? { pass: true, score }
    : { pass: false, score, failureReason: `${failed.type}: ${failed.reason}` };
}

/**
 * A failing outcome for a run that produced no answer (`error`: the stream's error event or
 * none; `failed`: the agent gave up), so assertions that hold vacuously on an empty answer
 * (no-tool, grounded, language) cannot pass such a case. Undefined for a run that finished.
 */
export function runFailure(output: CaseOutput): AssertionOutcome | undefined {
  if (output.outcome !== 'error' && output.outcome !== 'failed') return undefined;
  const detail = output.errorMessage ? `: ${output.errorMessage}` : '';
  return {
    type: 'run',
    pass: false,
    score: 0,
    reason: `the run ended with outcome ${output.outcome}${detail}`,
    weight: 1,
  };
}
