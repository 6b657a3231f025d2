// The registry behind `ayni inventory solve MODEL --params JSON`: the single-location models of
// Snyder & Shen's Fundamentals of Supply Chain Theory (names and params as in stockpyl), plus
// safety stock and (R, S) review. To add models, import their entries and spread them below.
import type { z } from 'zod';
import { InvalidInputError } from '../errors';
import type { InventoryModel } from './define-inventory-model';
import { eoqModels } from './eoq-models';
import { newsvendorModels } from './newsvendor-models';
import { reorderPolicyModels } from './reorder-policy-models';
import { serialInventoryModels } from './solve-serial';

export type { InventoryModel } from './define-inventory-model';

export const inventoryModels: Record<string, InventoryModel> = {
  ...eoqModels,
  ...newsvendorModels,
  ...reorderPolicyModels,
  ...serialInventoryModels,
};

function valueAt(params: unknown, path: readonly PropertyKey[]): unknown {
  let value = params;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssue(
  name: string,
  model: InventoryModel,
  params: unknown,
  issue: z.core.$ZodIssue,
): string {
  const accepted = Object.keys(model.params.shape).join(', ');
  if (issue.code === 'unrecognized_keys')
    return `${name}: unknown parameter ${issue.keys.join(', ')}; accepted: ${accepted}`;
  const field = issue.path.map(String).join('.');
  if (field === '') return `${name}: params must be a JSON object with ${accepted}`;
  const value = valueAt(params, issue.path);
  if (value === undefined && issue.code === 'invalid_type')
    return `${name}: ${field} is missing; give it (${(model.params.shape[String(issue.path[0])] as z.ZodType | undefined)?.description ?? 'see ayni inventory models'})`;
  return `${name}: ${field} = ${JSON.stringify(value)}: ${issue.message}`;
}

/**
 * Solves one model of the registry. Bad input (unknown model, unknown or missing field, a value out
 * of range) throws an InvalidInputError naming the model, the field, the value and the fix.
 */
export function solveInventoryModel(name: string, params: unknown): Record<string, unknown> {
  const model = Object.hasOwn(inventoryModels, name) ? inventoryModels[name] : undefined;
  if (model === undefined)
    throw new InvalidInputError(
      `unknown inventory model "${name}"; choose one of ${Object.keys(inventoryModels).join(', ')}`,
    );
  const parsed = model.params.safeParse(params);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    throw new InvalidInputError(describeIssue(name, model, params, issues[0]!), { issues });
  }
  try {
    return model.solve(parsed.data);
  } catch (error) {
    // the models name the argument in their RangeError/TypeError; prefix the model
    if (error instanceof RangeError || error instanceof TypeError)
      throw new InvalidInputError(`${name}: ${error.message}`, undefined, { cause: error });
    throw error;
  }
}
