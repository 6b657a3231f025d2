// promptfoo's `is-json`: the whole output parses as JSON and, when `value` is a JSON Schema,
// validates against it. The schema is turned into a validator by zod 4's z.fromJSONSchema.
import { z } from 'zod';
import type { Assertion } from '../suite-schema';
import { quote, verdict, type Verdict } from './scoring-context';

export function schemaOf(value: unknown): z.ZodType {
  const schema = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema))
    throw new TypeError(
      `is-json: value must be a JSON Schema object, got ${JSON.stringify(value)}`,
    );
  try {
    return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch (error) {
    throw new TypeError(
      `is-json: value is not a JSON Schema this runner can check: ${(error as Error).message}`,
    );
  }
}

export function scoreIsJson(assertion: Assertion, output: string): Verdict {
  const validator = assertion.value === undefined ? undefined : schemaOf(assertion.value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(output);
  } catch (error) {
    return verdict(false, `the output is not JSON (${(error as Error).message}): ${quote(output)}`);
  }
  if (!validator) return verdict(true, 'the output is JSON');
  const result = validator.safeParse(parsed);
  if (result.success) return verdict(true, 'the output is JSON that fits the schema');
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  return verdict(false, `the output is JSON but does not fit the schema: ${issues}`);
}
