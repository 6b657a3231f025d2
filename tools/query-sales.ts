// query_sales (ARCHITECTURE.md 3.4): units and revenue by day/week/month, optionally split by
// SKU, category, location or region, for a product or category and a location or region.
import { z } from 'zod';
import { defineTool } from './define-tool';
import {
  fromNotAfterTo,
  isoDate,
  productOrCategory,
  resolveScope,
  scopeFields,
} from './scope-input';
import type { SalesScope, ToolContext } from './tool-context';

const grains = ['day', 'week', 'month'] as const;
const dimensions = ['sku', 'category', 'location', 'region'] as const;
export const maxQuerySalesRows = 2000;

export const querySalesInput = z
  .strictObject({
    ...scopeFields,
    from: isoDate.optional().describe('first day, inclusive (YYYY-MM-DD)'),
    to: isoDate.optional().describe('last day, inclusive (YYYY-MM-DD)'),
    grain: z.enum(grains).default('month').describe('period of each row'),
    groupBy: z
      .array(z.enum(dimensions))
      .max(4)
      .default([])
      .describe('split each period by these dimensions'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(maxQuerySalesRows)
      .default(200)
      .describe('most rows returned'),
  })
  .refine(...productOrCategory)
  .refine(...fromNotAfterTo);

export type QuerySalesInput = z.output<typeof querySalesInput>;

const row = z.object({
  period: z.string(),
  sku: z.string().optional(),
  category: z.string().optional(),
  location: z.string().optional(),
  region: z.string().optional(),
  units: z.number(),
  revenue: z.number(),
  promoRows: z.number(),
  stockoutRows: z.number(),
});

export const querySalesOutput = z.object({
  scope: z.object({
    label: z.string(),
    sku: z.string().nullable(),
    category: z.string().nullable(),
    locations: z.array(z.string()).nullable(),
  }),
  grain: z.enum(grains),
  from: z.string().nullable(),
  to: z.string().nullable(),
  groupBy: z.array(z.enum(dimensions)),
  rows: z.array(row),
  rowCount: z.number().int(),
  truncated: z.boolean(),
  totals: z.object({ units: z.number(), revenue: z.number() }),
});

export type QuerySalesOutput = z.input<typeof querySalesOutput>;

export function querySales(input: QuerySalesInput, context: ToolContext): QuerySalesOutput {
  const { product, category, place, scope: filters, label } = resolveScope(input, context);
  const scope: SalesScope = {
    ...filters,
    ...(input.from && { from: input.from }),
    ...(input.to && { to: input.to }),
  };
  context.signal.throwIfAborted();
  const rows = context.sales.totals({ ...scope, grain: input.grain, groupBy: input.groupBy });
  return {
    scope: {
      label,
      sku: product?.sku ?? null,
      category: category ?? null,
      locations: place?.codes ?? null,
    },
    grain: input.grain,
    from: input.from ?? null,
    to: input.to ?? null,
    groupBy: input.groupBy,
    rows: rows.slice(0, input.limit).map((item) => ({
      period: item.period,
      ...(item.sku !== undefined && { sku: item.sku }),
      ...(item.category !== undefined && { category: item.category }),
      ...(item.location !== undefined && { location: item.location }),
      ...(item.region !== undefined && { region: item.region }),
      units: item.units,
      revenue: item.revenue,
      promoRows: item.promoRows,
      stockoutRows: item.stockoutRows,
    })),
    rowCount: Math.min(rows.length, input.limit),
    truncated: rows.length > input.limit,
    totals: {
      units: rows.reduce((total, item) => total + item.units, 0),
      revenue: rows.reduce((total, item) => total + item.revenue, 0),
    },
  };
}

const modelRows = 40;

export const querySalesTool = defineTool({
  name: 'query_sales',
  description:
    'Sales history: units and revenue per day, week or month, for one product or category (or everything), at one location, a region or all locations, optionally split by sku, category, location or region. Products and locations may be given by code or name.',
  input: querySalesInput,
  output: querySalesOutput,
  execute: querySales,
  toModelOutput(output) {
    return {
      scope: output.scope.label,
      grain: output.grain,
      rows: output.rows.slice(0, modelRows).map((item) => ({
        period: item.period,
        ...(item.sku !== undefined && { sku: item.sku }),
        ...(item.category !== undefined && { category: item.category }),
        ...(item.location !== undefined && { location: item.location }),
        ...(item.region !== undefined && { region: item.region }),
        units: item.units,
        revenue: Math.round(item.revenue),
      })),
      ...(output.rows.length > modelRows && { rowsNotShown: output.rowCount - modelRows }),
      ...(output.truncated && { truncatedAt: output.rowCount }),
      totalUnits: output.totals.units,
      totalRevenue: Math.round(output.totals.revenue),
    };
  },
});
