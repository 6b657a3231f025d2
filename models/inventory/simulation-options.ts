// The inputs of the inventory simulator and their validation: every bad value is a RangeError or
// TypeError naming the field, the value and what would be accepted.
import type { Random } from '../stats/random';
import {
  compileDemand,
  compileLeadTime,
  type DemandDistribution,
  type DemandSampler,
  type LeadTimeDistribution,
  type LeadTimeSampler,
  type PerDay,
} from './demand-sampler';

/**
 * Order-up-to S every `reviewPeriodDays` days (R, default 1); (s,S) reviewed every R days, ordering
 * up to S when the inventory position is <= s; (r,Q) reviewed daily, ordering the smallest multiple
 * of Q that lifts the position above r when it is <= r (the (r,nQ) rule, the same as (r,Q) when
 * demand comes one unit at a time).
 */
export type InventoryPolicy =
  | { type: 'base-stock'; orderUpToLevel: number; reviewPeriodDays?: number }
  | { type: 's-S'; reorderPoint: number; orderUpToLevel: number; reviewPeriodDays?: number }
  | { type: 'r-Q'; reorderPoint: number; orderQuantity: number };

/** Costs in money per unit and day (the book's convention: no purchase cost unless given). */
export interface SimulationCosts {
  /** Per unit of end-of-day on-hand stock per day. */
  holdingCost: number;
  /** Per unit lost (lost sales) or per unit backordered per day at the end of the day. */
  stockoutCost: number;
  /** Per order placed. Default 0. */
  fixedOrderCost?: number;
  /** Per unit ordered. Default 0. */
  purchaseCost?: number;
  /**
   * Per unit discarded. With purchaseCost 0 (the book's convention) this is the unit's cost plus
   * disposal; when purchaseCost is charged, only the disposal (the purchase is already counted).
   */
  wasteCost?: number;
  /** kg CO2e per unit discarded. Default 0. */
  co2ePerWastedUnit?: number;
}

/** Stock on hand at the start; remainingShelfLifeDays defaults to the full shelf life. */
export interface InitialBatch {
  quantity: number;
  remainingShelfLifeDays?: number;
}

/** An order already placed, arriving at the start of `arrivalDay` (day 0 is the first day). */
export interface PipelineOrder {
  quantity: number;
  arrivalDay: number;
}

export interface SimulatePolicyOptions {
  policy: InventoryPolicy;
  demand: DemandDistribution;
  leadTime: LeadTimeDistribution;
  costs: SimulationCosts;
  /** Unmet demand is lost, or backordered and served first from later receipts. */
  unmetDemand: 'lost-sales' | 'backorders';
  horizonDays: number;
  /** Independent replications, >= 2 (for the confidence intervals). */
  replications: number;
  /** The root generator: replication k draws demand from fork(`demand:k`), lead times from fork(`lead-time:k`). */
  random: Random;
  /** Days from arrival to discard (stock arriving on day a is sellable through day a + shelfLife - 1); omit for non-perishable stock. */
  shelfLifeDays?: number;
  /** Starting stock: a quantity (fresh) or batches; default the policy's level (S, or r + Q), fresh. */
  initialOnHand?: number | readonly InitialBatch[];
  initialPipeline?: readonly PipelineOrder[];
  /** First days left out of every KPI (to start from a steady state). Default 0. */
  warmupDays?: number;
  /** Of the confidence intervals; default 0.95. */
  confidenceLevel?: number;
  /**
   * Units above which end-of-day stock is excess, for all days or per day (e.g. the maximum days
   * of cover x the forecast daily demand); gives the averageExcessUnits KPI. Omit for no such KPI.
   */
  excessThresholdUnits?: PerDay;
}

const POLICY_BASE_STOCK = 0;
const POLICY_S_S = 1;
const POLICY_R_Q = 2;

/** The validated, defaulted form the simulation loop reads. */
export interface SimulationSetup {
  policyKind: number;
  /** S for base-stock and (s,S); r for (r,Q) */
  level: number;
  /** s for (s,S); Q for (r,Q) */
  secondLevel: number;
  reviewPeriodDays: number;
  demand: DemandSampler;
  leadTime: LeadTimeSampler;
  lostSales: boolean;
  horizonDays: number;
  replications: number;
  warmupDays: number;
  confidenceLevel: number;
  /** Infinity when not perishable */
  shelfLifeDays: number;
  initialBatches: { quantity: number; remainingShelfLifeDays: number }[];
  initialPipeline: PipelineOrder[];
  holdingCost: number;
  stockoutCost: number;
  fixedOrderCost: number;
  purchaseCost: number;
  wasteCost: number;
  co2ePerWastedUnit: number;
  /** Per day; null when no thresholds were given (no excess KPI). */
  excessThreshold: Float64Array | null;
}

export const POLICY_KINDS = { POLICY_BASE_STOCK, POLICY_S_S, POLICY_R_Q } as const;

function finite(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${name}: expected a finite number, got ${String(value)}`);
  }
  return value;
}

function nonNegative(value: unknown, name: string): number {
  const number = finite(value, name);
  if (number < 0) throw new RangeError(`${name}: must be >= 0, got ${number}`);
  return number;
}

function wholeAtLeast(value: unknown, minimum: number, name: string, hint = ''): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(
      `${name}: must be a whole number >= ${minimum}${hint}, got ${String(value)}`,
    );
  }
  return value;
}

function policyFields(
  policy: InventoryPolicy,
): Pick<SimulationSetup, 'policyKind' | 'level' | 'secondLevel' | 'reviewPeriodDays'> {
  if (policy === null || typeof policy !== 'object') {
    throw new TypeError('policy: expected an object with a `type` field');
  }
  switch (policy.type) {
    case 'base-stock':
      return {
        policyKind: POLICY_BASE_STOCK,
        level: finite(policy.orderUpToLevel, 'policy.orderUpToLevel'),
        secondLevel: 0,
        reviewPeriodDays: wholeAtLeast(policy.reviewPeriodDays ?? 1, 1, 'policy.reviewPeriodDays'),
      };
    case 's-S': {
      const orderUpTo = finite(policy.orderUpToLevel, 'policy.orderUpToLevel');
      const reorderPoint = finite(policy.reorderPoint, 'policy.reorderPoint');
      if (!(reorderPoint < orderUpTo)) {
        throw new RangeError(
          `policy.reorderPoint: must be below orderUpToLevel (${orderUpTo}), got ${reorderPoint}; use base-stock for s = S`,
        );
      }
      return {
        policyKind: POLICY_S_S,
        level: orderUpTo,
        secondLevel: reorderPoint,
        reviewPeriodDays: wholeAtLeast(policy.reviewPeriodDays ?? 1, 1, 'policy.reviewPeriodDays'),
      };
    }
    case 'r-Q': {
      const quantity = finite(policy.orderQuantity, 'policy.orderQuantity');
      if (!(quantity > 0)) {
        throw new RangeError(`policy.orderQuantity: must be > 0, got ${quantity}`);
      }
      return {
        policyKind: POLICY_R_Q,
        level: finite(policy.reorderPoint, 'policy.reorderPoint'),
        secondLevel: quantity,
        reviewPeriodDays: 1,
      };
    }
    default:
      throw new RangeError(
        `policy.type: unknown "${String((policy as { type: unknown }).type)}"; use base-stock, s-S or r-Q`,
      );
  }
}

function excessThresholds(value: PerDay | undefined, horizonDays: number): Float64Array | null {
  if (value === undefined) return null;
  const name = 'excessThresholdUnits';
  if (typeof value !== 'number' && (!Array.isArray(value) || value.length !== horizonDays)) {
    throw new RangeError(
      `${name}: give one number for every day or an array of horizonDays (${horizonDays}) numbers`,
    );
  }
  const thresholds = new Float64Array(horizonDays);
  for (let day = 0; day < horizonDays; day += 1) {
    const entry = typeof value === 'number' ? value : value[day];
    thresholds[day] = nonNegative(entry, typeof value === 'number' ? name : `${name}[${day}]`);
  }
  return thresholds;
}

/** Validates the options and fills in the defaults. */
export function setUpSimulation(options: SimulatePolicyOptions): SimulationSetup {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('options: expected an object');
  }
  if (
    options.random === null ||
    typeof options.random !== 'object' ||
    typeof options.random.fork !== 'function'
  ) {
    throw new TypeError('random: expected a generator from createRandom(seed)');
  }
  const policy = policyFields(options.policy);
  const horizonDays = wholeAtLeast(options.horizonDays, 1, 'horizonDays');
  const replications = wholeAtLeast(
    options.replications,
    2,
    'replications',
    ' (a confidence interval needs two)',
  );
  const warmupDays = wholeAtLeast(options.warmupDays ?? 0, 0, 'warmupDays');
  if (warmupDays >= horizonDays) {
    throw new RangeError(
      `warmupDays: must be below horizonDays (${horizonDays}), got ${warmupDays}`,
    );
  }
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`confidenceLevel: must be in (0, 1), got ${String(confidenceLevel)}`);
  }
  if (options.unmetDemand !== 'lost-sales' && options.unmetDemand !== 'backorders') {
    throw new RangeError(
      `unmetDemand: must be "lost-sales" or "backorders", got ${String(options.unmetDemand)}`,
    );
  }
  const shelfLifeDays =
    options.shelfLifeDays === undefined
      ? Infinity
      : wholeAtLeast(
          options.shelfLifeDays,
          1,
          'shelfLifeDays',
          ' (omit it for non-perishable stock)',
        );
  const costs = options.costs;
  if (costs === null || typeof costs !== 'object') {
    throw new TypeError('costs: expected an object with holdingCost and stockoutCost');
  }
  const startLevel =
    policy.policyKind === POLICY_R_Q ? policy.level + policy.secondLevel : policy.level;
  const initial = options.initialOnHand ?? Math.max(0, startLevel);
  const initialBatches = (typeof initial === 'number' ? [{ quantity: initial }] : initial).map(
    (batch, index) => {
      const name = typeof initial === 'number' ? 'initialOnHand' : `initialOnHand[${index}]`;
      const remaining = batch.remainingShelfLifeDays ?? shelfLifeDays;
      if (remaining !== Infinity) {
        wholeAtLeast(remaining, 1, `${name}.remainingShelfLifeDays`);
        if (remaining > shelfLifeDays) {
          throw new RangeError(
            `${name}.remainingShelfLifeDays: ${remaining} exceeds shelfLifeDays (${shelfLifeDays})`,
          );
        }
      }
      return {
        quantity: nonNegative(batch.quantity, `${name}.quantity`),
        remainingShelfLifeDays: remaining,
      };
    },
  );
  const initialPipeline = (options.initialPipeline ?? []).map((order, index) => ({
    quantity: nonNegative(order.quantity, `initialPipeline[${index}].quantity`),
    arrivalDay: wholeAtLeast(order.arrivalDay, 0, `initialPipeline[${index}].arrivalDay`),
  }));
  return {
    ...policy,
    demand: compileDemand(options.demand, horizonDays),
    leadTime: compileLeadTime(options.leadTime),
    lostSales: options.unmetDemand === 'lost-sales',
    horizonDays,
    replications,
    warmupDays,
    confidenceLevel,
    shelfLifeDays,
    initialBatches,
    initialPipeline,
    holdingCost: nonNegative(costs.holdingCost, 'costs.holdingCost'),
    stockoutCost: nonNegative(costs.stockoutCost, 'costs.stockoutCost'),
    fixedOrderCost: nonNegative(costs.fixedOrderCost ?? 0, 'costs.fixedOrderCost'),
    purchaseCost: nonNegative(costs.purchaseCost ?? 0, 'costs.purchaseCost'),
    wasteCost: nonNegative(costs.wasteCost ?? 0, 'costs.wasteCost'),
    co2ePerWastedUnit: nonNegative(costs.co2ePerWastedUnit ?? 0, 'costs.co2ePerWastedUnit'),
    excessThreshold: excessThresholds(options.excessThresholdUnits, horizonDays),
  };
}
