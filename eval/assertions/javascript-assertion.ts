// promptfoo's `javascript` assertion: `value` is an expression (`output.includes('x')`) or, when
// it has several lines or a `return`, a function body; it sees `output` (the answer's text) and
// `context` ({ vars, run }), and returns a boolean, a score in 0..1 or { pass, score, reason }.
// It runs synchronously in a node:vm context with a time limit (async code is refused: the limit
// could not bound it): a guard against mistakes, not a sandbox (a suite file is trusted like
// code, as in promptfoo).
import vm from 'node:vm';
import type { CaseOutput } from '../case-result';
import type { Assertion } from '../suite-schema';
import { verdict, type Verdict } from './scoring-context';

const timeoutMs = 1000;

export function functionSource(code: string): string {
  const body = code.includes('\n') || /\breturn\b/.test(code) ? code : `return (${code});`;
  return `(function (output, context) {\n${body}\n})`;
}

function interpret(value: unknown, threshold: number | undefined): Verdict {
  if (typeof value === 'boolean')
    return verdict(value, `the javascript assertion returned ${value}`);
  if (typeof value === 'number' && Number.isFinite(value)) {
    const pass = threshold !== undefined ? value >= threshold : value > 0;
    const rule = threshold !== undefined ? `threshold ${threshold}` : 'a score above 0';
    return {
      pass,
      score: Math.min(1, Math.max(0, value)),
      reason: `the javascript assertion returned the score ${value} (${pass ? 'meets' : 'below'} ${rule})`,
    };
  }
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { pass?: unknown }).pass === 'boolean'
  ) {
    const result = value as { pass: boolean; score?: unknown; reason?: unknown };
    const score =
      typeof result.score === 'number'
        ? Math.min(1, Math.max(0, result.score))
        : result.pass
          ? 1
          : 0;
    return {
      pass: result.pass,
      score,
      reason:
        typeof result.reason === 'string'
          ? result.reason
          : `the javascript assertion returned pass: ${result.pass}`,
    };
  }
  throw new TypeError(
    `javascript: the code must return a boolean, a number or { pass, score, reason }; it returned ${JSON.stringify(value) ?? String(value)}`,
  );
}

export function scoreJavascript(
  assertion: Assertion,
  output: CaseOutput,
  caseVars: Readonly<Record<string, unknown>>,
): Verdict {
  if (typeof assertion.value !== 'string' || assertion.value.trim() === '')
    throw new TypeError('javascript: value must be the code (an expression or a function body)');
  const sandbox = vm.createContext({});
  let compiled: unknown;
  try {
    compiled = vm.runInContext(functionSource(assertion.value), sandbox, { timeout: timeoutMs });
  } catch (error) {
    throw new TypeError(`javascript: the code does not compile: ${(error as Error).message}`);
  }
  // A plain JSON copy made inside the context, so the code cannot change the recorded run.
  sandbox.__output = output.output;
  sandbox.__context = vm.runInContext(
    `JSON.parse(${JSON.stringify(JSON.stringify({ vars: caseVars, run: output }))})`,
    sandbox,
  );
  sandbox.__run = compiled;
  let returned: unknown;
  try {
    returned = vm.runInContext('__run(__output, __context)', sandbox, { timeout: timeoutMs });
  } catch (error) {
    return verdict(false, `the javascript assertion threw: ${(error as Error).message}`);
  }
  if (returned !== null && typeof (returned as { then?: unknown })?.then === 'function')
    throw new TypeError(
      'javascript: the code returned a Promise; only synchronous code is run (its time limit cannot bound async work)',
    );
  return interpret(returned, assertion.threshold);
}
