// The (r, Q) policy under continuous review (Snyder & Shen 2nd ed., chapter 5): order Q when the
// inventory position falls to r; demand λ per unit time, lead time L, stockout cost p per unit
// short per unit time. g(r, Q) = (Kλ + ∫_r^{r+Q} G(y) dy)/Q (eq. 5.7) with G the newsvendor cost
// of the lead-time demand (mean λL, sd τ√L).
import { normalQuantile } from '../stats/normal';
import { eoq } from './eoq';
import { requireFinite, requireNonNegative, requirePositive } from './inventory-arguments';
import { normalLoss, normalSecondLoss, poissonCdf, poissonLoss } from './loss-functions';

export interface RqNormalInput {
  holdingCost: number;
  stockoutCost: number;
  fixedCost: number;
  demandMean: number;
  demandSd: number;
  leadTime: number;
}

export interface RqPolicy {
  reorderPoint: number;
  orderQuantity: number;
}

interface NormalSetting {
  h: number;
  p: number;
  fixedTimesRate: number;
  mean: number;
  sd: number;
}

function normalSetting(input: RqNormalInput): NormalSetting {
  requirePositive('holding_cost', input.holdingCost);
  requirePositive('stockout_cost', input.stockoutCost);
  requirePositive('fixed_cost', input.fixedCost);
  requirePositive('demand_mean', input.demandMean);
  requirePositive('demand_sd', input.demandSd);
  requirePositive('lead_time', input.leadTime);
  return {
    h: input.holdingCost,
    p: input.stockoutCost,
    fixedTimesRate: input.fixedCost * input.demandMean,
    mean: input.demandMean * input.leadTime,
    sd: input.demandSd * Math.sqrt(input.leadTime),
  };
}

/** G(y) = h(y - μ) + (h + p)n(y), the newsvendor cost of the lead-time demand. */
function newsvendorCost(setting: NormalSetting, y: number): number {
  return (
    setting.h * (y - setting.mean) +
    (setting.h + setting.p) * normalLoss(y, setting.mean, setting.sd).loss
  );
}

/** ∫_r^{r+Q} G(y) dy in closed form through the second-order loss n2 (Snyder & Shen C.3.3). */
function integratedCost(
  setting: NormalSetting,
  reorderPoint: number,
  orderQuantity: number,
): number {
  const top = reorderPoint + orderQuantity - setting.mean;
  const bottom = reorderPoint - setting.mean;
  return (
    (setting.h * (top * top - bottom * bottom)) / 2 +
    (setting.h + setting.p) *
      (normalSecondLoss(reorderPoint, setting.mean, setting.sd) -
        normalSecondLoss(reorderPoint + orderQuantity, setting.mean, setting.sd))
  );
}

function policyCost(setting: NormalSetting, reorderPoint: number, orderQuantity: number): number {
  return (
    (setting.fixedTimesRate + integratedCost(setting, reorderPoint, orderQuantity)) / orderQuantity
  );
}

/** Exact expected cost per unit time of (r, Q) under normal demand (eq. 5.7, integral in closed form). */
export function rqNormalCost(input: RqNormalInput & RqPolicy): number {
  const setting = normalSetting(input);
  requireFinite('reorder_point', input.reorderPoint);
  requirePositive('order_quantity', input.orderQuantity);
  return policyCost(setting, input.reorderPoint, input.orderQuantity);
}

/** Bisection on a monotone sign change, to the last representable bits. */
function bisect(sign: (x: number) => boolean, low: number, high: number): number {
  // sign(low) is false, sign(high) true
  for (let iteration = 0; iteration < 300; iteration += 1) {
    const middle = 0.5 * (low + high);
    if (middle <= low || middle >= high) break;
    if (sign(middle)) high = middle;
    else low = middle;
  }
  return 0.5 * (low + high);
}

/** r(Q): the r with G(r) = G(r + Q) (eq. 5.9), between S* - Q and S* where S* minimises G. */
function bestReorderPoint(setting: NormalSetting, orderQuantity: number): number {
  const minimiser = setting.mean + setting.sd * normalQuantile(setting.p / (setting.h + setting.p));
  return bisect(
    (r) => newsvendorCost(setting, r + orderQuantity) >= newsvendorCost(setting, r),
    minimiser - orderQuantity,
    minimiser,
  );
}

/**
 * The optimal (r, Q) under normal demand, exactly: at the optimum G(r) = G(r + Q) = g(r, Q)
 * (Zheng 1992, Management Science 38(1); Snyder & Shen section 5.2.3). For each Q, r(Q) solves the
 * first equality; G(r(Q)) - g(r(Q), Q) is negative below Q* and positive above it, so Q* is found by
 * bisection on its sign.
 */
export function rqNormalOptimal(input: RqNormalInput): RqPolicy & { cost: number } {
  const setting = normalSetting(input);
  const excess = (quantity: number) => {
    const reorderPoint = bestReorderPoint(setting, quantity);
    return newsvendorCost(setting, reorderPoint) - policyCost(setting, reorderPoint, quantity);
  };
  let high = Math.max(
    eoq({ fixedCost: input.fixedCost, holdingCost: setting.h, demandRate: input.demandMean })
      .orderQuantity,
    setting.sd,
  );
  for (let doubling = 0; excess(high) < 0; doubling += 1) {
    if (doubling > 200)
      throw new RangeError('fixed_cost: no finite optimal order quantity was found');
    high *= 2;
  }
  const orderQuantity = bisect((quantity) => excess(quantity) >= 0, 0, high);
  const reorderPoint = bestReorderPoint(setting, orderQuantity);
  return { reorderPoint, orderQuantity, cost: policyCost(setting, reorderPoint, orderQuantity) };
}

/** EOQ plus safety stock: Q = EOQ, r = μ + z_α σ with α = p/(h + p) (eq. 3.4, 5.21). */
export function rqEoqPlusSafetyStock(input: RqNormalInput): RqPolicy {
  const setting = normalSetting(input);
  return {
    reorderPoint: setting.mean + setting.sd * normalQuantile(setting.p / (setting.h + setting.p)),
    orderQuantity: eoq({
      fixedCost: input.fixedCost,
      holdingCost: setting.h,
      demandRate: input.demandMean,
    }).orderQuantity,
  };
}

export interface RqPoissonInput {
  holdingCost: number;
  stockoutCost: number;
  fixedCost: number;
  demandMean: number;
  leadTime: number;
}

function poissonSetting(input: RqPoissonInput): (y: number) => number {
  requirePositive('holding_cost', input.holdingCost);
  requirePositive('stockout_cost', input.stockoutCost);
  requirePositive('fixed_cost', input.fixedCost);
  requirePositive('demand_mean', input.demandMean);
  requireNonNegative('lead_time', input.leadTime);
  const mean = input.demandMean * input.leadTime;
  const memo = new Map<number, number>();
  return (y: number) => {
    let value = memo.get(y);
    if (value === undefined) {
      const losses = poissonLoss(y, mean);
      value = input.holdingCost * losses.complementaryLoss + input.stockoutCost * losses.loss;
      memo.set(y, value);
    }
    return value;
  };
}

/** g(r, Q) = (Kλ + Σ_{y=r+1}^{r+Q} G(y))/Q for integer r and Q (eq. 5.48). */
export function rqPoissonCost(input: RqPoissonInput & RqPolicy): number {
  const cost = poissonSetting(input);
  if (!Number.isInteger(input.reorderPoint))
    throw new RangeError(`reorder_point: ${input.reorderPoint} must be a whole number`);
  if (!Number.isInteger(input.orderQuantity) || input.orderQuantity < 1)
    throw new RangeError(
      `order_quantity: ${input.orderQuantity} must be a whole number of at least 1`,
    );
  let total = input.fixedCost * input.demandMean;
  for (let y = input.reorderPoint + 1; y <= input.reorderPoint + input.orderQuantity; y += 1)
    total += cost(y);
  return total / input.orderQuantity;
}

/**
 * Optimal integer (r, Q) under Poisson demand (Federgruen & Zheng 1992, Operations Research 40(4)):
 * G is convex, so the best r for Q + 1 keeps r + 1..r + Q and adds whichever of r, r + Q + 1 has
 * the lower G. Adding a value lowers the average g while it is at most g; the added values never
 * decrease, so the first increase is final.
 */
export function rqPoissonOptimal(input: RqPoissonInput): RqPolicy & { cost: number } {
  const cost = poissonSetting(input);
  const alpha = input.stockoutCost / (input.stockoutCost + input.holdingCost);
  const mean = input.demandMean * input.leadTime;
  let minimiser = 0;
  while (poissonCdf(minimiser, mean) < alpha) minimiser += 1;
  let reorderPoint = minimiser - 1;
  let orderQuantity = 1;
  let total = input.fixedCost * input.demandMean + cost(minimiser);
  for (let step = 0; ; step += 1) {
    if (step > 10_000_000)
      throw new RangeError('demand_mean: the search for Q did not end; check the inputs');
    const lower = cost(reorderPoint);
    const upper = cost(reorderPoint + orderQuantity + 1);
    const added = Math.min(lower, upper);
    if ((total + added) / (orderQuantity + 1) > total / orderQuantity) break;
    if (lower < upper) reorderPoint -= 1;
    total += added;
    orderQuantity += 1;
  }
  return { reorderPoint, orderQuantity, cost: total / orderQuantity };
}
