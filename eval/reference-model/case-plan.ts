// What the reference model does for one case, derived from the case's own assertions: the tool
// calls its `tool-called` / `tool-args` assertions expect, or a decline when it asserts `no-tool`.
// This makes recordings made with the reference model a test of the runner, the agent loop and the
// tools, not of any real model's quality: the reference model "knows" the expected calls.
import type { ArgumentMatcher, Assertion } from '../suite-schema';
import type { LoadedCase } from '../load-suite';

export interface PlannedCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface CasePlan {
  caseId: string;
  /** the user's message as the case gives it (trimmed) */
  message: string;
  /** the calls of the first model turn, in order; empty when the case expects no tool */
  calls: PlannedCall[];
  /** the case asserts `no-tool` without naming a tool: answer without tools */
  answersWithoutTools: boolean;
  /** tagged chitchat: a greeting rather than a decline */
  chitchat: boolean;
}

export class CasePlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CasePlanError';
  }
}

/** A concrete argument value that satisfies the matcher, or undefined to leave it out. */
function valueFor(
  loaded: LoadedCase,
  tool: string,
  argument: string,
  matcher: ArgumentMatcher,
): unknown {
  if ('equals' in matcher) return matcher.equals;
  if ('oneOf' in matcher) return matcher.oneOf[0];
  if ('sku' in matcher) return matcher.sku;
  if ('absent' in matcher) return undefined;
  if ('range' in matcher) {
    const [low, high] = matcher.range;
    const value = low ?? high;
    if (value === null)
      throw new CasePlanError(
        `case ${loaded.caseId}: ${tool}.${argument} has range [null, null]; give a bound the reference model can use`,
      );
    return value;
  }
  const pattern = new RegExp(matcher.regex);
  const message = loaded.vars.message.trim();
  // a query argument is the user's question itself when it fits; otherwise the matched words
  if (argument === 'query' && pattern.test(message)) return message;
  const found = pattern.exec(message);
  if (!found)
    throw new CasePlanError(
      `case ${loaded.caseId}: ${tool}.${argument} regex /${matcher.regex}/ matches nothing in the user's message, so the reference model cannot derive a value; use equals, oneOf or sku`,
    );
  return found[0];
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    current[key] = next !== null && typeof next === 'object' ? next : {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys.at(-1) as string] = value;
}

function argumentsOf(loaded: LoadedCase, assertion: Assertion): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [argument, matcher] of Object.entries(assertion.args ?? {})) {
    const value = valueFor(loaded, assertion.tool ?? '', argument, matcher);
    if (value !== undefined) setPath(args, argument, value);
  }
  return args;
}

/** The reference model's plan for a case. Throws a CasePlanError naming the case when it cannot. */
export function planCase(loaded: LoadedCase): CasePlan {
  const toolOrder: string[] = [];
  const noteTool = (name: string | undefined) => {
    if (name !== undefined && !toolOrder.includes(name)) toolOrder.push(name);
  };
  const wanted = loaded.assert.filter((assertion) => !assertion.type.startsWith('not-'));
  for (const assertion of wanted) {
    if (assertion.type === 'tool-called') {
      for (const name of assertion.order ?? []) noteTool(name);
      noteTool(
        assertion.tool ?? (typeof assertion.value === 'string' ? assertion.value : undefined),
      );
    }
    if (assertion.type === 'tool-args') noteTool(assertion.tool);
  }
  const calls: PlannedCall[] = [];
  for (const name of toolOrder) {
    const argumentSets = wanted
      .filter((assertion) => assertion.type === 'tool-args' && assertion.tool === name)
      .map((assertion) => argumentsOf(loaded, assertion));
    const times = wanted.find(
      (assertion) => assertion.type === 'tool-called' && assertion.tool === name,
    )?.times;
    const count = Math.max(times ?? 1, argumentSets.length);
    for (let index = 0; index < count; index += 1)
      calls.push({ name, arguments: argumentSets[index] ?? argumentSets[0] ?? {} });
  }
  const answersWithoutTools = wanted.some(
    (assertion) =>
      assertion.type === 'no-tool' && assertion.tool === undefined && assertion.value === undefined,
  );
  if (answersWithoutTools && calls.length > 0)
    throw new CasePlanError(
      `case ${loaded.caseId}: asserts no-tool and also expects ${calls.map((call) => call.name).join(', ')}`,
    );
  return {
    caseId: loaded.caseId,
    message: loaded.vars.message.trim(),
    calls,
    answersWithoutTools,
    chitchat: loaded.tags.includes('chitchat'),
  };
}
