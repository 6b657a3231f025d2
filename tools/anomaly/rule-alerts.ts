// Runs the planners' business rules (models/anomaly/business-rules.ts) over every SKU x location in
// a scope: each listing's daily sales with its stock counts, its supply terms and its product's
// shelf life, cost and price. Data rules look back a year before the window for their scale;
// alerts are kept when they touch the window.
import {
  runBusinessRules,
  type RuleAlert,
  type RuleDay,
  type RuleSettings,
} from '../../models/anomaly/business-rules';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import type { ListingHistory, SalesScope, ToolContext } from '../tool-context';

/** History read before the window: the plausibility scale needs months, demand four weeks. */
const LOOKBACK_DAYS = 365;

export interface ListingRuleAlert extends RuleAlert {
  product: string;
  region: string;
}

export interface RuleAlertsResult {
  /** sorted by value at risk (unknown last), then severity, SKU, location and date */
  alerts: ListingRuleAlert[];
  listingsChecked: number;
  /** listings a rule could not judge, with why */
  notes: Array<{ sku: string; location: string; note: string }>;
}

export interface RuleAlertsOptions {
  /** listings already read with `{ stock: true }` over the scope; default: read here */
  listings?: readonly ListingHistory[];
  settings?: Partial<RuleSettings>;
}

const severityRank = { high: 0, medium: 1, low: 2 } as const;

function readListings(context: ToolContext, scope: SalesScope): ListingHistory[] {
  const from =
    scope.from === undefined ? undefined : formatIsoDate(parseIsoDate(scope.from) - LOOKBACK_DAYS);
  return context.sales.listings({ ...scope, ...(from !== undefined && { from }) }, { stock: true });
}

function ruleDays(history: ListingHistory): RuleDay[] {
  return history.days.map((day) => ({
    date: day.date,
    units: day.units,
    promo: day.promo,
    stockout: day.stockout,
    onHand: day.onHand ?? null,
    onOrder: day.onOrder ?? null,
  }));
}

/** The business-rule alerts of every listing in the scope that touch [scope.from, scope.to]. */
export function findRuleAlerts(
  context: ToolContext,
  scope: SalesScope,
  options: RuleAlertsOptions = {},
): RuleAlertsResult {
  const products = new Map(context.catalog.products().map((product) => [product.sku, product]));
  const histories = options.listings ?? readListings(context, scope);
  const alerts: ListingRuleAlert[] = [];
  const notes: RuleAlertsResult['notes'] = [];
  let listingsChecked = 0;
  for (const history of histories) {
    context.signal.throwIfAborted();
    if (history.days.length === 0) continue;
    listingsChecked += 1;
    const product = products.get(history.sku);
    const days = ruleDays(history);
    const lastDay = days[days.length - 1] as RuleDay;
    // without daily counts, the latest count stands in when it is no later than the history
    const hasCounts = days.some((day) => day.onHand !== null);
    const latest = hasCounts ? undefined : context.inventory.latest(history.sku, history.location);
    const result = runBusinessRules(
      {
        sku: history.sku,
        location: history.location,
        days,
        count: latest && latest.date <= lastDay.date ? latest : null,
        supply: context.supply.forListing(history.sku, history.location) ?? null,
        shelfLifeDays: product?.shelfLifeDays ?? null,
        unitCost: product?.unitCost ?? null,
        price: product?.price ?? null,
      },
      options.settings,
    );
    for (const note of result.notes)
      notes.push({ sku: history.sku, location: history.location, note });
    for (const alert of result.alerts) {
      if (scope.from !== undefined && alert.end < scope.from) continue;
      if (scope.to !== undefined && alert.start > scope.to) continue;
      alerts.push({ ...alert, product: product?.name ?? history.sku, region: history.region });
    }
  }
  alerts.sort(
    (left, right) =>
      (right.valueAtRisk ?? -1) - (left.valueAtRisk ?? -1) ||
      severityRank[left.severity] - severityRank[right.severity] ||
      left.sku.localeCompare(right.sku) ||
      left.location.localeCompare(right.location) ||
      left.start.localeCompare(right.start),
  );
  return { alerts, listingsChecked, notes };
}
