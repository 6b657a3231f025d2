// The recommended and the current policy of one listing simulated over the coming days from today's
// actual stock, each with a generator from the same seed: the same demand and lead-time streams
// (common random numbers, Law 2015, 11.2), so the difference between them is the policies', not
// the draws'. Stock on order is taken to arrive after half the lead time (its order date is not
// on record). Excess stock is the company's: units above the maximum days of cover (maximum-cover.ts).
import {
  simulatePolicy,
  type InventoryPolicy,
  type KpiSummary,
} from '../../models/inventory/simulate-policy';
import { createRandom } from '../../models/stats/random';
import {
  demandDistribution,
  isPerishable,
  leadTimeDistribution,
  lifeOnArrivalDays,
  type ListingFacts,
} from './recommend-policy';

export interface PolicyOutcome {
  /** mean end-of-day units on hand */
  averageOnHand: number;
  /** averageOnHand x unit cost */
  averageInventoryValue: number;
  /** mean end-of-day units above the maximum cover (0 where the policy sets no maximum) */
  averageExcessUnits: number;
  /** averageExcessUnits x unit cost: the excess stock the S&OP reports */
  averageExcessValue: number;
  fillRate: number;
  /** 95 % confidence half-width of the fill rate over the replications */
  fillRateHalfWidth: number;
  cycleServiceLevel: number;
  stockoutDays: number;
  wasteUnits: number;
  wasteValue: number;
  wasteCo2eKg: number;
  ordersPlaced: number;
}

export interface StartingStock {
  onHand: number;
  onOrder: number;
}

export interface SimulationPlan {
  horizonDays: number;
  replications: number;
  seed: number;
  unitCost: number;
  /** per simulated day, the units above which stock is excess; null where there is no maximum cover */
  excessThresholdUnits: readonly number[] | null;
}

function outcome(summary: KpiSummary, plan: SimulationPlan): PolicyOutcome {
  const { unitCost } = plan;
  let excessUnits = 0;
  if (plan.excessThresholdUnits !== null) {
    if (summary.averageExcessUnits === undefined) {
      throw new Error('the simulation was given excess thresholds but reported no excess');
    }
    excessUnits = summary.averageExcessUnits.mean;
  }
  return {
    averageOnHand: summary.averageOnHand.mean,
    averageInventoryValue: summary.averageOnHand.mean * unitCost,
    averageExcessUnits: excessUnits,
    averageExcessValue: excessUnits * unitCost,
    fillRate: summary.fillRate.mean,
    fillRateHalfWidth: (summary.fillRate.upper - summary.fillRate.lower) / 2,
    cycleServiceLevel: summary.cycleServiceLevel.mean,
    stockoutDays: summary.stockoutDays.mean,
    wasteUnits: summary.wasteUnits.mean,
    wasteValue: summary.wasteValue.mean,
    wasteCo2eKg: summary.wasteCo2e.mean,
    ordersPlaced: summary.ordersPlaced.mean,
  };
}

/** One policy's expected KPIs over plan.horizonDays from the starting stock. */
export function simulateFromToday(
  policy: InventoryPolicy,
  facts: ListingFacts,
  stock: StartingStock,
  plan: SimulationPlan,
): PolicyOutcome {
  const perishable = isPerishable(facts.shelfLifeDays);
  const life = perishable
    ? lifeOnArrivalDays(facts.shelfLifeDays as number, facts.leadTimeDays)
    : undefined;
  const pipelineDay = Math.max(
    1,
    Math.min(plan.horizonDays - 1, Math.round(facts.leadTimeDays / 2)),
  );
  const result = simulatePolicy({
    policy,
    demand: demandDistribution({
      ...facts.demand,
      mean: facts.demand.mean.slice(0, plan.horizonDays),
      sd: facts.demand.sd.slice(0, plan.horizonDays),
    }),
    leadTime: leadTimeDistribution(facts),
    costs: facts.costs,
    unmetDemand: 'lost-sales',
    horizonDays: plan.horizonDays,
    replications: plan.replications,
    random: createRandom(plan.seed),
    ...(life !== undefined && { shelfLifeDays: life }),
    // stock on hand today is taken to be half-way through its life
    initialOnHand:
      life === undefined
        ? Math.max(0, stock.onHand)
        : [
            {
              quantity: Math.max(0, stock.onHand),
              remainingShelfLifeDays: Math.max(1, Math.round(life / 2)),
            },
          ],
    initialPipeline:
      stock.onOrder > 0 ? [{ quantity: stock.onOrder, arrivalDay: pipelineDay }] : [],
    ...(plan.excessThresholdUnits !== null && {
      excessThresholdUnits: plan.excessThresholdUnits.slice(0, plan.horizonDays),
    }),
  });
  return outcome(result.summary, plan);
}

export interface PolicyComparison {
  recommended: PolicyOutcome;
  current: PolicyOutcome;
}
