// The data page's logic: products grouped by category for the picker, and the sales chart of a
// product from GET /api/sales rows.
import type { Product, SalesRow } from '../../lib/api/data';
import type { TimeChartSpec } from '../../lib/charts/render';
import { groupedColumns } from '../../lib/charts/series';

/** Products by category (categories and products in alphabetical order), for <optgroup>s. */
export function productsByCategory(
  products: readonly Product[],
): { category: string; products: Product[] }[] {
  const groups = new Map<string, Product[]>();
  for (const product of products) {
    const list = groups.get(product.category);
    if (list) list.push(product);
    else groups.set(product.category, [product]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, list]) => ({
      category,
      products: [...list].sort((a, b) => a.sku.localeCompare(b.sku)),
    }));
}

/** The units line of the sales rows. */
export function salesSpec(
  rows: readonly SalesRow[],
  label: string,
  locale?: string,
): TimeChartSpec {
  const { x, groups } = groupedColumns(rows);
  return {
    x,
    lines: groups.map((group) => ({ label, values: group.values, color: '#1f4e79' })),
    height: 260,
    ...(locale !== undefined && { locale }),
  };
}

/**
 * A last week or month with clearly fewer days of data than the others is the current, unfinished
 * period (the data ends yesterday): drawn, it reads as a collapse in demand, so it is left out of
 * the chart and named instead. Periods of days are always whole.
 */
export function withoutPartialLastPeriod(
  rows: readonly SalesRow[],
  grain: 'day' | 'week' | 'month',
): { rows: readonly SalesRow[]; partial: SalesRow | undefined } {
  const last = rows.at(-1);
  if (grain === 'day' || rows.length < 3 || last?.days === undefined)
    return { rows, partial: undefined };
  const others = rows
    .slice(0, -1)
    .map((row) => row.days)
    .filter((days): days is number => days !== undefined)
    .sort((a, b) => a - b);
  const typical = others[Math.floor(others.length / 2)];
  if (typical === undefined || last.days >= 0.75 * typical) return { rows, partial: undefined };
  return { rows: rows.slice(0, -1), partial: last };
}

/** Units and revenue over the rows. */
export function salesTotals(rows: readonly SalesRow[]): { units: number; revenue: number } {
  return rows.reduce(
    (total, row) => ({ units: total.units + row.units, revenue: total.revenue + row.revenue }),
    { units: 0, revenue: 0 },
  );
}
