// Checks an assertion's own fields before any run, so a suite author gets the mistake with its
// file and line at load time (a regex that does not compile, a tool-args without `tool`, a budget
// without a limit, JavaScript with a syntax error) instead of a failed case after a long run.
import vm from 'node:vm';
import type { Assertion } from '../suite-schema';
import { limitOf } from './budget-assertions';
import { functionSource } from './javascript-assertion';
import { schemaOf } from './json-assertion';
import { wantedLanguage } from './language-assertion';
import { requireList, requireString } from './text-assertions';
import { toolName } from './tool-assertions';

export interface AssertionProblem {
  /** the assertion's field at fault: 'value', 'tool', 'args.product', ... */
  field: string;
  message: string;
}

function attempt(field: string, check: () => unknown): AssertionProblem | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return { field, message: (error as Error).message };
  }
}

function regexProblem(field: string, source: string): AssertionProblem | undefined {
  return attempt(field, () => {
    try {
      new RegExp(source);
    } catch (error) {
      throw new TypeError(
        `/${source}/ is not a valid regular expression: ${(error as Error).message}`,
      );
    }
  });
}

/** The first thing wrong with the assertion's fields, or undefined when it can be scored. */
export function assertionProblem(assertion: Assertion): AssertionProblem | undefined {
  const type = assertion.type.replace(/^not-/, '');
  switch (type) {
    case 'equals':
      return assertion.value === undefined
        ? { field: 'value', message: 'equals: give the expected text or JSON in `value`' }
        : undefined;
    case 'contains':
    case 'icontains':
    case 'starts-with':
      return attempt('value', () => requireString(assertion));
    case 'regex':
      return (
        attempt('value', () => requireString(assertion)) ??
        regexProblem('value', requireString(assertion))
      );
    case 'contains-any':
    case 'contains-all':
      return attempt('value', () => requireList(assertion));
    case 'is-json':
      return assertion.value === undefined
        ? undefined
        : attempt('value', () => schemaOf(assertion.value));
    case 'javascript':
      return attempt('value', () => {
        if (typeof assertion.value !== 'string' || assertion.value.trim() === '')
          throw new TypeError(
            'javascript: value must be the code (an expression or a function body)',
          );
        try {
          new vm.Script(functionSource(assertion.value));
        } catch (error) {
          throw new TypeError(`javascript: the code does not compile: ${(error as Error).message}`);
        }
      });
    case 'llm-rubric':
      return typeof assertion.value === 'string' && assertion.value.trim() !== ''
        ? undefined
        : { field: 'value', message: 'llm-rubric: value must be the rubric the judge applies' };
    case 'latency':
    case 'ttft':
    case 'tokens':
    case 'max-steps':
      return attempt(type === 'latency' ? 'threshold' : 'max', () => limitOf(assertion));
    case 'tool-called':
      return assertion.order === undefined
        ? attempt('tool', () => toolName(assertion, true))
        : undefined;
    case 'tool-args': {
      const missingTool = attempt('tool', () => toolName(assertion, true));
      if (missingTool) return missingTool;
      const matchers = Object.entries(assertion.args ?? {});
      if (matchers.length === 0)
        return {
          field: 'args',
          message:
            'tool-args: give `args`, the matchers per argument, e.g. args: { product: { sku: GRA-005 } }',
        };
      for (const [name, matcher] of matchers)
        if ('regex' in matcher) {
          const problem = regexProblem(`args.${name}.regex`, matcher.regex);
          if (problem) return problem;
        }
      return undefined;
    }
    case 'language':
      return attempt('language', () => wantedLanguage(assertion));
    case 'cites':
      return assertion.value === undefined || typeof assertion.value === 'string'
        ? undefined
        : {
            field: 'value',
            message: 'cites: value must be a document name, e.g. politica-inventario.md',
          };
    default:
      return undefined;
  }
}
