// A seeded Monte Carlo simulation of one item at one location under an inventory policy, day by
// day: receive, review and order, serve backorders then the day's demand first-in-first-out,
// discard what reached the end of its shelf life, charge costs on the end-of-day levels (the
// periodic-review accounting of Snyder & Shen 2nd ed. ch. 4). Common random numbers: replication k
// takes its demands from random.fork(`demand:k`) and the lead time of an order placed on day t from
// the t-th draw of random.fork(`lead-time:k`), both drawn in full before the day loop, so every
// policy simulated with the same generator sees the same demands and the same lead time for an
// order placed on the same day, however many orders it places.
import type { Random } from '../stats/random';
import { BatchQueue } from './batch-queue';
import { summarizeReplications, type KpiSummary, type ReplicationKpis } from './simulation-kpis';
import {
  POLICY_KINDS,
  setUpSimulation,
  type InventoryPolicy,
  type SimulatePolicyOptions,
  type SimulationSetup,
} from './simulation-options';

export type { InventoryPolicy, SimulatePolicyOptions } from './simulation-options';
export type { DemandDistribution, LeadTimeDistribution, PerDay } from './demand-sampler';
export type { Estimate, KpiSummary, ReplicationKpis } from './simulation-kpis';

export interface SimulationResult {
  policy: InventoryPolicy;
  horizonDays: number;
  warmupDays: number;
  /** Days the KPIs cover: horizonDays - warmupDays. */
  measuredDays: number;
  confidenceLevel: number;
  /** Means over replications with confidence intervals. */
  summary: KpiSummary;
  /** Each replication's KPIs, in order (replication k used the streams labelled k). */
  replications: ReplicationKpis[];
}

/** Buffers reused by every replication of one call. */
interface Workspace {
  demand: Float64Array;
  leadTimes: Int32Array;
  arrivals: Float64Array;
  stock: BatchQueue;
}

function createWorkspace(setup: SimulationSetup): Workspace {
  // batches stay sorted by expiry and same-expiry batches merge, so at most one per distinct
  // expiry day is alive: bounded by the shelf life and by the days + initial batches
  const capacity =
    Math.min(setup.shelfLifeDays, setup.horizonDays + setup.initialBatches.length) + 1;
  return {
    demand: new Float64Array(setup.horizonDays),
    leadTimes: new Int32Array(setup.horizonDays),
    arrivals: new Float64Array(setup.horizonDays),
    stock: new BatchQueue(capacity),
  };
}

function runReplication(
  setup: SimulationSetup,
  workspace: Workspace,
  random: Random,
  replication: number,
): ReplicationKpis {
  const { horizonDays, warmupDays, shelfLifeDays, lostSales, policyKind, level, secondLevel } =
    setup;
  const { demand, leadTimes, arrivals } = workspace;
  const reviewPeriod = setup.reviewPeriodDays;
  setup.demand.fill(random.fork(`demand:${replication}`), demand);
  const fixedLeadTime = setup.leadTime.fixedDays;
  if (fixedLeadTime < 0) setup.leadTime.fill(random.fork(`lead-time:${replication}`), leadTimes);

  const stock = workspace.stock;
  stock.clear();
  const sortedInitial = [...setup.initialBatches].sort(
    (a, b) => a.remainingShelfLifeDays - b.remainingShelfLifeDays,
  );
  for (const batch of sortedInitial) stock.add(batch.quantity, batch.remainingShelfLifeDays - 1);
  arrivals.fill(0);
  let pipeline = 0;
  for (const order of setup.initialPipeline) {
    pipeline += order.quantity;
    if (order.arrivalDay < horizonDays) {
      arrivals[order.arrivalDay] = (arrivals[order.arrivalDay] as number) + order.quantity;
    }
  }

  let backorders = 0;
  let cycles = 0;
  let cyclesWithStockout = 0;
  let stockoutInCycle = false;
  let onHandTotal = 0;
  const excessThreshold = setup.excessThreshold;
  let excessTotal = 0;
  let stockoutDays = 0;
  let ordersPlaced = 0;
  let unitsOrdered = 0;
  let unitsDemanded = 0;
  let unitsShort = 0;
  let servedOnTime = 0;
  let wasteUnits = 0;
  let backorderDays = 0;
  for (let day = 0; day < horizonDays; day += 1) {
    const measured = day >= warmupDays;
    const freshExpiry = day + shelfLifeDays - 1;
    let received = false;
    const arriving = arrivals[day] as number;
    if (arriving > 0) {
      pipeline -= arriving;
      stock.add(arriving, freshExpiry);
      received = true;
    }
    if (day % reviewPeriod === 0) {
      const position = stock.onHand + pipeline - backorders;
      let quantity = 0;
      if (policyKind === POLICY_KINDS.POLICY_R_Q) {
        if (position <= level)
          quantity = (Math.floor((level - position) / secondLevel) + 1) * secondLevel;
      } else if (policyKind === POLICY_KINDS.POLICY_BASE_STOCK || position <= secondLevel) {
        quantity = level - position;
      }
      if (quantity > 0) {
        if (measured) {
          ordersPlaced += 1;
          unitsOrdered += quantity;
        }
        const leadTime = fixedLeadTime >= 0 ? fixedLeadTime : (leadTimes[day] as number);
        if (leadTime === 0) {
          stock.add(quantity, freshExpiry);
          received = true;
        } else {
          pipeline += quantity;
          const arrivalDay = day + leadTime;
          if (arrivalDay < horizonDays) {
            arrivals[arrivalDay] = (arrivals[arrivalDay] as number) + quantity;
          }
        }
      }
    }
    // a receipt ends the running replenishment cycle; the warm-up's cycles are not counted
    if (received && day > warmupDays) {
      cycles += 1;
      if (stockoutInCycle) cyclesWithStockout += 1;
      stockoutInCycle = false;
    }
    if (backorders > 0 && stock.onHand > 0) backorders -= stock.issue(backorders);

    const demanded = demand[day] as number;
    const served = demanded > 0 ? stock.issue(demanded) : 0;
    const short = demanded - served;
    if (!lostSales) backorders += short;

    const expired = stock.expire(day);
    if (measured) wasteUnits += expired;
    if (measured) {
      unitsDemanded += demanded;
      servedOnTime += served;
      onHandTotal += stock.onHand;
      if (excessThreshold !== null) {
        excessTotal += Math.max(0, stock.onHand - (excessThreshold[day] as number));
      }
      backorderDays += backorders;
      if (short > 0) {
        unitsShort += short;
        stockoutDays += 1;
        stockoutInCycle = true;
      }
    }
  }
  cycles += 1;
  if (stockoutInCycle) cyclesWithStockout += 1;

  const measuredDays = horizonDays - warmupDays;
  const holdingCost = setup.holdingCost * onHandTotal;
  const stockoutCost = setup.stockoutCost * (lostSales ? unitsShort : backorderDays);
  const fixedOrderingCost = setup.fixedOrderCost * ordersPlaced;
  const purchaseCost = setup.purchaseCost * unitsOrdered;
  const wasteValue = setup.wasteCost * wasteUnits;
  const totalCost = holdingCost + stockoutCost + fixedOrderingCost + purchaseCost + wasteValue;
  return {
    cycleServiceLevel: 1 - cyclesWithStockout / cycles,
    fillRate: unitsDemanded > 0 ? servedOnTime / unitsDemanded : 1,
    averageOnHand: onHandTotal / measuredDays,
    ...(excessThreshold !== null && { averageExcessUnits: excessTotal / measuredDays }),
    stockoutDays,
    ordersPlaced,
    unitsOrdered,
    unitsDemanded,
    unitsShort,
    wasteUnits,
    wasteValue,
    wasteCo2e: setup.co2ePerWastedUnit * wasteUnits,
    holdingCost,
    stockoutCost,
    fixedOrderingCost,
    purchaseCost,
    wasteCost: wasteValue,
    totalCost,
    averageCostPerDay: totalCost / measuredDays,
  };
}

/**
 * Simulates `options.replications` independent runs of the policy and summarises the KPIs with
 * Student-t confidence intervals. Throws RangeError/TypeError naming any bad option.
 */
export function simulatePolicy(options: SimulatePolicyOptions): SimulationResult {
  const setup = setUpSimulation(options);
  const workspace = createWorkspace(setup);
  const replications: ReplicationKpis[] = [];
  for (let replication = 0; replication < setup.replications; replication += 1) {
    replications.push(runReplication(setup, workspace, options.random, replication));
  }
  return {
    policy: options.policy,
    horizonDays: setup.horizonDays,
    warmupDays: setup.warmupDays,
    measuredDays: setup.horizonDays - setup.warmupDays,
    confidenceLevel: setup.confidenceLevel,
    summary: summarizeReplications(replications, setup.confidenceLevel),
    replications,
  };
}
