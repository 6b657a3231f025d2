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

/** Units and revenue over the rows. */
export function salesTotals(rows: readonly SalesRow[]): { units: number; revenue: number } {
  return rows.reduce(
    (total, row) => ({ units: total.units + row.units, revenue: total.revenue + row.revenue }),
    { units: 0, revenue: 0 },
  );
}
