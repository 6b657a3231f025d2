// The EOQ with quantity discounts (Snyder & Shen 2nd ed., section 3.4): breakpoints
// 0 = b0 < b1 < ... < bn split order quantities into regions; the holding cost is a rate i of the
// unit cost; the cost per unit time includes the purchase cost.
import { requireNonNegative, requirePositive } from './inventory-arguments';

export interface DiscountInput {
  fixedCost: number;
  holdingCostRate: number;
  demandRate: number;
  breakpoints: readonly number[];
  unitCosts: readonly number[];
}

export interface DiscountResult {
  orderQuantity: number;
  /** Index j of the region b_j <= Q < b_{j+1}. */
  region: number;
  cost: number;
}

function checkDiscounts(input: DiscountInput): void {
  requireNonNegative('fixed_cost', input.fixedCost);
  requirePositive('holding_cost_rate', input.holdingCostRate);
  requirePositive('demand_rate', input.demandRate);
  const { breakpoints, unitCosts } = input;
  if (!Array.isArray(breakpoints) || breakpoints.length === 0 || breakpoints[0] !== 0)
    throw new RangeError('breakpoints: give a list starting with 0, e.g. [0, 400, 800]');
  breakpoints.forEach((value, index) => {
    requireNonNegative(`breakpoints[${index}]`, value);
    if (index > 0 && !(value > breakpoints[index - 1]!))
      throw new RangeError(`breakpoints[${index}]: ${value} must be greater than the one before`);
  });
  if (!Array.isArray(unitCosts) || unitCosts.length !== breakpoints.length)
    throw new RangeError(
      `unit_costs: give one unit cost per breakpoint (${breakpoints.length}), got ${Array.isArray(unitCosts) ? unitCosts.length : String(unitCosts)}`,
    );
  unitCosts.forEach((value, index) => requirePositive(`unit_costs[${index}]`, value));
}

function inRegion(quantity: number, region: number, breakpoints: readonly number[]): boolean {
  const upper = breakpoints[region + 1];
  return quantity >= breakpoints[region]! && (upper === undefined || quantity < upper);
}

/**
 * All-units discount: every unit costs c_j when Q is in region j; g_j(Q) = c_jλ + Kλ/Q + ic_jQ/2
 * (eq. 3.18). The optimum is a realizable region EOQ or a breakpoint (section 3.4.2).
 */
export function eoqAllUnitsDiscount(input: DiscountInput): DiscountResult {
  checkDiscounts(input);
  const { fixedCost: K, holdingCostRate: i, demandRate: lambda, breakpoints, unitCosts } = input;
  const cost = (quantity: number, region: number) =>
    unitCosts[region]! * lambda + (K * lambda) / quantity + (i * unitCosts[region]! * quantity) / 2;
  let best: DiscountResult | undefined;
  const consider = (orderQuantity: number, region: number) => {
    const candidate = { orderQuantity, region, cost: cost(orderQuantity, region) };
    if (best === undefined || candidate.cost < best.cost) best = candidate;
  };
  unitCosts.forEach((unitCost, region) => {
    const quantity = Math.sqrt((2 * K * lambda) / (i * unitCost));
    if (quantity > 0 && inRegion(quantity, region, breakpoints)) consider(quantity, region);
  });
  for (let region = 1; region < breakpoints.length; region += 1)
    consider(breakpoints[region]!, region);
  if (best === undefined)
    throw new RangeError(
      'fixed_cost: with K = 0 and one region no positive order quantity is optimal',
    );
  return best;
}

/**
 * Incremental discount: units between b_k and b_{k+1} cost c_k; in region j the purchase cost is
 * c̄_j + c_jQ with c̄_j = Σ_{k<j} c_k(b_{k+1} - b_k) - c_jb_j, so
 * g_j(Q) = c_jλ + ic̄_j/2 + (K + c̄_j)λ/Q + ic_jQ/2 and Q*_j = √(2(K + c̄_j)λ/(ic_j)) (eq. 3.20-3.22).
 * The total cost is continuous in Q, so the optimum is the best realizable Q*_j.
 */
export function eoqIncrementalDiscount(input: DiscountInput): DiscountResult {
  checkDiscounts(input);
  const { fixedCost: K, holdingCostRate: i, demandRate: lambda, breakpoints, unitCosts } = input;
  let best: DiscountResult | undefined;
  let costBelow = 0; // Σ_{k<j} c_k(b_{k+1} - b_k)
  unitCosts.forEach((unitCost, region) => {
    if (region > 0)
      costBelow += unitCosts[region - 1]! * (breakpoints[region]! - breakpoints[region - 1]!);
    const offset = costBelow - unitCost * breakpoints[region]!;
    const quantity = Math.sqrt((2 * (K + offset) * lambda) / (i * unitCost));
    if (!(quantity > 0) || !inRegion(quantity, region, breakpoints)) return;
    const cost =
      unitCost * lambda +
      (i * offset) / 2 +
      ((K + offset) * lambda) / quantity +
      (i * unitCost * quantity) / 2;
    if (best === undefined || cost < best.cost) best = { orderQuantity: quantity, region, cost };
  });
  if (best === undefined)
    throw new RangeError('fixed_cost: with K = 0 no region has a realizable order quantity');
  return best;
}
