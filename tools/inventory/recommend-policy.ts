// The recommended policy of one SKU x location at its service target, following the company policy
// (niveles-de-servicio.md): daily review, so the protection period is the lead time L.
// Non-perishables: (s, S) from the closed forms, s = d L + z sigma_LTD with sigma_LTD from the
// forecast error and the lead-time sd (safety-stock.ts; z from the normal quantile for a cycle
// service level, or the normal loss function for a fill rate, Silver, Pyke & Thomas 4th ed. ch. 6)
// and S = s + the order quantity (the policy's order cover, at least the MOQ).
// Perishables (shelf life <= 45 days): the reorder point chosen by simulation on the demand forecast
// with common random numbers (the search of perishable-optimize.ts, with the order quantity fixed
// by the policy's cover and the MOQ), least cost meeting the target, S capped by the policy's
// maximum cover (50 % of the shelf life on hand, never below L + 1 days).
import { minimizeOverIntegers } from '../../models/inventory/integer-search';
import {
  safetyStockForCycleServiceLevel,
  safetyStockForFillRate,
  type SafetyStockResult,
} from '../../models/inventory/safety-stock';
import { PERISHABLE_SHELF_LIFE_DAYS } from '../../models/inventory/service-targets';
import {
  simulatePolicy,
  type InventoryPolicy,
  type LeadTimeDistribution,
} from '../../models/inventory/simulate-policy';
import type { SimulationCosts } from '../../models/inventory/simulation-options';
import { createRandom } from '../../models/stats/random';
import type { DailyDemandEstimate } from './listing-demand';

export type ServiceMeasure = 'fill-rate' | 'cycle-service-level';

export interface ServiceGoal {
  measure: ServiceMeasure;
  /** a probability */
  level: number;
}

export interface ListingFacts {
  demand: DailyDemandEstimate;
  leadTimeDays: number;
  leadTimeSdDays: number;
  /** units; 1 when the supplier has none */
  moq: number;
  shelfLifeDays: number | null;
  locationCode: string;
  costs: SimulationCosts;
}

export interface Recommendation {
  policy: Extract<InventoryPolicy, { type: 's-S' }>;
  method: 'closed-form' | 'simulation';
  safetyStock: number;
  orderQuantity: number;
  /** the policy's order cover in days */
  orderCoverDays: number;
  why: string;
}

export function isPerishable(shelfLifeDays: number | null): boolean {
  return shelfLifeDays !== null && shelfLifeDays <= PERISHABLE_SHELF_LIFE_DAYS;
}

/** The policy's order cover: min(7, shelf life / 4) for perishables, 28 days in Iquitos, else 14. */
export function orderCoverDays(shelfLifeDays: number | null, locationCode: string): number {
  if (isPerishable(shelfLifeDays)) return Math.max(1, Math.min(7, (shelfLifeDays as number) / 4));
  return locationCode === 'IQT' ? 28 : 14;
}

/** Most days of cover a perishable may hold: 50 % of its shelf life, never below L + 1. */
export function maximumPerishableCoverDays(shelfLifeDays: number, leadTimeDays: number): number {
  return Math.max(shelfLifeDays / 2, leadTimeDays + 1);
}

/** Days a unit can still be sold after it arrives: its life is taken to start when it ships. */
export function lifeOnArrivalDays(shelfLifeDays: number, leadTimeDays: number): number {
  return Math.max(1, Math.round(shelfLifeDays - leadTimeDays));
}

export function leadTimeDistribution(facts: ListingFacts): LeadTimeDistribution {
  return facts.leadTimeSdDays > 0
    ? { distribution: 'normal', mean: facts.leadTimeDays, sd: facts.leadTimeSdDays }
    : { distribution: 'fixed', days: Math.round(facts.leadTimeDays) };
}

/** Gamma per day (non-negative, skewed like sales); zero-sd days are drawn at their mean. */
export function demandDistribution(demand: DailyDemandEstimate) {
  return { distribution: 'gamma' as const, mean: demand.mean, sd: demand.sd };
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const goalText = (goal: ServiceGoal) =>
  `${goal.measure === 'fill-rate' ? 'fill rate' : 'cycle service level'} ${percent(goal.level)}`;

function closedForm(facts: ListingFacts, goal: ServiceGoal): Recommendation {
  const { demand } = facts;
  const cover = orderCoverDays(facts.shelfLifeDays, facts.locationCode);
  const orderQuantity = Math.max(facts.moq, Math.ceil(cover * demand.dailyMean), 1);
  const base = {
    demandMean: demand.dailyMean,
    // no variability at all (a flat series): one unit a day keeps the formula defined
    demandSd: demand.dailySd > 0 ? demand.dailySd : Math.max(1e-6, Math.sqrt(demand.dailyMean)),
    leadTimeMean: Math.max(facts.leadTimeDays, 1e-6),
    leadTimeSd: facts.leadTimeSdDays,
  };
  const safety: SafetyStockResult =
    goal.measure === 'fill-rate'
      ? safetyStockForFillRate({ ...base, fillRate: goal.level, orderQuantity })
      : safetyStockForCycleServiceLevel({ ...base, cycleServiceLevel: goal.level });
  // Reviewed once a day, the position crosses s by a day's demand, not one unit at a time: add the
  // expected undershoot E[D^2] / (2 E[D]) (renewal theory; Silver, Pyke & Thomas 4th ed. 6.7.4)
  const undershoot = (demand.dailySd ** 2 + demand.dailyMean ** 2) / (2 * demand.dailyMean);
  const reorderPoint = Math.ceil(safety.reorderPoint + undershoot);
  return {
    policy: {
      type: 's-S',
      reorderPoint,
      orderUpToLevel: reorderPoint + orderQuantity,
      reviewPeriodDays: 1,
    },
    method: 'closed-form',
    safetyStock: safety.safetyStock,
    orderQuantity,
    orderCoverDays: cover,
    why: `${goalText(goal)}: z = ${safety.safetyFactor.toFixed(2)} on a lead-time demand of ${safety.leadTimeDemandMean.toFixed(1)} ± ${safety.leadTimeDemandSd.toFixed(1)} units (L = ${facts.leadTimeDays} ± ${facts.leadTimeSdDays} days), plus ${undershoot.toFixed(1)} units of expected undershoot at the daily review; order ${orderQuantity} units (${cover.toFixed(0)} days of cover${orderQuantity === facts.moq ? ', the MOQ' : ''}).`,
  };
}

function simulated(
  facts: ListingFacts,
  goal: ServiceGoal,
  replications: number,
  seed: number,
): Recommendation {
  const shelfLife = facts.shelfLifeDays as number;
  const { demand } = facts;
  const cover = orderCoverDays(shelfLife, facts.locationCode);
  const orderQuantity = Math.max(facts.moq, Math.ceil(cover * demand.dailyMean), 1);
  const maximumCover = maximumPerishableCoverDays(shelfLife, facts.leadTimeDays);
  const cap = Math.ceil(demand.dailyMean * (facts.leadTimeDays + maximumCover));
  const leadTimeDemand = Math.ceil(demand.dailyMean * facts.leadTimeDays);
  // s ranges up to the cap on S; where the MOQ alone passes the cap, no buffer beyond the
  // lead-time demand is allowed (more service there is paid in waste, policy rule 1)
  const capBinds = cap - orderQuantity < leadTimeDemand;
  const upper = capBinds ? leadTimeDemand : cap - orderQuantity;
  const simulation = {
    demand: demandDistribution(demand),
    leadTime: leadTimeDistribution(facts),
    // the service is the constraint: among levels that meet it, the least holding and waste
    costs: { ...facts.costs, stockoutCost: 0 },
    unmetDemand: 'lost-sales' as const,
    horizonDays: demand.mean.length,
    replications,
    shelfLifeDays: lifeOnArrivalDays(shelfLife, facts.leadTimeDays),
  };
  const scores = new Map<number, { shortfall: number; cost: number }>();
  const evaluate = (reorderPoint: number) => {
    let score = scores.get(reorderPoint);
    if (score === undefined) {
      // the same seed for every candidate: common random numbers
      const result = simulatePolicy({
        ...simulation,
        random: createRandom(seed),
        policy: {
          type: 's-S',
          reorderPoint,
          orderUpToLevel: reorderPoint + orderQuantity,
          reviewPeriodDays: 1,
        },
      });
      const service =
        goal.measure === 'fill-rate'
          ? result.summary.fillRate.mean
          : result.summary.cycleServiceLevel.mean;
      score = {
        shortfall: Math.max(0, goal.level - service),
        cost: result.summary.averageCostPerDay.mean,
      };
      scores.set(reorderPoint, score);
    }
    return score;
  };
  const reorderPoint = minimizeOverIntegers({
    evaluate,
    compare: (a, b) => (a.shortfall !== b.shortfall ? a.shortfall - b.shortfall : a.cost - b.cost),
    lower: -1,
    upper: Math.max(0, upper),
    start: Math.min(Math.max(0, upper), leadTimeDemand),
    step: Math.max(1, Math.round(demand.dailyMean / 2)),
  });
  const missed = (scores.get(reorderPoint)?.shortfall ?? 0) > 0;
  const orderUpTo = reorderPoint + orderQuantity;
  const notes = [
    capBinds
      ? ` The MOQ of ${facts.moq} alone passes the cap of ${maximumCover.toFixed(0)} days of cover (50 % of the shelf life): no buffer beyond the lead-time demand.`
      : '',
    missed ? ' The target is not reached within the cap: the best service within it.' : '',
  ].join('');
  return {
    policy: { type: 's-S', reorderPoint, orderUpToLevel: orderUpTo, reviewPeriodDays: 1 },
    method: 'simulation',
    safetyStock: Math.max(0, reorderPoint - demand.dailyMean * facts.leadTimeDays),
    orderQuantity,
    orderCoverDays: cover,
    why: `Perishable (${shelfLife}-day shelf life): reorder point ${reorderPoint} chosen by simulating ${scores.size} levels on the same demand paths, the least holding and waste cost that meets ${goalText(goal)}; order ${orderQuantity} units (${cover.toFixed(0)} days of cover${orderQuantity === facts.moq ? ', the MOQ' : ''}).${notes}`,
  };
}

/** The recommended (s, S) of one listing; `seed` fixes the simulation of perishables. */
export function recommendPolicy(
  facts: ListingFacts,
  goal: ServiceGoal,
  options: { replications: number; seed: number },
): Recommendation {
  if (!(goal.level > 0 && goal.level < 1)) {
    throw new RangeError(`service level: must be between 0 and 1, got ${goal.level}`);
  }
  if (!(facts.demand.dailyMean > 0)) {
    return {
      policy: { type: 's-S', reorderPoint: -1, orderUpToLevel: 0, reviewPeriodDays: 1 },
      method: 'closed-form',
      safetyStock: 0,
      orderQuantity: 0,
      orderCoverDays: 0,
      why: 'No demand expected: do not reorder.',
    };
  }
  return isPerishable(facts.shelfLifeDays)
    ? simulated(facts, goal, options.replications, options.seed)
    : closedForm(facts, goal);
}
