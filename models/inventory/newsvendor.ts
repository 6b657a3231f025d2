// The newsvendor problem (Snyder & Shen 2nd ed., chapter 4): holding cost h per unit left over,
// stockout cost p per unit short; g(S) = h·n̄(S) + p·n(S) (eq. 4.24). With a lead time L the
// demand that S must cover is that of L + 1 periods (the base-stock reading of section 4.3).
import { normalDensity, normalQuantile } from '../stats/normal';
import { requireFinite, requireNonNegative, requirePositive } from './inventory-arguments';
import {
  discreteLoss,
  lognormalLoss,
  normalLoss,
  poissonCdf,
  poissonLoss,
  type DiscreteDistribution,
} from './loss-functions';

export interface NewsvendorResult {
  baseStockLevel: number;
  cost: number;
}

interface Costs {
  holdingCost: number;
  stockoutCost: number;
}

function checkCosts(costs: Costs): number {
  requirePositive('holding_cost', costs.holdingCost);
  requirePositive('stockout_cost', costs.stockoutCost);
  return costs.stockoutCost / (costs.stockoutCost + costs.holdingCost);
}

export interface NormalNewsvendorInput extends Costs {
  demandMean: number;
  demandSd: number;
  /** Periods of lead time (default 0). */
  leadTime?: number;
}

function leadTimeDemand(input: NormalNewsvendorInput): { mean: number; sd: number } {
  requirePositive('demand_mean', input.demandMean);
  requirePositive('demand_sd', input.demandSd);
  const leadTime = input.leadTime ?? 0;
  requireNonNegative('lead_time', leadTime);
  return { mean: input.demandMean * (leadTime + 1), sd: input.demandSd * Math.sqrt(leadTime + 1) };
}

/** S* = μ + z_α σ with α = p/(h+p); g* = (h+p)φ(z_α)σ (eq. 4.30, 4.37). */
export function newsvendorNormal(input: NormalNewsvendorInput): NewsvendorResult {
  const alpha = checkCosts(input);
  const demand = leadTimeDemand(input);
  const z = normalQuantile(alpha);
  return {
    baseStockLevel: demand.mean + z * demand.sd,
    cost: (input.holdingCost + input.stockoutCost) * normalDensity(z) * demand.sd,
  };
}

export function newsvendorNormalCost(
  input: NormalNewsvendorInput & { baseStockLevel: number },
): number {
  checkCosts(input);
  const demand = leadTimeDemand(input);
  requireFinite('base_stock_level', input.baseStockLevel);
  const losses = normalLoss(input.baseStockLevel, demand.mean, demand.sd);
  return input.holdingCost * losses.complementaryLoss + input.stockoutCost * losses.loss;
}

export interface ExplicitNewsvendorInput {
  revenue: number;
  purchaseCost: number;
  salvageValue: number;
  /** Holding and stockout costs over and above revenue, purchase and salvage (default 0). */
  holdingCost?: number;
  stockoutCost?: number;
  demandMean: number;
  demandSd: number;
  leadTime?: number;
}

/**
 * Profit form: π(S) = (r - c + p)S - pμ + (v - r - h - p)n̄(S); S* = μ + z_α σ with
 * α = (p + r - c)/(p + h + r - v) and π* = (r - c)μ - (r - v + h + p)φ(z_α)σ (section 4.3.3).
 */
export function newsvendorNormalExplicit(input: ExplicitNewsvendorInput): {
  baseStockLevel: number;
  profit: number;
} {
  const holdingCost = input.holdingCost ?? 0;
  const stockoutCost = input.stockoutCost ?? 0;
  requireNonNegative('holding_cost', holdingCost);
  requireNonNegative('stockout_cost', stockoutCost);
  requireFinite('revenue', input.revenue);
  requireFinite('purchase_cost', input.purchaseCost);
  requireFinite('salvage_value', input.salvageValue);
  if (!(input.revenue > input.purchaseCost))
    throw new RangeError(
      `revenue: ${input.revenue} must exceed purchase_cost (${input.purchaseCost})`,
    );
  if (!(input.purchaseCost > input.salvageValue))
    throw new RangeError(
      `salvage_value: ${input.salvageValue} must be below purchase_cost (${input.purchaseCost})`,
    );
  const demand = leadTimeDemand({ ...input, holdingCost, stockoutCost });
  const underage = stockoutCost + input.revenue - input.purchaseCost;
  const total = stockoutCost + holdingCost + input.revenue - input.salvageValue;
  const z = normalQuantile(underage / total);
  return {
    baseStockLevel: demand.mean + z * demand.sd,
    profit:
      (input.revenue - input.purchaseCost) * demand.mean - total * normalDensity(z) * demand.sd,
  };
}

export interface PoissonNewsvendorInput extends Costs {
  demandMean: number;
  leadTime?: number;
}

/** S* = the smallest integer S with F(S) >= p/(h+p) (Snyder & Shen Theorem 4.2, discrete form). */
export function newsvendorPoisson(input: PoissonNewsvendorInput): NewsvendorResult {
  const alpha = checkCosts(input);
  requirePositive('demand_mean', input.demandMean);
  const leadTime = input.leadTime ?? 0;
  requireNonNegative('lead_time', leadTime);
  const mean = input.demandMean * (leadTime + 1);
  let level = Math.max(0, Math.floor(mean - 10 * Math.sqrt(mean)));
  while (level > 0 && poissonCdf(level - 1, mean) >= alpha) level -= 1;
  while (poissonCdf(level, mean) < alpha) level += 1;
  const losses = poissonLoss(level, mean);
  return {
    baseStockLevel: level,
    cost: input.holdingCost * losses.complementaryLoss + input.stockoutCost * losses.loss,
  };
}

/** The smallest support value whose cdf reaches the critical ratio p/(h+p). */
export function newsvendorDiscrete(
  input: Costs & { demand: DiscreteDistribution },
): NewsvendorResult {
  const alpha = checkCosts(input);
  const { values, probabilities } = input.demand;
  let cumulative = 0;
  let level = values[values.length - 1]!;
  for (let index = 0; index < values.length; index += 1) {
    cumulative += probabilities[index]!;
    if (cumulative >= alpha) {
      level = values[index]!;
      break;
    }
  }
  const losses = discreteLoss(level, input.demand);
  return {
    baseStockLevel: level,
    cost: input.holdingCost * losses.complementaryLoss + input.stockoutCost * losses.loss,
  };
}

/** Lognormal demand exp(N(mu, sigma²)): S* = exp(mu + sigma z_α) (eq. 4.27 with F lognormal). */
export function newsvendorLognormal(
  input: Costs & { logMean: number; logSd: number },
): NewsvendorResult {
  const alpha = checkCosts(input);
  requireFinite('log_mean_mu', input.logMean);
  requirePositive('log_sd_sigma', input.logSd);
  const level = Math.exp(input.logMean + input.logSd * normalQuantile(alpha));
  const losses = lognormalLoss(level, input.logMean, input.logSd);
  return {
    baseStockLevel: level,
    cost: input.holdingCost * losses.complementaryLoss + input.stockoutCost * losses.loss,
  };
}
