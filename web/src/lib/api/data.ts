// The data API (README "HTTP API"): products, locations, aggregated sales and CSV imports.
import { request, requestAs, ApiError, type RequestOptions } from './client';
import {
  arrayOf,
  literal,
  nullable,
  num,
  object,
  optional,
  str,
  bool,
  type Guarded,
} from './shape';

const product = object({ sku: str, name: str, category: str });
export type Product = Guarded<typeof product>;
const isProducts = object({ products: arrayOf(product) });

const location = object({ code: str, name: str, region: str });
export type Location = Guarded<typeof location>;
const isLocations = object({ locations: arrayOf(location) });

const salesRow = object({
  period: str,
  units: num,
  revenue: num,
  sku: optional(str),
  location: optional(str),
  category: optional(str),
  region: optional(str),
  /** days of the period with sales rows */
  days: optional(num),
});
export type SalesRow = Guarded<typeof salesRow>;
const isSales = object({ rows: arrayOf(salesRow), rowCount: num, truncated: bool });
export type SalesAnswer = Guarded<typeof isSales>;

export type Grain = 'day' | 'week' | 'month';

export interface SalesQuery {
  sku?: string[];
  location?: string[];
  category?: string[];
  from?: string;
  to?: string;
  grain?: Grain;
  groupBy?: ('sku' | 'category' | 'location' | 'region')[];
}

export async function fetchProducts(options?: RequestOptions): Promise<Product[]> {
  return (await requestAs('/api/products', isProducts, options)).products;
}

export async function fetchLocations(options?: RequestOptions): Promise<Location[]> {
  return (await requestAs('/api/locations', isLocations, options)).locations;
}

/** The query string of GET /api/sales (lists joined with commas, empty parts left out). */
export function salesPath(query: SalesQuery): string {
  const parameters = new URLSearchParams();
  if (query.sku?.length) parameters.set('sku', query.sku.join(','));
  if (query.location?.length) parameters.set('location', query.location.join(','));
  if (query.category?.length) parameters.set('category', query.category.join(','));
  if (query.from) parameters.set('from', query.from);
  if (query.to) parameters.set('to', query.to);
  if (query.grain) parameters.set('grain', query.grain);
  if (query.groupBy?.length) parameters.set('group_by', query.groupBy.join(','));
  const text = parameters.toString();
  return text ? `/api/sales?${text}` : '/api/sales';
}

export function fetchSales(query: SalesQuery, options?: RequestOptions): Promise<SalesAnswer> {
  return requestAs(salesPath(query), isSales, options);
}

export const importKinds = ['sales', 'products', 'inventory', 'supply'] as const;
export type ImportKind = (typeof importKinds)[number];

const problem = object({
  line: num,
  column: nullable(str),
  value: nullable(str),
  reason: str,
  fix: optional(str),
});
export type ImportProblem = Guarded<typeof problem>;

const report = object({
  kind: literal(...importKinds),
  file: str,
  rowsRead: num,
  rowsImported: num,
  rowsRejected: num,
  created: object({ products: num, locations: num }),
  warnings: arrayOf(str),
  problems: arrayOf(problem),
  problemCount: num,
});
export type ImportReport = Guarded<typeof report>;
const isImportAnswer = object({ report });

export type ImportOutcome =
  { ok: true; report: ImportReport } | { ok: false; message: string; report?: ImportReport };

/**
 * Uploads a CSV as multipart (field "file"). A rejected file (422 import_rejected) is an outcome
 * carrying the server's report, row by row; other failures carry the server's message.
 */
export async function importCsv(
  kind: ImportKind,
  file: File,
  options: { createMissing?: boolean } & RequestOptions = {},
): Promise<ImportOutcome> {
  const form = new FormData();
  form.set('file', file, file.name);
  const query = options.createMissing ? '?create_missing=true' : '';
  try {
    const answer = await request(`/api/import/${kind}${query}`, {
      ...options,
      method: 'POST',
      body: form,
    });
    if (!isImportAnswer(answer)) {
      return { ok: false, message: 'the server answered the import in an unexpected shape' };
    }
    return { ok: true, report: answer.report };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return report(error.details)
      ? { ok: false, message: error.message, report: error.details }
      : { ok: false, message: error.message };
  }
}
