// query_sales' result as the view needs it (mirrors tools/query-sales.ts), checked at the boundary,
// and its rows as chart columns: one line per group (the groupBy dimensions), largest groups first.
import {
  arrayOf,
  bool,
  literal,
  num,
  object,
  optional,
  str,
  type Guarded,
} from '../../lib/api/shape';
import type { TimeChartSpec } from '../../lib/charts/render';
import { groupedColumns } from '../../lib/charts/series';

const dimension = literal('sku', 'category', 'location', 'region');
export type Dimension = Guarded<typeof dimension>;

const row = object({
  period: str,
  sku: optional(str),
  category: optional(str),
  location: optional(str),
  region: optional(str),
  units: num,
  revenue: num,
  promoRows: num,
  stockoutRows: num,
});
export type QuerySalesRow = Guarded<typeof row>;

export const isQuerySalesResult = object({
  scope: object({ label: str }),
  grain: literal('day', 'week', 'month'),
  groupBy: arrayOf(dimension),
  rows: arrayOf(row),
  rowCount: num,
  truncated: bool,
  totals: object({ units: num, revenue: num }),
});
export type QuerySalesResultData = Guarded<typeof isQuerySalesResult>;

export const lineColors = [
  '#1f4e79',
  '#c0504d',
  '#4f8a10',
  '#7a5c00',
  '#6b3fa0',
  '#00838f',
  '#ad1457',
  '#5a5a5a',
] as const;

/** A row's group label: its groupBy values joined, or undefined when not grouped. */
export function groupLabel(
  row: Partial<Record<Dimension, string>>,
  groupBy: readonly Dimension[],
): string {
  return groupBy.map((dimension) => row[dimension] ?? '–').join(' · ');
}

/** Units per period, one line per group (at most 8). */
export function salesChartSpec(
  rows: readonly QuerySalesRow[],
  groupBy: readonly Dimension[],
  unitsLabel: string,
  locale?: string,
): TimeChartSpec {
  const { x, groups } = groupedColumns(
    rows,
    groupBy.length > 0 ? (row) => groupLabel(row, groupBy) : undefined,
    lineColors.length,
  );
  return {
    x,
    lines: groups.map((group, index) => ({
      label: groupBy.length > 0 ? group.label : unitsLabel,
      values: group.values,
      color: lineColors[index % lineColors.length] as string,
    })),
    height: 200,
    ...(locale !== undefined && { locale }),
  };
}
