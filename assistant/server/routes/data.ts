// GET /api/products, /api/locations, /api/sales (ARCHITECTURE.md 3.3): validated queries, explicit fields.
import type { Hono } from 'hono';
import { z } from 'zod';
import { tryParseIsoDate } from '../../../models/calendar/dates';
import { NotFoundError } from '../../errors';
import type { SalesAggregateRow, SalesDimension } from '../../store/repositories/sales';
import type { Location, Product } from '../../store/types';
import type { AppDeps, AppEnv } from '../types';
import { joinedQuery, parseInput } from '../validation';

/** Most rows one /api/sales answer carries; `truncated` says when there were more. */
export const maxSalesRows = 100_000;

const grains = ['day', 'week', 'month'] as const;
const dimensions = ['sku', 'category', 'location', 'region'] as const satisfies SalesDimension[];

const isoDate = z.string().refine((value) => tryParseIsoDate(value) !== undefined, {
  error: (issue) => `must be a calendar date YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
});

const list = z
  .string()
  .transform((value) => [...new Set(value.split(',').map((item) => item.trim()))].filter(Boolean));

const productsQuery = z.strictObject({ category: z.string().min(1).optional() });

const salesQuery = z
  .strictObject(
    {
      sku: list.optional(),
      location: list.optional(),
      category: list.optional(),
      region: list.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      grain: z.enum(grains, { error: `must be one of ${grains.join(', ')}` }).default('day'),
      group_by: list
        .pipe(
          z.array(z.enum(dimensions, { error: `each must be one of ${dimensions.join(', ')}` })),
        )
        .optional(),
      limit: z.coerce
        .number({ error: `must be a whole number from 1 to ${maxSalesRows}` })
        .int(`must be a whole number from 1 to ${maxSalesRows}`)
        .min(1, `must be a whole number from 1 to ${maxSalesRows}`)
        .max(maxSalesRows, `must be a whole number from 1 to ${maxSalesRows}`)
        .default(maxSalesRows),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown parameter ${issue.keys.map((key) => `"${key}"`).join(', ')}: use sku, location, category, region, from, to, grain, group_by, limit`
          : undefined,
    },
  )
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: (issue) => {
      const input = issue.input as { from?: string; to?: string };
      return `from (${input.from}) must not be after to (${input.to})`;
    },
    path: ['from'],
  });

function productBody(product: Product) {
  return {
    sku: product.sku,
    name: product.name,
    category: product.category,
    brand: product.brand,
    uom: product.uom,
    shelfLifeDays: product.shelfLifeDays,
    unitCost: product.unitCost,
    price: product.price,
    lifecycleStage: product.lifecycleStage,
    launchDate: product.launchDate,
    co2eKgPerUnit: product.co2eKgPerUnit,
    ean: product.ean,
  };
}

function locationBody(location: Location) {
  return {
    code: location.code,
    name: location.name,
    region: location.region,
    city: location.city,
    kind: location.kind,
    sizeFactor: location.sizeFactor,
  };
}

function salesRowBody(row: SalesAggregateRow) {
  return {
    period: row.period,
    ...(row.sku !== undefined && { sku: row.sku }),
    ...(row.category !== undefined && { category: row.category }),
    ...(row.location !== undefined && { location: row.location }),
    ...(row.region !== undefined && { region: row.region }),
    units: row.units,
    revenue: row.revenue,
    days: row.days,
    promoDays: row.promoDays,
    stockoutDays: row.stockoutDays,
  };
}

/** 404 naming every requested value the store does not know, and where to find the known ones. */
function requireKnown(
  what: string,
  requested: readonly string[] | undefined,
  known: (value: string) => boolean,
  listedAt: string,
): void {
  const unknown = (requested ?? []).filter((value) => !known(value));
  if (unknown.length === 0) return;
  const names = unknown.map((value) => JSON.stringify(value)).join(', ');
  throw new NotFoundError(`unknown ${what} ${names}: ${listedAt}`, { [what]: unknown });
}

export function registerDataRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { store } = deps;

  app.get('/api/products', (c) => {
    const query = parseInput(productsQuery, c.req.query(), 'query');
    if (query.category !== undefined) {
      const categories = store.products.categories();
      requireKnown(
        'category',
        [query.category],
        (value) => categories.includes(value),
        `known categories are ${categories.join(', ') || '(none: the store is empty)'}`,
      );
    }
    const products = store.products.list({ category: query.category });
    return c.json({ products: products.map(productBody) });
  });

  app.get('/api/locations', (c) => {
    parseInput(z.strictObject({}), c.req.query(), 'query');
    return c.json({ locations: store.locations.list().map(locationBody) });
  });

  app.get('/api/sales', (c) => {
    const query = parseInput(salesQuery, joinedQuery(c.req.queries()), 'query');
    requireKnown(
      'sku',
      query.sku,
      (sku) => store.products.findBySku(sku) !== undefined,
      'GET /api/products lists the known SKUs',
    );
    requireKnown(
      'location',
      query.location,
      (code) => store.locations.findByCode(code) !== undefined,
      'GET /api/locations lists the known location codes',
    );
    const categories = query.category && store.products.categories();
    requireKnown(
      'category',
      query.category,
      (value) => categories?.includes(value) ?? true,
      `known categories are ${(categories || []).join(', ') || '(none)'}`,
    );
    const regions = query.region && new Set(store.locations.list().map((row) => row.region));
    requireKnown(
      'region',
      query.region,
      (value) => regions?.has(value) ?? true,
      `known regions are ${[...(regions || [])].join(', ') || '(none)'}`,
    );
    const rows = store.sales.aggregate({
      grain: query.grain,
      groupBy: query.group_by,
      skus: query.sku,
      locations: query.location,
      categories: query.category,
      regions: query.region,
      from: query.from,
      to: query.to,
    });
    return c.json({
      grain: query.grain,
      from: query.from ?? null,
      to: query.to ?? null,
      groupBy: query.group_by ?? [],
      filters: {
        sku: query.sku ?? [],
        location: query.location ?? [],
        category: query.category ?? [],
        region: query.region ?? [],
      },
      rowCount: Math.min(rows.length, query.limit),
      truncated: rows.length > query.limit,
      rows: rows.slice(0, query.limit).map(salesRowBody),
    });
  });
}
