// optimize_inventory's result as the view needs it (mirrors tools/inventory/optimize-inventory-
// output.ts), checked at the boundary, and the pure shaping behind the view: the current vs
// recommended totals with their changes, the orders to place now (with the budget plan's
// quantities when there is one) and the per-item rows, collapsed after a dozen.
import {
  arrayOf,
  bool,
  literal,
  nullable,
  num,
  object,
  str,
  type Guarded,
} from '../../lib/api/shape';

const policy = object({ reorderPoint: num, orderUpToLevel: num });

const outcome = object({
  averageInventoryValue: num,
  fillRate: num,
  fillRateHalfWidth: num,
  cycleServiceLevel: num,
  stockoutDays: num,
  wasteUnits: num,
  wasteValue: num,
  wasteCo2eKg: num,
});
export type InventoryOutcome = Guarded<typeof outcome>;

const measure = literal('fill-rate', 'cycle-service-level');
export type ServiceMeasure = Guarded<typeof measure>;

const item = object({
  sku: str,
  name: str,
  location: str,
  perishable: bool,
  shelfLifeDays: nullable(num),
  position: object({ onHand: num, onOrder: num, daysOfCover: nullable(num) }),
  demand: object({ note: nullable(str) }),
  target: object({ measure, level: num }),
  recommendation: object({ policy, orderQuantity: num, why: str }),
  orderNow: num,
  orderNowValue: num,
  current: nullable(object({ policy })),
  comparison: object({ recommended: outcome, current: nullable(outcome) }),
});
export type InventoryItem = Guarded<typeof item>;

const totals = object({
  averageInventoryValue: num,
  averageExcessValue: num,
  fillRate: num,
  wasteUnits: num,
  wasteValue: num,
  wasteCo2eKg: num,
});

export const isInventoryResult = object({
  scope: str,
  dataThrough: str,
  horizonDays: num,
  replications: num,
  items: arrayOf(item),
  skipped: arrayOf(object({ sku: str, location: str, reason: str })),
  orders: object({ count: num, units: num, value: num }),
  plan: nullable(
    object({
      status: str,
      budget: num,
      orderValue: num,
      explanations: arrayOf(str),
      orders: arrayOf(object({ sku: str, location: str, orderQuantity: num })),
    }),
  ),
  comparison: object({
    items: num,
    recommended: totals,
    current: totals,
    inventoryValueChangePercent: nullable(num),
    excessValueChangePercent: nullable(num),
    fillRateChangePoints: num,
    wasteValueChange: num,
    note: str,
  }),
  notes: arrayOf(str),
});
export type InventoryResultData = Guarded<typeof isInventoryResult>;
export type InventoryPlan = NonNullable<InventoryResultData['plan']>;

type Format = (value: number, digits: number) => string;

/** A stable key for an item (its listing). */
export function itemKey(entry: { sku: string; location: string }): string {
  return `${entry.sku}|${entry.location}`;
}

/** The service measure the items were optimised for (every item shares the call's measure). */
export function serviceMeasure(items: readonly InventoryItem[]): ServiceMeasure {
  return items[0]?.target.measure ?? 'fill-rate';
}

/** An outcome's service in the given measure, as a fraction. */
export function serviceOf(result: InventoryOutcome, measure: ServiceMeasure): number {
  return measure === 'fill-rate' ? result.fillRate : result.cycleServiceLevel;
}

/** A fraction as a percentage: 0.9735 -> "97.4 %" (one decimal). */
export function percentText(fraction: number, format: Format): string {
  return `${format(fraction * 100, 1)} %`;
}

/** A change with its sign: "+12", "−3.5" (a true minus), "0" when it rounds to nothing. */
export function signedText(value: number, format: Format, digits = 0): string {
  const text = format(Math.abs(value), digits);
  if (Number(Math.abs(value).toFixed(digits)) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

export type ComparisonKey =
  'inventoryValue' | 'excessValue' | 'fillRate' | 'wasteUnits' | 'wasteValue' | 'wasteCo2e';

export interface ComparisonRow {
  key: ComparisonKey;
  current: number;
  recommended: number;
  /** recommended - current, in the row's unit (percentage points for the fill rate) */
  change: number;
  /** the relative change in percent, where the tool gives one (inventory and excess value) */
  changePercent: number | null;
  kind: 'money' | 'percent' | 'units' | 'kg';
}

/** The totals of the simulated comparison as rows: current (inferred), recommended, change. */
export function comparisonRows(comparison: InventoryResultData['comparison']): ComparisonRow[] {
  const { current, recommended } = comparison;
  const row = (
    key: ComparisonKey,
    kind: ComparisonRow['kind'],
    currentValue: number,
    recommendedValue: number,
    changePercent: number | null = null,
  ): ComparisonRow => ({
    key,
    kind,
    current: currentValue,
    recommended: recommendedValue,
    change: recommendedValue - currentValue,
    changePercent,
  });
  return [
    row(
      'inventoryValue',
      'money',
      current.averageInventoryValue,
      recommended.averageInventoryValue,
      comparison.inventoryValueChangePercent,
    ),
    // the company's excess: units above the maximum days of cover, at cost
    row(
      'excessValue',
      'money',
      current.averageExcessValue,
      recommended.averageExcessValue,
      comparison.excessValueChangePercent,
    ),
    {
      ...row('fillRate', 'percent', current.fillRate, recommended.fillRate),
      change: comparison.fillRateChangePoints,
    },
    row('wasteUnits', 'units', current.wasteUnits, recommended.wasteUnits),
    {
      ...row('wasteValue', 'money', current.wasteValue, recommended.wasteValue),
      change: comparison.wasteValueChange,
    },
    row('wasteCo2e', 'kg', current.wasteCo2eKg, recommended.wasteCo2eKg),
  ];
}

/** The quantity the budget plan orders for an item: undefined without a plan, 0 when left out. */
export function plannedQuantity(
  entry: { sku: string; location: string },
  plan: InventoryResultData['plan'],
): number | undefined {
  if (plan === null) return undefined;
  const key = itemKey(entry);
  return plan.orders.find((order) => itemKey(order) === key)?.orderQuantity ?? 0;
}

/** The items to order now (suggested, or ordered by the budget plan), in the tool's order. */
export function orderSuggestion(
  items: readonly InventoryItem[],
  plan: InventoryResultData['plan'],
): InventoryItem[] {
  return items.filter((entry) => entry.orderNow > 0 || (plannedQuantity(entry, plan) ?? 0) > 0);
}

/** How many item rows a long list shows until "show all". */
export const collapsedRows = 12;

/**
 * The items shown: the first `limit` unless expanded, and how many are hidden. A list only a few
 * rows longer than the limit is shown whole (a "show all" for two rows is noise).
 */
export function visibleItems<T>(
  items: readonly T[],
  expanded: boolean,
  limit = collapsedRows,
): { shown: readonly T[]; hidden: number } {
  if (expanded || items.length <= limit + 4) return { shown: items, hidden: 0 };
  return { shown: items.slice(0, limit), hidden: items.length - limit };
}
