// Rule: the stock on hand has fallen below the safety stock the service level asks for.
import { formatAmount, formatDays } from './format';
import type { SafetyStock } from './safety-stock';
import { describeOnHand, type StockState } from './stock-state';
import type { RuleAlert, RuleSupply } from './types';

export interface BelowSafetyStockInput {
  sku: string;
  location: string;
  state: StockState;
  supply: RuleSupply;
  safety: SafetyStock;
  serviceLevel: number;
}

export function belowSafetyStock(input: BelowSafetyStockInput): RuleAlert | undefined {
  const { state, supply, safety } = input;
  if (!(safety.safetyStock > 0) || state.onHand >= safety.safetyStock) return undefined;
  const gap = safety.safetyStock - state.onHand;
  const leadTimeSd = supply.leadTimeSdDays ?? 0;
  const variability =
    leadTimeSd > 0
      ? ` and a lead time of ${formatDays(supply.leadTimeDays)} ± ${formatAmount(leadTimeSd)}`
      : ` over a lead time of ${formatDays(supply.leadTimeDays)}`;
  const fix =
    state.onOrder > 0
      ? `expedite the ${formatAmount(state.onOrder)} units on order or order ${formatAmount(Math.ceil(gap))} more`
      : `order at least ${formatAmount(Math.max(Math.ceil(gap), supply.moq ?? 0))} units`;
  return {
    rule: 'below_safety_stock',
    sku: input.sku,
    location: input.location,
    start: state.asOf,
    end: state.asOf,
    severity: state.onHand < safety.safetyStock / 2 ? 'high' : 'medium',
    figures: {
      onHand: state.onHand,
      onOrder: state.onOrder,
      safetyStock: safety.safetyStock,
      gap,
      z: safety.z,
      serviceLevel: input.serviceLevel,
      meanDailyDemand: state.demand.mean,
      demandStandardDeviation: state.demand.standardDeviation,
      leadTimeDays: supply.leadTimeDays,
      leadTimeSdDays: leadTimeSd,
    },
    // a buffer below target is a risk, not a loss: the stockout rule values the lost sales
    valueAtRisk: null,
    explanation:
      `${fix}: ${describeOnHand(state)} is below the safety stock of ` +
      `${formatAmount(safety.safetyStock)} for ${Math.round(input.serviceLevel * 1000) / 10}% service ` +
      `(daily demand ${formatAmount(state.demand.mean)} ± ${formatAmount(state.demand.standardDeviation)}` +
      `${variability})`,
  };
}
