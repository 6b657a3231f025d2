// The one entry the runner calls per assertion: dispatches to the family's scorer, inverts the
// `not-` forms, and attaches type, weight (promptfoo's default 1) and metric. An assertion that
// is itself wrong (a bad regex, no tool named) fails with a reason saying how to fix it.
import type { AssertionOutcome, CaseOutput } from '../case-result';
import { promptfooAssertionTypes, type Assertion } from '../suite-schema';
import { scoreCites, scoreGrounded } from './answer-assertions';
import { scoreBudget } from './budget-assertions';
import { scoreJavascript } from './javascript-assertion';
import { scoreIsJson } from './json-assertion';
import { scoreLanguage } from './language-assertion';
import { scoreRubric } from './rubric-assertion';
import type { ScoringContext, Verdict } from './scoring-context';
import { scoreText } from './text-assertions';
import { scoreTools } from './tool-assertions';

export type { ScoringContext } from './scoring-context';
export type { JudgeModel } from '../judge';

async function scorePositive(
  type: string,
  assertion: Assertion,
  output: CaseOutput,
  context: ScoringContext,
): Promise<Verdict> {
  switch (type) {
    case 'equals':
    case 'contains':
    case 'icontains':
    case 'contains-any':
    case 'contains-all':
    case 'regex':
    case 'starts-with':
      return scoreText(type, assertion, output.output);
    case 'is-json':
      return scoreIsJson(assertion, output.output);
    case 'javascript':
      return scoreJavascript(assertion, output, context.caseVars);
    case 'llm-rubric':
      return scoreRubric(assertion, output, context);
    case 'latency':
    case 'ttft':
    case 'tokens':
    case 'max-steps':
      return scoreBudget(type, assertion, output);
    case 'tool-called':
    case 'tool-args':
    case 'no-tool':
      return scoreTools(type, assertion, output, context);
    case 'grounded':
      return scoreGrounded(output, context);
    case 'cites':
      return scoreCites(assertion, output);
    case 'language':
      return scoreLanguage(assertion, output);
    default:
      throw new TypeError(`unknown assertion type "${type}"`);
  }
}

/** promptfoo's types have a `not-` form; Ayni's own have none (no-tool is the opposite of tool-called). */
const invertible: ReadonlySet<string> = new Set(promptfooAssertionTypes);

/** Scores one assertion of a case against what the run produced. */
export async function scoreAssertion(
  assertion: Assertion,
  output: CaseOutput,
  context: ScoringContext,
): Promise<AssertionOutcome> {
  const inverse = assertion.type.startsWith('not-') && invertible.has(assertion.type.slice(4));
  const type = inverse ? assertion.type.slice(4) : assertion.type;
  const base = {
    type: assertion.type,
    weight: assertion.weight ?? 1,
    ...(assertion.metric !== undefined ? { metric: assertion.metric } : {}),
  };
  let result: Verdict;
  try {
    result = await scorePositive(type, assertion, output, context);
  } catch (error) {
    if (context.signal.aborted) throw error;
    return {
      ...base,
      pass: false,
      score: 0,
      reason: `the assertion cannot be scored: ${(error as Error).message}`,
    };
  }
  if (!inverse) return { ...base, ...result };
  return {
    ...base,
    pass: !result.pass,
    score: 1 - result.score,
    reason: result.pass
      ? `${result.reason}, which ${assertion.type} forbids`
      : `${result.reason}, as ${assertion.type} requires`,
  };
}
