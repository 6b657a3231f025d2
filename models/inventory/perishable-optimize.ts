// Simulation-based optimisation of the order-up-to level S (or of (s,S)) for a perishable item:
// every candidate is simulated with the same generator, so with the same demand and lead-time
// streams (common random numbers, Law 2015 "Simulation Modeling and Analysis" 5th ed. 11.2),
// which makes the estimated cost a smooth function of the level and the comparison of two levels
// far more precise than independent runs would. The search is over integer levels: bracket,
// ternary search and local polish (integer-search.ts); for (s,S), coordinate descent on s and S.
// Candidates are ordered by the shortfall from the service target first, then by expected cost.
import { minimizeOverIntegers } from './integer-search';
import type { Estimate, KpiSummary } from './simulation-kpis';
import { simulatePolicy, type SimulationResult } from './simulate-policy';
import {
  setUpSimulation,
  type InventoryPolicy,
  type SimulatePolicyOptions,
} from './simulation-options';

export type PerishableObjective =
  /** Least expected total cost a day (holding + stockout + waste + ordering + purchase). */
  | { type: 'minimize-cost' }
  /** Least cost among the levels whose mean fill rate reaches the target. */
  | { type: 'fill-rate'; target: number }
  /** Least cost among the levels whose mean cycle service level reaches the target. */
  | { type: 'cycle-service-level'; target: number };

export interface OptimizePerishablePolicyOptions {
  /** Everything simulatePolicy takes except the policy; shelfLifeDays makes the item perishable. */
  simulation: Omit<SimulatePolicyOptions, 'policy'>;
  objective: PerishableObjective;
  /** base-stock (order up to S every review) or s-S. Default base-stock. */
  policyType?: 'base-stock' | 's-S';
  /** Review period R in days. Default 1. */
  reviewPeriodDays?: number;
  /** Integer levels searched: S (and s + 1) within [lower, upper]. Default [0, 64 x a guess]. */
  searchBounds?: { lower: number; upper: number };
}

export interface PolicyCandidate {
  policy: InventoryPolicy;
  averageCostPerDay: Estimate;
  fillRate: Estimate;
  cycleServiceLevel: Estimate;
  wasteUnits: Estimate;
  /** Meets the service target (always true when minimising cost alone). */
  feasible: boolean;
}

export interface PerishableOptimizationResult {
  policy: InventoryPolicy;
  /** The chosen policy's KPIs over the search's replications (so slightly optimistic). */
  summary: KpiSummary;
  measuredDays: number;
  /** Every policy simulated, ordered by S then s. */
  candidates: PolicyCandidate[];
  evaluations: number;
}

interface Score {
  shortfall: number;
  cost: number;
}

function compareScores(a: Score, b: Score): number {
  if (a.shortfall !== b.shortfall) return a.shortfall - b.shortfall;
  return a.cost - b.cost;
}

function checkObjective(objective: PerishableObjective): number {
  if (objective === null || typeof objective !== 'object') {
    throw new TypeError(
      'objective: expected { type: "minimize-cost" | "fill-rate" | "cycle-service-level" }',
    );
  }
  if (objective.type === 'minimize-cost') return 0;
  if (objective.type !== 'fill-rate' && objective.type !== 'cycle-service-level') {
    throw new RangeError(
      `objective.type: unknown "${String((objective as { type: unknown }).type)}"; use minimize-cost, fill-rate or cycle-service-level`,
    );
  }
  if (!(objective.target > 0 && objective.target < 1)) {
    throw new RangeError(`objective.target: must be in (0, 1), got ${String(objective.target)}`);
  }
  return objective.target;
}

function checkBounds(bounds: { lower: number; upper: number }): void {
  if (!Number.isSafeInteger(bounds.lower) || bounds.lower < 0) {
    throw new RangeError(`searchBounds.lower: must be a whole number >= 0, got ${bounds.lower}`);
  }
  if (!Number.isSafeInteger(bounds.upper) || bounds.upper <= bounds.lower) {
    throw new RangeError(
      `searchBounds.upper: must be a whole number above lower (${bounds.lower}), got ${bounds.upper}`,
    );
  }
}

/**
 * Chooses the integer order-up-to level (and reorder point) that minimises the simulated expected
 * cost, or the least-cost one meeting a fill-rate or cycle-service target, with every candidate
 * simulated on the same random streams. Throws RangeError naming a bad option, or
 * `objective.target` when no level within the bounds reaches the target.
 */
export function optimizePerishablePolicy(
  options: OptimizePerishablePolicyOptions,
): PerishableOptimizationResult {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('options: expected an object');
  }
  const target = checkObjective(options.objective);
  const policyType = options.policyType ?? 'base-stock';
  if (policyType !== 'base-stock' && policyType !== 's-S') {
    throw new RangeError(`policyType: must be "base-stock" or "s-S", got ${String(policyType)}`);
  }
  const reviewPeriodDays = options.reviewPeriodDays ?? 1;
  const simulation = options.simulation;
  // validates everything the simulation will use before the first run
  const setup = setUpSimulation({
    ...simulation,
    policy: { type: 'base-stock', orderUpToLevel: 0, reviewPeriodDays },
  });

  const results = new Map<string, SimulationResult>();
  const simulate = (policy: InventoryPolicy): SimulationResult => {
    const key =
      policy.type === 's-S'
        ? `${policy.reorderPoint}/${policy.orderUpToLevel}`
        : `${policy.type === 'base-stock' ? policy.orderUpToLevel : ''}`;
    let result = results.get(key);
    if (result === undefined) {
      result = simulatePolicy({ ...simulation, policy });
      results.set(key, result);
    }
    return result;
  };
  const service = (result: SimulationResult): number =>
    options.objective.type === 'cycle-service-level'
      ? result.summary.cycleServiceLevel.mean
      : result.summary.fillRate.mean;
  const score = (result: SimulationResult): Score => ({
    shortfall: target > 0 ? Math.max(0, target - service(result)) : 0,
    cost: result.summary.averageCostPerDay.mean,
  });
  const baseStock = (level: number): InventoryPolicy => ({
    type: 'base-stock',
    orderUpToLevel: level,
    reviewPeriodDays,
  });

  // scale of the search: the mean demand over a review period and a day, from a short pilot
  const pilot = simulatePolicy({ ...simulation, replications: 2, policy: baseStock(0) });
  const meanDemandPerDay = pilot.summary.unitsDemanded.mean / pilot.measuredDays;
  const guess = Math.max(1, Math.round(meanDemandPerDay * (reviewPeriodDays + 1)));
  const bounds = options.searchBounds ?? { lower: 0, upper: 64 * guess + 64 };
  checkBounds(bounds);
  const step = Math.max(1, Math.round(meanDemandPerDay / 2));

  let bestS = minimizeOverIntegers({
    evaluate: (level) => score(simulate(baseStock(level))),
    compare: compareScores,
    lower: bounds.lower,
    upper: bounds.upper,
    start: guess,
    step,
  });
  let best: InventoryPolicy = baseStock(bestS);

  if (policyType === 's-S') {
    let bestSmall = bestS - 1;
    const sS = (small: number, large: number): InventoryPolicy => ({
      type: 's-S',
      reorderPoint: small,
      orderUpToLevel: large,
      reviewPeriodDays,
    });
    // coordinate descent from s = S - 1 (the base-stock policy on integer stock) until no move
    for (let round = 0; round < 20; round += 1) {
      const small = minimizeOverIntegers({
        evaluate: (level) => score(simulate(sS(level, bestS))),
        compare: compareScores,
        lower: bounds.lower - 1,
        upper: bestS - 1,
        start: bestSmall,
        step,
      });
      const large = minimizeOverIntegers({
        evaluate: (level) => score(simulate(sS(small, level))),
        compare: compareScores,
        lower: Math.max(bounds.lower, small + 1),
        upper: bounds.upper,
        start: bestS,
        step,
      });
      const moved = small !== bestSmall || large !== bestS;
      bestSmall = small;
      bestS = large;
      if (!moved) break;
    }
    best = sS(bestSmall, bestS);
  }

  const chosen = simulate(best);
  if (score(chosen).shortfall > 0) {
    throw new RangeError(
      `objective.target: ${target} is not reached by any level in [${bounds.lower}, ${bounds.upper}] (best ${service(chosen).toFixed(4)} at S = ${bestS}${setup.shelfLifeDays < Infinity ? `; a shelf life of ${setup.shelfLifeDays} days with review every ${reviewPeriodDays} days may cap it` : ''}); lower the target or widen searchBounds`,
    );
  }
  const candidates = [...results.values()]
    .map((result): PolicyCandidate => ({
      policy: result.policy,
      averageCostPerDay: result.summary.averageCostPerDay,
      fillRate: result.summary.fillRate,
      cycleServiceLevel: result.summary.cycleServiceLevel,
      wasteUnits: result.summary.wasteUnits,
      feasible: score(result).shortfall === 0,
    }))
    .sort(
      (a, b) =>
        levelsOf(a.policy)[0] - levelsOf(b.policy)[0] ||
        levelsOf(a.policy)[1] - levelsOf(b.policy)[1],
    );
  return {
    policy: best,
    summary: chosen.summary,
    measuredDays: chosen.measuredDays,
    candidates,
    evaluations: results.size,
  };
}

/** [S, s] of a base-stock or (s,S) policy (s = S - 1 for base-stock on integer stock). */
function levelsOf(policy: InventoryPolicy): [number, number] {
  if (policy.type === 's-S') return [policy.orderUpToLevel, policy.reorderPoint];
  if (policy.type === 'base-stock') return [policy.orderUpToLevel, policy.orderUpToLevel - 1];
  return [policy.reorderPoint + policy.orderQuantity, policy.reorderPoint];
}
