// `ayni inventory solve MODEL --params JSON [--json]`: one single-location or serial inventory
// model of the registry (assistant/inventory/solve-models.ts), printing its outputs as a flat JSON
// object or a table; `ayni inventory models` lists the models and their params.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InvalidInputError } from '../../errors';
import { inventoryModels, solveInventoryModel } from '../../inventory/solve-models';
import { action, UsageError } from '../run-command';

/** Writes to stdout; a reader that went away (`... | head`) ends it quietly. */
function printOut(text: string): void {
  process.stdout.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(text);
}

/** `--params '{"a":1}'` or `--params @file.json`. */
export function readParams(text: string): unknown {
  let source = text;
  let origin = '--params';
  if (text.startsWith('@')) {
    const path = text.slice(1);
    origin = `--params ${text}`;
    try {
      source = readFileSync(path, 'utf8');
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
      throw new UsageError(`${origin}: cannot read ${path} (${reason})`);
    }
  }
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new UsageError(
      `${origin}: not valid JSON (${(error as Error).message}); give an object such as '{"fixed_cost": 8}'`,
    );
  }
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([key, entry]) => `${key}: ${formatValue(entry)}`)
      .join(', ');
  return String(value);
}

export function outputTable(model: string, result: Record<string, unknown>): string {
  const width = Math.max(...Object.keys(result).map((key) => key.length));
  const lines = Object.entries(result).map(
    ([key, value]) => `  ${key.padEnd(width)}  ${formatValue(value)}`,
  );
  return `${model}\n${lines.join('\n')}\n`;
}

function runSolve(model: string, options: { params: string; json?: boolean }): void {
  const params = readParams(options.params);
  let result: Record<string, unknown>;
  try {
    result = solveInventoryModel(model, params);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new UsageError(error.message);
    throw error;
  }
  printOut(options.json ? `${JSON.stringify(result)}\n` : outputTable(model, result));
}

function paramText(name: string, schema: z.ZodType, width: number): string {
  const label = `${name}${schema.safeParse(undefined).success ? '?' : ''}`;
  const description =
    schema.description ??
    (schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType).description : undefined);
  return `  ${label.padEnd(width + 1)}  ${description ?? ''}`.trimEnd();
}

function runModels(options: { json?: boolean }): void {
  if (options.json) {
    const listing = Object.entries(inventoryModels).map(([name, model]) => ({
      name,
      description: model.description,
      params: Object.keys(model.params.shape),
    }));
    printOut(`${JSON.stringify(listing, null, 2)}\n`);
    return;
  }
  const blocks = Object.entries(inventoryModels).map(([name, model]) => {
    const width = Math.max(...Object.keys(model.params.shape).map((key) => key.length));
    const params = Object.entries(model.params.shape).map(([key, schema]) =>
      paramText(key, schema as z.ZodType, width),
    );
    return `${name}: ${model.description}\n${params.join('\n')}`;
  });
  printOut(`${blocks.join('\n\n')}\n`);
}

export function registerInventoryCommand(program: Command): void {
  const inventory = program
    .command('inventory')
    .description(
      'inventory models: EOQ, newsvendor, (r,Q), (s,S), Wagner-Whitin, safety stock, serial',
    );
  inventory
    .command('solve')
    .description('solve one inventory model and print its outputs')
    .argument('<model>', 'model name (ayni inventory models lists them)')
    .requiredOption('--params <json>', "the model's params as a JSON object, or @file.json")
    .option('--json', 'print the outputs as one flat JSON object')
    .addHelpText(
      'after',
      '\nExample:\n  ayni inventory solve eoq --params \'{"fixed_cost": 8, "holding_cost": 0.225, "demand_rate": 1300}\' --json\n  {"order_quantity":304.0467800264368,"cost":68.41052550594829}\nCosts are per unit time, as in Snyder & Shen; a `?` in `ayni inventory models` marks an optional param.',
    )
    .action(action(runSolve));
  inventory
    .command('models')
    .description('list the models with their params')
    .option('--json', 'print [{ name, description, params }] as JSON')
    .action(action(runModels));
}
