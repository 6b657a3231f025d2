// The optimal periodic-review (s, S) policy for Poisson demand (Zheng & Federgruen 1991, "Finding
// optimal (s, S) policies is about as simple as evaluating a single policy", Operations Research
// 39(4); Snyder & Shen 2nd ed. section 4.6, Algorithm 4.2). When the inventory position is at or
// below s, order up to S; zero lead time; h per unit held and p per unit short at period end.
import { requirePositive } from './inventory-arguments';
import { poissonCdf, poissonLoss, poissonPmf } from './loss-functions';

export interface SsPoissonInput {
  holdingCost: number;
  stockoutCost: number;
  fixedCost: number;
  demandMean: number;
}

export interface SsPolicy {
  reorderPoint: number;
  orderUpToLevel: number;
}

interface Evaluator {
  newsvendorCost(y: number): number;
  policyCost(reorderPoint: number, orderUpToLevel: number): number;
}

/**
 * g(s, S) = (K + Σ_{d=0}^{S-s-1} m(d) G(S - d)) / M(S - s), where m is the renewal density of the
 * demand (m(0) = 1/(1 - p0), m(j) = m(0) Σ_{l=1}^{j} p_l m(j - l)) and M(j) = Σ_{i<j} m(i)
 * (Snyder & Shen eq. 4.71-4.75).
 */
function evaluator(input: SsPoissonInput): Evaluator {
  requirePositive('holding_cost', input.holdingCost);
  requirePositive('stockout_cost', input.stockoutCost);
  requirePositive('fixed_cost', input.fixedCost);
  requirePositive('demand_mean', input.demandMean);
  const pmf: number[] = [];
  const renewal: number[] = [];
  const cumulativeRenewal: number[] = [0];
  const costs = new Map<number, number>();
  const grow = (size: number) => {
    while (renewal.length < size) {
      const j = renewal.length;
      while (pmf.length <= j) pmf.push(poissonPmf(pmf.length, input.demandMean));
      if (j === 0) renewal.push(1 / (1 - pmf[0]!));
      else {
        let sum = 0;
        for (let l = 1; l <= j; l += 1) sum += pmf[l]! * renewal[j - l]!;
        renewal.push(renewal[0]! * sum);
      }
      cumulativeRenewal.push(cumulativeRenewal[j]! + renewal[j]!);
    }
  };
  const newsvendorCost = (y: number) => {
    let value = costs.get(y);
    if (value === undefined) {
      const losses = poissonLoss(y, input.demandMean);
      value = input.holdingCost * losses.complementaryLoss + input.stockoutCost * losses.loss;
      costs.set(y, value);
    }
    return value;
  };
  const policyCost = (reorderPoint: number, orderUpToLevel: number) => {
    const gap = orderUpToLevel - reorderPoint;
    grow(gap);
    let total = input.fixedCost;
    for (let d = 0; d < gap; d += 1) total += renewal[d]! * newsvendorCost(orderUpToLevel - d);
    return total / cumulativeRenewal[gap]!;
  };
  return { newsvendorCost, policyCost };
}

export function ssPoissonCost(input: SsPoissonInput & SsPolicy): number {
  const { policyCost } = evaluator(input);
  if (!Number.isInteger(input.reorderPoint) || !Number.isInteger(input.orderUpToLevel))
    throw new RangeError('reorder_point, order_up_to_level: both must be whole numbers');
  if (!(input.orderUpToLevel > input.reorderPoint))
    throw new RangeError(
      `order_up_to_level: ${input.orderUpToLevel} must exceed reorder_point (${input.reorderPoint})`,
    );
  return policyCost(input.reorderPoint, input.orderUpToLevel);
}

/** Zheng & Federgruen's search: s and S only move up from the newsvendor minimiser y*. */
export function ssPoissonOptimal(input: SsPoissonInput): SsPolicy & { cost: number } {
  const { newsvendorCost: G, policyCost } = evaluator(input);
  const alpha = input.stockoutCost / (input.stockoutCost + input.holdingCost);
  let minimiser = 0;
  while (poissonCdf(minimiser, input.demandMean) < alpha) minimiser += 1;
  // s(S0): lower s from y* until c(s, S0) <= G(s)
  let reorderPoint = minimiser;
  let orderUpToLevel = minimiser;
  do reorderPoint -= 1;
  while (policyCost(reorderPoint, orderUpToLevel) > G(reorderPoint));
  let cost = policyCost(reorderPoint, orderUpToLevel);
  for (let candidate = orderUpToLevel + 1; G(candidate) <= cost; candidate += 1) {
    if (policyCost(reorderPoint, candidate) < cost) {
      orderUpToLevel = candidate;
      while (policyCost(reorderPoint, orderUpToLevel) <= G(reorderPoint + 1)) reorderPoint += 1;
      cost = policyCost(reorderPoint, orderUpToLevel);
    }
  }
  return { reorderPoint, orderUpToLevel, cost };
}
