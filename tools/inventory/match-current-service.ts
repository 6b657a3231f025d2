// The equal-service recommendation: the smallest reorder point whose simulated fill rate and cycle
// service level both reach what the current policy delivers, both policies simulated from today's
// stock on the same streams (common random numbers), with the order quantity kept. An analytic
// match (the closed form at the current policy's simulated fill rate) misses the target by the
// closed form's error, a few tenths of a point; a search on the simulation itself does not.
// The streams are independent of the ones the comparison is judged on (seed + 1), so the
// comparison does not grade the recommendation on the draws it was fitted to (Law 2015, 12.2).
// Both services are non-decreasing in s for a fixed Q on common random numbers, so the search is a
// bisection on the integers. S stays within the company's maximum cover, S <= d (L + maximum days)
// as recommend-policy.ts caps perishables: where the current policy's service needs more stock
// than that (a perishable whose extra stock only expires), the cap's level is kept and the match
// reported as missed. Without a maximum cover the bracket doubles from the current S.
import type { InventoryPolicy } from '../../models/inventory/simulate-policy';
import {
  simulateFromToday,
  type PolicyOutcome,
  type SimulationPlan,
  type StartingStock,
} from './compare-policies';
import type { ListingFacts } from './recommend-policy';

type SSPolicy = Extract<InventoryPolicy, { type: 's-S' }>;

/** Highest service taken from the current policy: a perfect record is not always reachable. */
export const MAXIMUM_MATCHED_SERVICE = 0.999;
/** Doublings of the bracket above the current S before the search gives up. */
const MAXIMUM_DOUBLINGS = 6;

export interface ServiceFloor {
  fillRate: number;
  cycleServiceLevel: number;
}

export interface MatchedPolicy {
  policy: SSPolicy;
  /** the current policy's services on the calibration streams (capped at 0.999) */
  floor: ServiceFloor;
  /** the matched policy's services on the calibration streams */
  reached: ServiceFloor;
  /** false when no reorder point within the cap (or the search) reached the floor: the highest is kept */
  met: boolean;
  simulations: number;
}

export interface MatchCurrentServiceInput {
  facts: ListingFacts;
  stock: StartingStock;
  /** the comparison's plan; the calibration runs on seed + 1 */
  plan: SimulationPlan;
  current: SSPolicy;
  /** the recommendation at the company's target: its order quantity is kept, and its s is the least */
  recommended: SSPolicy;
  /** the company's maximum days of cover (maximum-cover.ts); null where it sets none */
  maximumCoverDays: number | null;
}

/**
 * The recommended (s, s + Q) with the smallest s >= the recommended s whose simulated fill rate
 * and cycle service level are at least the current policy's, on streams independent of plan.seed.
 */
export function matchCurrentService(input: MatchCurrentServiceInput): MatchedPolicy {
  const { facts, stock, current, recommended } = input;
  const plan: SimulationPlan = {
    ...input.plan,
    seed: input.plan.seed + 1,
    excessThresholdUnits: null,
  };
  const orderQuantity = recommended.orderUpToLevel - recommended.reorderPoint;
  if (!(orderQuantity > 0)) {
    throw new RangeError(
      `recommended: orderUpToLevel must exceed reorderPoint, got ${recommended.reorderPoint} / ${recommended.orderUpToLevel}`,
    );
  }
  const currentOutcome = simulateFromToday(current, facts, stock, plan);
  const floor: ServiceFloor = {
    fillRate: Math.min(MAXIMUM_MATCHED_SERVICE, currentOutcome.fillRate),
    cycleServiceLevel: Math.min(MAXIMUM_MATCHED_SERVICE, currentOutcome.cycleServiceLevel),
  };
  const outcomes = new Map<number, PolicyOutcome>();
  const policyAt = (reorderPoint: number): SSPolicy => ({
    type: 's-S',
    reorderPoint,
    orderUpToLevel: reorderPoint + orderQuantity,
    reviewPeriodDays: 1,
  });
  const outcomeAt = (reorderPoint: number): PolicyOutcome => {
    let outcome = outcomes.get(reorderPoint);
    if (outcome === undefined) {
      outcome = simulateFromToday(policyAt(reorderPoint), facts, stock, plan);
      outcomes.set(reorderPoint, outcome);
    }
    return outcome;
  };
  const meets = (reorderPoint: number): boolean => {
    const outcome = outcomeAt(reorderPoint);
    return (
      outcome.fillRate >= floor.fillRate && outcome.cycleServiceLevel >= floor.cycleServiceLevel
    );
  };

  const cap =
    input.maximumCoverDays === null
      ? Infinity
      : Math.ceil(facts.demand.dailyMean * (facts.leadTimeDays + input.maximumCoverDays)) -
        orderQuantity;
  let low = recommended.reorderPoint;
  let result = low;
  let met = meets(low);
  if (!met && cap > low) {
    // bracket: the current S as a reorder point first, then doubling the gap, within the cap
    let high = Math.min(cap, Math.max(low + 1, current.orderUpToLevel));
    let gap = high - low;
    for (
      let doubling = 0;
      high < cap && !meets(high) && doubling < MAXIMUM_DOUBLINGS;
      doubling += 1
    ) {
      low = high;
      gap *= 2;
      high = Math.min(cap, low + gap);
    }
    met = meets(high);
    if (met) {
      // invariant: low fails, high meets
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (meets(middle)) high = middle;
        else low = middle;
      }
    }
    result = high;
  }
  const outcome = outcomeAt(result);
  return {
    policy: policyAt(result),
    floor,
    reached: { fillRate: outcome.fillRate, cycleServiceLevel: outcome.cycleServiceLevel },
    met,
    simulations: outcomes.size + 1,
  };
}
