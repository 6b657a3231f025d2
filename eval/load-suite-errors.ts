// Errors of suite loading that point into the YAML: file:line:column, the test (index and
// description), the field, and zod's message with the fix spelled out where it lacks one.
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { assertionSchema, suiteSchema, testCase } from './suite-schema';

/** A suite that cannot be used: the message names file:line:column, test, field and fix. */
export class SuiteLoadError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'SuiteLoadError';
  }
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

export function where(file: string, line?: number, column?: number): string {
  return `${displayPath(file)}${line !== undefined ? `:${line}:${column ?? 1}` : ''}`;
}

/** Line and column of the deepest YAML node along `keys` (the field itself, or its parent when missing). */
export function positionOf(
  document: Document,
  lineCounter: LineCounter,
  keys: readonly PropertyKey[],
): { line: number; col: number } | undefined {
  for (let depth = keys.length; depth >= 0; depth -= 1) {
    const node = document.getIn(keys.slice(0, depth) as unknown[], true) as
      { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]);
  }
  return undefined;
}

export function fieldName(keys: readonly PropertyKey[]): string {
  return keys
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

/** "test 3 \"Forecast quinoa\"" when the path is inside tests[3]. */
function testLabel(raw: unknown, keys: readonly PropertyKey[]): string {
  if (keys[0] !== 'tests' || typeof keys[1] !== 'number') return '';
  const tests = (raw as { tests?: unknown } | null)?.tests;
  const test = Array.isArray(tests) ? (tests[keys[1]] as { description?: unknown }) : undefined;
  const description = typeof test?.description === 'string' ? ` "${test.description}"` : '';
  return `test ${keys[1]}${description}: `;
}

/** The fields an object at this path may have, for "unknown field" errors. */
function allowedFields(keys: readonly PropertyKey[]): string[] {
  const inAssertList = keys.length >= 2 && keys.at(-2) === 'assert';
  if (inAssertList) return Object.keys(assertionSchema.shape);
  if (keys.length === 0) return Object.keys(suiteSchema.shape);
  if (keys.length === 2 && keys[0] === 'tests') return Object.keys(testCase.shape);
  if (keys.length === 1 && keys[0] === 'defaultTest') return ['assert', 'vars'];
  return [];
}

/** zod's message, with the fix spelled out where zod's words alone do not give it. */
function explain(issue: z.core.$ZodIssue, raw: unknown): { message: string; keys: PropertyKey[] } {
  const keys = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedFields(keys);
    return {
      keys: [...keys, issue.keys[0] as string],
      message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}${allowed.length ? `; allowed here: ${allowed.join(', ')}` : '; remove it or fix its spelling'}`,
    };
  }
  if (issue.code === 'invalid_type' && valueAt(raw, keys) === undefined)
    return { keys, message: `missing: add ${String(keys.at(-1))} (${issue.expected})` };
  return { keys, message: issue.message };
}

function valueAt(raw: unknown, keys: readonly PropertyKey[]): unknown {
  let current = raw;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function schemaError(
  file: string,
  raw: unknown,
  document: Document,
  lineCounter: LineCounter,
  issues: readonly z.core.$ZodIssue[],
): SuiteLoadError {
  const { keys, message } = explain(issues[0] as z.core.$ZodIssue, raw);
  const position = positionOf(document, lineCounter, keys);
  const field = fieldName(keys) || '(top level)';
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
      : '';
  return new SuiteLoadError(
    `${where(file, position?.line, position?.col)}: ${testLabel(raw, keys)}${field}: ${message}${more}`,
    file,
    position?.line,
    position?.col,
  );
}
