// One entry of the `ayni inventory solve` registry: a zod schema of the model's snake_case params
// (strict: unknown keys are rejected) and a solve function returning a flat JSON object of its
// outputs (numbers; lists as arrays; per-stage values as objects keyed "1", "2", ...).
import { z } from 'zod';

export type InventoryParamsSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

export interface InventoryModel {
  description: string;
  params: InventoryParamsSchema;
  /** Validates `params` against the schema (throws a ZodError) and solves. */
  solve(params: unknown): Record<string, unknown>;
}

/** Ties a schema to its solver so the solver sees the parsed, typed params. */
export function defineInventoryModel<Shape extends z.ZodRawShape>(model: {
  description: string;
  params: z.ZodObject<Shape, z.core.$strict>;
  solve(params: z.output<z.ZodObject<Shape, z.core.$strict>>): Record<string, unknown>;
}): InventoryModel {
  return {
    description: model.description,
    params: model.params as unknown as InventoryParamsSchema,
    solve: (params: unknown) => model.solve(model.params.parse(params)),
  };
}

// Field builders: the description is what `ayni inventory models` prints beside the name.
export const positive = (description: string) =>
  z.number().positive('must be greater than 0').describe(description);
export const nonNegative = (description: string) =>
  z.number().nonnegative('must be 0 or more').describe(description);
export const finite = (description: string) => z.number().describe(description);
export const probability = (description: string) =>
  z.number().gt(0, 'must be above 0').lt(1, 'must be below 1').describe(description);
export const wholeNumber = (description: string) =>
  z.number().int('must be a whole number').describe(description);
