// Rule: the stock on hand and on order does not cover the expected demand over the lead time, so
// the shelf empties before an order placed today could arrive.
import { formatIsoDate, parseIsoDate } from '../../calendar/dates';
import { formatAmount, formatDays, formatSoles } from './format';
import type { SafetyStock } from './safety-stock';
import { describeOnHand, type StockState } from './stock-state';
import type { RuleAlert, RuleSupply } from './types';

export interface ProjectedStockoutInput {
  sku: string;
  location: string;
  state: StockState;
  supply: RuleSupply;
  safety: SafetyStock;
  /** list price, to value the sales at risk */
  price: number | null;
}

/** Units to order now to end the lead time at the safety stock, rounded up to whole units and the MOQ. */
export function orderQuantity(state: StockState, supply: RuleSupply, safety: SafetyStock): number {
  const needed =
    state.demand.mean * supply.leadTimeDays + safety.safetyStock - state.onHand - state.onOrder;
  return Math.max(Math.ceil(needed), supply.moq ?? 0, 0);
}

export function projectedStockout(input: ProjectedStockoutInput): RuleAlert | undefined {
  const { state, supply, safety } = input;
  const daily = state.demand.mean;
  const leadTime = supply.leadTimeDays;
  if (!(daily > 0) || !(leadTime > 0)) return undefined;
  const available = state.onHand + state.onOrder;
  const leadTimeDemand = daily * leadTime;
  if (available >= leadTimeDemand) return undefined;

  const daysOfCover = available / daily;
  // first day whose projected closing stock is at or below zero (the count day itself when empty)
  const daysToStockout = available > 0 ? Math.ceil(available / daily) : 0;
  const asOfDay = parseIsoDate(state.asOf);
  const stockoutDate = formatIsoDate(asOfDay + daysToStockout);
  const shortfall = leadTimeDemand - available;
  const quantity = orderQuantity(state, supply, safety);
  const severity = available <= 0 || daysOfCover < leadTime / 2 ? 'high' : 'medium';
  const onOrderText = state.onOrder > 0 ? ` + ${formatAmount(state.onOrder)} on order` : '';
  const moqText =
    supply.moq !== null && quantity === supply.moq && supply.moq > 0 ? ' (the minimum order)' : '';
  return {
    rule: 'projected_stockout',
    sku: input.sku,
    location: input.location,
    start: state.asOf,
    end: formatIsoDate(asOfDay + Math.ceil(leadTime)),
    severity,
    figures: {
      onHand: state.onHand,
      onOrder: state.onOrder,
      meanDailyDemand: daily,
      leadTimeDays: leadTime,
      leadTimeDemand,
      daysOfCover,
      daysToStockout,
      shortfall,
      orderQuantity: quantity,
    },
    valueAtRisk: input.price !== null && input.price >= 0 ? shortfall * input.price : null,
    explanation:
      `order ${formatAmount(quantity)} units now${moqText}: ${describeOnHand(state)}${onOrderText} ` +
      `covers ${formatDays(Math.floor(daysOfCover))} at ${formatAmount(daily)} a day, lead time is ` +
      `${formatDays(leadTime)}; stock runs out about ${stockoutDate}, ` +
      `${formatAmount(shortfall)} units short of the lead-time demand` +
      (input.price !== null
        ? ` (${formatSoles(shortfall * input.price)} of sales at list price)`
        : ''),
  };
}
