// The economic order quantity and its variants (Snyder & Shen 2nd ed., sections 3.2, 3.5, 3.6):
// deterministic demand at rate λ, fixed cost K per order, holding cost h per unit per unit time;
// costs are per unit time and exclude the purchase cost.
import { requireNonNegative, requirePositive } from './inventory-arguments';

export interface EoqInput {
  fixedCost: number;
  holdingCost: number;
  demandRate: number;
}

export interface EoqResult {
  orderQuantity: number;
  cost: number;
}

function checkEoq(input: EoqInput): void {
  requireNonNegative('fixed_cost', input.fixedCost);
  requirePositive('holding_cost', input.holdingCost);
  requireNonNegative('demand_rate', input.demandRate);
}

/** Q* = √(2Kλ/h), g* = √(2Kλh) (eq. 3.4, 3.5). */
export function eoq(input: EoqInput): EoqResult {
  checkEoq(input);
  const orderQuantity = Math.sqrt((2 * input.fixedCost * input.demandRate) / input.holdingCost);
  return {
    orderQuantity,
    cost: Math.sqrt(2 * input.fixedCost * input.demandRate * input.holdingCost),
  };
}

/** g(Q) = Kλ/Q + hQ/2 (eq. 3.3). */
export function eoqCost(input: EoqInput & { orderQuantity: number }): number {
  checkEoq(input);
  requirePositive('order_quantity', input.orderQuantity);
  return (
    (input.fixedCost * input.demandRate) / input.orderQuantity +
    (input.holdingCost * input.orderQuantity) / 2
  );
}

export interface EoqBackordersResult extends EoqResult {
  /** The fraction x of each cycle spent in backorder. */
  stockoutFraction: number;
}

/** Planned backorders: Q* = √(2Kλ(h+p)/(hp)), x* = h/(h+p), g* = √(2Kλhp/(h+p)) (eq. 3.27-3.29). */
export function eoqBackorders(input: EoqInput & { stockoutCost: number }): EoqBackordersResult {
  checkEoq(input);
  requirePositive('stockout_cost', input.stockoutCost);
  const { fixedCost, holdingCost, stockoutCost, demandRate } = input;
  const total = holdingCost + stockoutCost;
  return {
    orderQuantity: Math.sqrt((2 * fixedCost * demandRate * total) / (holdingCost * stockoutCost)),
    stockoutFraction: holdingCost / total,
    cost: Math.sqrt((2 * fixedCost * demandRate * holdingCost * stockoutCost) / total),
  };
}

/** Finite production rate μ > λ, ρ = λ/μ: Q* = √(2Kλ/(h(1-ρ))), g* = √(2Kλh(1-ρ)) (eq. 3.31, 3.32). */
export function epq(input: EoqInput & { productionRate: number }): EoqResult {
  checkEoq(input);
  requirePositive('production_rate', input.productionRate);
  if (!(input.demandRate < input.productionRate))
    throw new RangeError(
      `production_rate: ${input.productionRate} must exceed demand_rate (${input.demandRate}), or production never catches up`,
    );
  const effectiveHolding = input.holdingCost * (1 - input.demandRate / input.productionRate);
  return eoq({ ...input, holdingCost: effectiveHolding });
}
