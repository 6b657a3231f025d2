// The columns of each import kind (ARCHITECTURE.md 3.5) with the rule that parses each cell, and
// the zod schema that turns a file's records into typed rows, built once per file.
import { z } from 'zod';
import {
  eanCell,
  flagCell,
  Invalid,
  numberCell,
  textCell,
  type CellFormat,
  type CellParser,
} from './cells';
import { dateCell } from './date-cells';
import type { ImportKind } from './types';

export interface ColumnSpec {
  name: string;
  required: boolean;
}

export interface ColumnRule<T, Needed extends boolean> {
  parse: CellParser<T>;
  required: Needed;
}
type Rules = Record<string, ColumnRule<unknown, boolean>>;

/** The typed row of a kind: required columns always hold a value, optional ones may be absent. */
export type RowOf<R extends Rules> = {
  [K in keyof R]: R[K] extends ColumnRule<infer T, true>
    ? T
    : R[K] extends ColumnRule<infer T, false>
      ? T | undefined
      : never;
};

/** A column the header must have: its parser never yields null for it. */
function need<T>(parse: CellParser<T | null>): ColumnRule<T, true> {
  return {
    parse: (text) => {
      const result = parse(text);
      return result === null ? new Invalid('unexpected empty value') : result;
    },
    required: true,
  };
}
const may = <T>(parse: CellParser<T>): ColumnRule<T, false> => ({ parse, required: false });

const code = (column: string) =>
  need(textCell(column, { required: true, maxLength: 64, code: true }));
const text = (column: string, maxLength: number) =>
  may(textCell(column, { required: false, maxLength, code: false }));
const amount = (column: string, what: string, format: CellFormat) =>
  may(numberCell(column, { what, required: false }, format));

export function salesRules(format: CellFormat) {
  return {
    date: need(dateCell('date', true, format)),
    sku: code('sku'),
    location: code('location'),
    units: need(numberCell('units', { what: 'units sold', required: true }, format)),
    revenue: amount('revenue', 'revenue', format),
    price: amount('price', 'the price', format),
    promo: may(flagCell('promo')),
    stockout: may(flagCell('stockout')),
  };
}

export function productsRules(format: CellFormat) {
  return {
    sku: code('sku'),
    name: need(textCell('name', { required: true, maxLength: 200, code: false })),
    category: need(textCell('category', { required: true, maxLength: 100, code: false })),
    brand: text('brand', 100),
    uom: text('uom', 20),
    shelf_life_days: may(
      numberCell(
        'shelf_life_days',
        { what: 'shelf life in days', required: false, integer: true, positive: true },
        format,
      ),
    ),
    unit_cost: amount('unit_cost', 'the unit cost', format),
    price: amount('price', 'the price', format),
    lifecycle_stage: text('lifecycle_stage', 40),
    launch_date: may(dateCell('launch_date', false, format)),
    co2e_kg_per_unit: amount('co2e_kg_per_unit', 'kg CO2e per unit', format),
    ean: may(eanCell('ean')),
  };
}

export function inventoryRules(format: CellFormat) {
  return {
    date: need(dateCell('date', true, format)),
    sku: code('sku'),
    location: code('location'),
    on_hand: need(numberCell('on_hand', { what: 'stock on hand', required: true }, format)),
    on_order: amount('on_order', 'stock on order', format),
  };
}

export function supplyRules(format: CellFormat) {
  return {
    sku: code('sku'),
    location: code('location'),
    lead_time_days: need(
      numberCell('lead_time_days', { what: 'the lead time in days', required: true }, format),
    ),
    lead_time_sd_days: amount('lead_time_sd_days', 'the lead-time standard deviation', format),
    moq: amount('moq', 'the minimum order quantity', format),
    order_cost: amount('order_cost', 'the cost per order', format),
    holding_cost_rate: amount('holding_cost_rate', 'the yearly holding cost rate', format),
    supplier: text('supplier', 200),
  };
}

export type SalesRow = RowOf<ReturnType<typeof salesRules>>;
export type ProductsRow = RowOf<ReturnType<typeof productsRules>>;
export type InventoryRow = RowOf<ReturnType<typeof inventoryRules>>;
export type SupplyRow = RowOf<ReturnType<typeof supplyRules>>;

const RULES: Record<ImportKind, (format: CellFormat) => Rules> = {
  sales: salesRules,
  products: productsRules,
  inventory: inventoryRules,
  supply: supplyRules,
};

/** The columns of a kind (ARCHITECTURE.md 3.5), required first. */
export function kindColumns(kind: ImportKind): ColumnSpec[] {
  const rules = RULES[kind]({ delimiter: ',', decimalComma: false, dayFirstSlashDates: false });
  return Object.entries(rules).map(([name, rule]) => ({ name, required: rule.required }));
}

/**
 * The zod schema of one record (its fields as strings) for a file whose header put each column
 * at `positions`: its transform parses every cell with the column's rule, turning each Invalid
 * into a zod issue at that column, and yields the typed row. Built once per file.
 */
export function recordSchema<R extends Rules>(
  rules: R,
  positions: ReadonlyMap<string, number>,
): z.ZodType<RowOf<R>, string[]> {
  const columns = Object.entries(rules).flatMap(([name, rule]) => {
    const index = positions.get(name);
    return index === undefined ? [] : [{ name, parse: rule.parse, index }];
  });
  return z.array(z.string()).transform((record, context) => {
    const row: Record<string, unknown> = {};
    let valid = true;
    for (const column of columns) {
      const text = record[column.index] ?? '';
      const result = column.parse(text);
      if (result instanceof Invalid) {
        valid = false;
        context.issues.push({
          code: 'custom',
          path: [column.name],
          input: text,
          message: result.reason,
          params: { problem: result.problem, fix: result.fix, value: text },
        });
      } else row[column.name] = result;
    }
    return valid ? (row as RowOf<R>) : z.NEVER;
  });
}

/**
 * The fast path of recordSchema(rules, positions) for well-formed records: the same column parsers
 * in the same order, without zod's bookkeeping or issue objects. Returns the row, or undefined when
 * a field is not a string or any cell is invalid; the caller then runs the schema itself for the
 * issues, so zod stays the one source of errors (kinds.test.ts checks that the two agree). The row
 * object is reused from record to record: read it before the next call, do not keep it.
 */
export function recordReader<R extends Rules>(
  rules: R,
  positions: ReadonlyMap<string, number>,
): (record: readonly unknown[]) => RowOf<R> | undefined {
  const columns = Object.entries(rules).flatMap(([name, rule]) => {
    const index = positions.get(name);
    return index === undefined ? [] : [{ name, parse: rule.parse, index }];
  });
  const row: Record<string, unknown> = {};
  for (const column of columns) row[column.name] = null;
  return (record) => {
    for (let index = 0; index < record.length; index += 1)
      if (typeof record[index] !== 'string') return undefined;
    for (const column of columns) {
      const result = column.parse((record[column.index] as string | undefined) ?? '');
      if (result instanceof Invalid) return undefined;
      row[column.name] = result;
    }
    return row as RowOf<R>;
  };
}

/** How a sink reads records: the zod schema, and its fast path for well-formed records. */
export interface RecordParsers<Row> {
  schema: z.ZodType<Row, string[]>;
  /** The valid row (reused between calls), or undefined: then the schema gives the issues. */
  read: (record: readonly unknown[]) => Row | undefined;
}

/** The schema and the fast path of a file's records, built once per file. */
export function recordParsers<R extends Rules>(
  rules: R,
  positions: ReadonlyMap<string, number>,
): RecordParsers<RowOf<R>> {
  return { schema: recordSchema(rules, positions), read: recordReader(rules, positions) };
}

/** Canonical column name of a header cell: trimmed, lower case, spaces and hyphens as `_`. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
