// Ayni's tool-use assertions: `tool-called` (name, optionally exactly `times`, or tools in `order`),
// `tool-args` (per-argument matchers on a call of `tool`) and `no-tool` (none, or not `tool`).
import type { CaseOutput, ObservedToolCall } from '../case-result';
import type { Assertion } from '../suite-schema';
import { argumentAt, matchArgument } from './argument-matchers';
import { verdict, type ScoringContext, type Verdict } from './scoring-context';

export type ToolAssertionType = 'tool-called' | 'tool-args' | 'no-tool';

function calledList(calls: readonly ObservedToolCall[]): string {
  return calls.length === 0
    ? 'no tool was called'
    : `called ${calls.map((call) => call.name).join(', ')}`;
}

export function toolName(assertion: Assertion, required: boolean): string | undefined {
  const name =
    assertion.tool ?? (typeof assertion.value === 'string' ? assertion.value : undefined);
  if (required && name === undefined)
    throw new TypeError(`${assertion.type}: name the tool in \`tool\`, e.g. tool: forecast_demand`);
  return name;
}

/** True when `wanted` appears in `names` in that order, other calls allowed in between. */
function isSubsequence(wanted: readonly string[], names: readonly string[]): boolean {
  let position = 0;
  for (const name of names) if (name === wanted[position]) position += 1;
  return position === wanted.length;
}

function scoreToolCalled(assertion: Assertion, calls: readonly ObservedToolCall[]): Verdict {
  const names = calls.map((call) => call.name);
  if (assertion.order !== undefined) {
    if (!isSubsequence(assertion.order, names))
      return verdict(
        false,
        `expected ${assertion.order.join(' then ')} in that order, ${calledList(calls)}`,
      );
    if (assertion.tool === undefined && assertion.times === undefined)
      return verdict(true, `called ${assertion.order.join(' then ')} in that order`);
  }
  const name = toolName(assertion, assertion.order === undefined);
  if (name === undefined)
    return verdict(true, `called ${assertion.order?.join(' then ')} in that order`);
  const count = names.filter((called) => called === name).length;
  if (count === 0) return verdict(false, `expected ${name}, ${calledList(calls)}`);
  if (assertion.times !== undefined && count !== assertion.times)
    return verdict(
      false,
      `expected ${name} ${assertion.times} time(s), it was called ${count} time(s)`,
    );
  return verdict(true, `called ${name}${count > 1 ? ` ${count} times` : ''}`);
}

function scoreToolArgs(
  assertion: Assertion,
  calls: readonly ObservedToolCall[],
  context: ScoringContext,
): Verdict {
  const name = toolName(assertion, true) as string;
  const matchers = Object.entries(assertion.args ?? {});
  if (matchers.length === 0)
    throw new TypeError(
      'tool-args: give `args`, the matchers per argument, e.g. args: { product: { sku: GRA-005 } }',
    );
  const candidates = calls.filter((call) => call.name === name);
  if (candidates.length === 0) return verdict(false, `expected ${name}, ${calledList(calls)}`);
  // The call that fits best decides: any call of the tool with all arguments right passes.
  let best: { call: ObservedToolCall; problems: string[] } | undefined;
  for (const call of candidates) {
    const problems = matchers
      .map(([argument, matcher]) =>
        matchArgument(argument, argumentAt(call.args, argument), matcher, context.catalogue),
      )
      .filter((result) => !result.pass)
      .map((result) => result.problem);
    if (problems.length === 0)
      return verdict(
        true,
        `${name} was called with ${JSON.stringify(call.args)}, every argument as expected`,
      );
    if (!best || problems.length < best.problems.length) best = { call, problems };
  }
  const shown = best as { call: ObservedToolCall; problems: string[] };
  const which = candidates.length > 1 ? ` (best of ${candidates.length} calls)` : '';
  return {
    pass: false,
    score: 1 - shown.problems.length / matchers.length,
    reason: `${name} was called with wrong arguments${which}: ${shown.problems.join('; ')}`,
  };
}

function scoreNoTool(assertion: Assertion, calls: readonly ObservedToolCall[]): Verdict {
  const name = toolName(assertion, false);
  if (name === undefined)
    return calls.length === 0
      ? verdict(true, 'no tool was called')
      : verdict(false, `expected no tool call, ${calledList(calls)}`);
  const count = calls.filter((call) => call.name === name).length;
  return count === 0
    ? verdict(true, `${name} was not called (${calledList(calls)})`)
    : verdict(false, `expected no call of ${name}, it was called ${count} time(s)`);
}

export function scoreTools(
  type: ToolAssertionType,
  assertion: Assertion,
  output: CaseOutput,
  context: ScoringContext,
): Verdict {
  switch (type) {
    case 'tool-called':
      return scoreToolCalled(assertion, output.toolCalls);
    case 'tool-args':
      return scoreToolArgs(assertion, output.toolCalls, context);
    case 'no-tool':
      return scoreNoTool(assertion, output.toolCalls);
  }
}
