// promptfoo's string assertions over the final answer: equals, contains, icontains,
// contains-any, contains-all, regex, starts-with (semantics as in promptfoo's docs).
import { isDeepStrictEqual } from 'node:util';
import type { Assertion } from '../suite-schema';
import { quote, verdict, type Verdict } from './scoring-context';

export type TextAssertionType =
  'equals' | 'contains' | 'icontains' | 'contains-any' | 'contains-all' | 'regex' | 'starts-with';

export function requireString(assertion: Assertion): string {
  const { value } = assertion;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TypeError(
    `${assertion.type}: value must be a string, got ${JSON.stringify(value) ?? 'nothing'}`,
  );
}

/** promptfoo: an array, or a comma-separated string. */
export function requireList(assertion: Assertion): string[] {
  const { value } = assertion;
  const list =
    typeof value === 'string'
      ? value.split(',').map((item) => item.trim())
      : Array.isArray(value)
        ? value.map((item) => String(item))
        : undefined;
  if (!list || list.length === 0 || list.some((item) => item === ''))
    throw new TypeError(
      `${assertion.type}: value must be a non-empty list (or comma-separated string) of texts, got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  return list;
}

function equalsVerdict(output: string, expected: unknown): Verdict {
  if (expected !== null && typeof expected === 'object') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(output);
    } catch {
      return verdict(
        false,
        `the output is not JSON, so it cannot equal ${JSON.stringify(expected)}: ${quote(output)}`,
      );
    }
    return isDeepStrictEqual(parsed, expected)
      ? verdict(true, `the output's JSON equals ${JSON.stringify(expected)}`)
      : verdict(
          false,
          `the output's JSON ${JSON.stringify(parsed).slice(0, 160)} differs from ${JSON.stringify(expected)}`,
        );
  }
  const text = String(expected);
  return output === text
    ? verdict(true, `the output equals ${quote(text)}`)
    : verdict(false, `the output ${quote(output)} does not equal ${quote(text)}`);
}

export function scoreText(type: TextAssertionType, assertion: Assertion, output: string): Verdict {
  switch (type) {
    case 'equals':
      return equalsVerdict(output, assertion.value);
    case 'contains': {
      const wanted = requireString(assertion);
      return output.includes(wanted)
        ? verdict(true, `the output contains ${quote(wanted)}`)
        : verdict(false, `the output does not contain ${quote(wanted)}: ${quote(output)}`);
    }
    case 'icontains': {
      const wanted = requireString(assertion);
      return output.toLowerCase().includes(wanted.toLowerCase())
        ? verdict(true, `the output contains ${quote(wanted)} (ignoring case)`)
        : verdict(
            false,
            `the output does not contain ${quote(wanted)} in any case: ${quote(output)}`,
          );
    }
    case 'contains-any': {
      const list = requireList(assertion);
      const found = list.filter((item) => output.includes(item));
      return found.length > 0
        ? verdict(true, `the output contains ${found.map((item) => quote(item)).join(', ')}`)
        : verdict(
            false,
            `the output contains none of ${list.map((item) => quote(item)).join(', ')}: ${quote(output)}`,
          );
    }
    case 'contains-all': {
      const list = requireList(assertion);
      const missing = list.filter((item) => !output.includes(item));
      return missing.length === 0
        ? verdict(true, `the output contains all of ${list.map((item) => quote(item)).join(', ')}`)
        : verdict(
            false,
            `the output lacks ${missing.map((item) => quote(item)).join(', ')}: ${quote(output)}`,
          );
    }
    case 'regex': {
      const source = requireString(assertion);
      let pattern: RegExp;
      try {
        pattern = new RegExp(source);
      } catch (error) {
        throw new TypeError(
          `regex: value ${quote(source)} is not a valid regular expression: ${(error as Error).message}`,
        );
      }
      const match = pattern.exec(output);
      return match
        ? verdict(true, `the output matches /${source}/ at ${quote(match[0])}`)
        : verdict(false, `the output does not match /${source}/: ${quote(output)}`);
    }
    case 'starts-with': {
      const wanted = requireString(assertion);
      return output.startsWith(wanted)
        ? verdict(true, `the output starts with ${quote(wanted)}`)
        : verdict(
            false,
            `the output starts with ${quote(output.slice(0, wanted.length + 20))}, not ${quote(wanted)}`,
          );
    }
  }
}
