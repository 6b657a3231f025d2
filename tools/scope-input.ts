// The scope fields several tools share (a product or a category, a location or region, dates)
// and their resolution against the catalogue, so each tool validates and labels them alike.
import { z } from 'zod';
import { tryParseIsoDate } from '../models/calendar/dates';
import {
  resolveCategory,
  resolveLocationScope,
  resolveProduct,
  type LocationScope,
} from './resolve';
import type { CatalogProduct, SalesScope, ToolContext } from './tool-context';

export const isoDate = z.string().refine((value) => tryParseIsoDate(value) !== undefined, {
  error: (issue) => `must be a calendar date YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
});

export const scopeFields = {
  product: z.string().trim().min(1).optional().describe('SKU code or product name'),
  category: z.string().trim().min(1).optional().describe('product category, e.g. "dairy"'),
  location: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('location code or name, or a region name; omit for all locations'),
};

interface ScopeInput {
  product?: string | undefined;
  category?: string | undefined;
  location?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

type Check = [(input: ScopeInput) => boolean, { message: string; path: string[] }];

export const productOrCategory: Check = [
  (input) => !(input.product !== undefined && input.category !== undefined),
  { message: 'give product or category, not both', path: ['category'] },
];

export const fromNotAfterTo: Check = [
  (input) => !input.from || !input.to || input.from <= input.to,
  { message: 'from must not be after to', path: ['from'] },
];

export interface ResolvedScope {
  product: CatalogProduct | undefined;
  category: string | undefined;
  place: LocationScope | undefined;
  /** the SKU / category / location filters (no dates) */
  scope: SalesScope;
  /** "Quinoa blanca 500 g (GRA-005) at all locations" */
  label: string;
}

export function resolveScope(input: ScopeInput, context: ToolContext): ResolvedScope {
  const products = context.catalog.products();
  const product = input.product === undefined ? undefined : resolveProduct(input.product, products);
  const category =
    input.category === undefined
      ? undefined
      : resolveCategory(input.category, [...new Set(products.map((item) => item.category))].sort());
  const place =
    input.location === undefined
      ? undefined
      : resolveLocationScope(input.location, context.catalog.locations());
  const what = product
    ? `${product.name} (${product.sku})`
    : category
      ? `category ${category}`
      : 'all products';
  return {
    product,
    category,
    place,
    scope: {
      ...(product && { skus: [product.sku] }),
      ...(category && { categories: [category] }),
      ...(place && { locations: place.codes }),
    },
    label: `${what} at ${place ? place.label : 'all locations'}`,
  };
}
