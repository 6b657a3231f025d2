// Rule: a perishable's stock on hand lasts longer than its shelf life at the current rate of
// sale, so part of it will expire on the shelf (FIFO, every unit assumed fresh: a lower bound,
// in whole units).
import { formatAmount, formatDays, formatSoles } from './format';
import { describeOnHand, type StockState } from './stock-state';
import type { RuleAlert } from './types';

export interface ExpiryRiskInput {
  sku: string;
  location: string;
  state: StockState;
  shelfLifeDays: number;
  unitCost: number | null;
}

export function expiryRisk(input: ExpiryRiskInput): RuleAlert | undefined {
  const { state, shelfLifeDays } = input;
  const daily = state.demand.mean;
  const sellable = daily * shelfLifeDays;
  // the tolerance keeps 89.9999999 (a rounding of 90) from losing a unit
  const expiring = Math.floor(state.onHand - sellable + 1e-9);
  if (!(expiring >= 1)) return undefined;
  const daysOfCover = daily > 0 ? state.onHand / daily : Number.POSITIVE_INFINITY;
  const share = expiring / state.onHand;
  const value = input.unitCost !== null && input.unitCost >= 0 ? expiring * input.unitCost : null;
  const coverText =
    daily > 0
      ? `covers ${formatDays(Math.round(daysOfCover))} at ${formatAmount(daily)} a day`
      : 'is not selling';
  return {
    rule: 'expiry_risk',
    sku: input.sku,
    location: input.location,
    start: state.asOf,
    end: state.asOf,
    severity: share > 0.5 ? 'high' : share > 0.2 ? 'medium' : 'low',
    figures: {
      onHand: state.onHand,
      meanDailyDemand: daily,
      // a stock that does not sell has no finite cover (and Infinity is not JSON)
      ...(Number.isFinite(daysOfCover) && { daysOfCover }),
      shelfLifeDays,
      expiringUnits: expiring,
    },
    valueAtRisk: value,
    explanation:
      `at least ${formatAmount(expiring)} ${expiring === 1 ? 'unit' : 'units'}${value !== null ? ` (${formatSoles(value)} at cost)` : ''} ` +
      `will likely expire: ${describeOnHand(state)} ${coverText}, shelf life is ` +
      `${formatDays(shelfLifeDays)}; hold the next order, move stock to a faster location or promote it`,
  };
}
