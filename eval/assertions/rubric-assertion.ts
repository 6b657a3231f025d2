// promptfoo's `llm-rubric`: a local judge model grades the answer against the rubric in `value`.
// The judge is the runner's (--judge) unless the assertion's `provider` names another model,
// which is asked through the same LlmClient. `threshold` asks for a minimum score too.
import type { CaseOutput } from '../case-result';
import { judgeOutput } from '../judge';
import type { Assertion } from '../suite-schema';
import { verdict, type ScoringContext, type Verdict } from './scoring-context';

export async function scoreRubric(
  assertion: Assertion,
  output: CaseOutput,
  context: ScoringContext,
): Promise<Verdict> {
  if (typeof assertion.value !== 'string' || assertion.value.trim() === '')
    throw new TypeError(
      'llm-rubric: value must be the rubric, e.g. "Asks which quinoa pack is meant"',
    );
  if (!context.judge)
    return verdict(
      false,
      'llm-rubric needs a judge model and none was given (run with --judge MODEL)',
    );
  const model = assertion.provider?.replace(/^ollama:chat:/, '') ?? context.judge.model;
  let judged;
  try {
    judged = await judgeOutput(
      { llm: context.judge.llm, model },
      assertion.value,
      output.output,
      context.signal,
    );
  } catch (error) {
    if (context.signal.aborted) throw error;
    return verdict(false, `the judge could not grade: ${(error as Error).message}`);
  }
  const meetsThreshold = assertion.threshold === undefined || judged.score >= assertion.threshold;
  const pass = judged.pass && meetsThreshold;
  const scoreText =
    assertion.threshold === undefined
      ? `score ${judged.score}`
      : `score ${judged.score} ${meetsThreshold ? '>=' : '<'} threshold ${assertion.threshold}`;
  return {
    pass,
    score: judged.score,
    reason: `the judge ${model} says ${judged.pass ? 'pass' : 'fail'} (${scoreText}): ${judged.reason}`,
  };
}
