// Validating request input with zod at the boundary: failures become 400 invalid_input with the issues.
import type { z } from 'zod';
import { InvalidInputError } from '../errors';
import { summariseIssues, validationIssues } from './error-handler';

export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = validationIssues(parsed.error);
  throw new InvalidInputError(`invalid ${what}: ${summariseIssues(issues)}`, issues);
}

/** Query parameters as one comma-joined string per name, so `a=x&a=y` equals `a=x,y`. */
export function joinedQuery(queries: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(queries).map(([name, values]) => [name, values.join(',')]),
  );
}
