// Multi-SKU × location replenishment plan as a MIP solved by HiGHS: whole case packs, MOQ through
// an order/no-order binary, shelf-life caps, budgets (overall, per location, per category) and
// warehouse capacities (m³ or pallets); minimises shortage + holding + ordering cost. Shadow prices
// come from the LP with the MIP's order/no-order choices fixed and the case counts relaxed (the
// "fixed MIP" of CPLEX and HiGHS's getFixedLp, but keeping quantities continuous so that budget and
// space have a marginal value); infeasibility is traced in replenishment-plan-infeasibility.ts, and
// limits too small for a whole minimum order are found in replenishment-plan-blocking.ts.
import { solveLinearProgram } from './highs-solver';
import { findBlockedOrders } from './replenishment-plan-blocking';
import type { BlockedOrder } from './replenishment-plan-blocking';
import { prepareReplenishmentInput } from './replenishment-plan-input';
import type { PreparedItem, ReplenishmentPlanInput } from './replenishment-plan-input';
import {
  buildHardRows,
  casesVariable,
  hardRowName,
  writeReplenishmentModel,
} from './replenishment-plan-model';
import type { HardRow, HardRowKind } from './replenishment-plan-model';
import {
  explainInfeasibility,
  InfeasiblePlanError,
  shelfLifeViolations,
} from './replenishment-plan-infeasibility';
import { describeConstraint } from './replenishment-plan-text';

export type {
  ReplenishmentItem,
  ReplenishmentLocation,
  ReplenishmentPlanInput,
} from './replenishment-plan-input';
export type { HardRowKind } from './replenishment-plan-model';
export type { BlockedOrder } from './replenishment-plan-blocking';
export { InfeasiblePlanError } from './replenishment-plan-infeasibility';
export type { PlanViolation } from './replenishment-plan-infeasibility';

export interface PlannedOrder {
  sku: string;
  location: string;
  category: string | undefined;
  /** On hand + on order before this order. */
  position: number;
  target: number;
  orderQuantity: number;
  cases: number;
  caseSize: number;
  resultingPosition: number;
  shortfall: number;
  excess: number;
  orderValue: number;
  /** True where the shelf life, not the target, capped the order. */
  cappedByShelfLife: boolean;
}

export interface PlanConstraint {
  kind: HardRowKind;
  name: string;
  unit: 'currency' | 'm3' | 'pallets';
  limit: number;
  used: number;
  slack: number;
  /** True where the limit is used up, has a positive shadow price, or is blocking. */
  binding: boolean;
  /**
   * True where what is left of the limit is less than the smallest order (MOQ in whole cases) of an
   * item worth ordering, which is therefore not ordered: a discrete reason, which the shadow price
   * (often 0 then) does not show; the explanation gives it in words.
   */
  blocking: boolean;
  /** The items it kept out, cheapest smallest order first; empty unless blocking. */
  blockedOrders: BlockedOrder[];
  /**
   * Cost saved by one more unit of the limit (S/ 1, m³ or pallet): the dual in the LP with this
   * plan's order/no-order choices fixed and whole cases relaxed, so a local marginal value before
   * rounding to cases (0 for a limit that only blocks a whole minimum order). Undefined if that LP
   * gave no dual.
   */
  shadowPrice: number | undefined;
  explanation: string;
}

export interface ReplenishmentPlan {
  /** 'time-limit': the best plan found when the time ran out (not proven optimal). */
  status: 'optimal' | 'time-limit';
  orders: PlannedOrder[];
  totals: {
    orders: number;
    units: number;
    orderValue: number;
    shortageCost: number;
    holdingCost: number;
    orderingCost: number;
    totalCost: number;
    valueByLocation: Record<string, number>;
    volumeByLocation: Record<string, number>;
    palletsByLocation: Record<string, number>;
  };
  constraints: PlanConstraint[];
  /** Binding constraints first, in words. */
  explanations: string[];
  model: { variables: number; constraints: number; integerVariables: number };
}

function rowUsage(row: HardRow, cases: readonly number[]): number {
  return (
    row.existing +
    row.terms.reduce((sum, term) => sum + term.perCase * (cases[term.itemIndex] ?? 0), 0)
  );
}

function plannedOrder(item: PreparedItem, cases: number): PlannedOrder {
  const orderQuantity = cases * item.caseSize;
  const resultingPosition = item.position + orderQuantity;
  return {
    sku: item.item.sku,
    location: item.item.location,
    category: item.item.category,
    position: item.position,
    target: item.target,
    orderQuantity,
    cases,
    caseSize: item.caseSize,
    resultingPosition,
    shortfall: Math.max(0, item.target - resultingPosition),
    excess: Math.max(0, resultingPosition - item.target),
    orderValue: orderQuantity * item.item.unitCost,
    cappedByShelfLife:
      item.shelfLifeCases === item.maximumCases &&
      resultingPosition < item.target &&
      item.shelfLifeCases < Number.POSITIVE_INFINITY,
  };
}

function totalsOf(
  items: readonly PreparedItem[],
  orders: readonly PlannedOrder[],
): ReplenishmentPlan['totals'] {
  const totals: ReplenishmentPlan['totals'] = {
    orders: 0,
    units: 0,
    orderValue: 0,
    shortageCost: 0,
    holdingCost: 0,
    orderingCost: 0,
    totalCost: 0,
    valueByLocation: {},
    volumeByLocation: {},
    palletsByLocation: {},
  };
  orders.forEach((order, index) => {
    const item = items[index];
    if (item === undefined) return;
    const location = order.location;
    totals.units += order.orderQuantity;
    totals.orderValue += order.orderValue;
    totals.shortageCost += order.shortfall * item.item.shortageCost;
    totals.holdingCost += order.excess * item.item.holdingCost;
    if (order.orderQuantity > 0) {
      totals.orders += 1;
      totals.orderingCost += item.item.fixedOrderCost ?? 0;
    }
    totals.valueByLocation[location] = (totals.valueByLocation[location] ?? 0) + order.orderValue;
    if (item.item.unitVolume !== undefined) {
      totals.volumeByLocation[location] =
        (totals.volumeByLocation[location] ?? 0) + order.orderQuantity * item.item.unitVolume;
    }
    if (item.item.unitsPerPallet !== undefined) {
      totals.palletsByLocation[location] =
        (totals.palletsByLocation[location] ?? 0) + order.orderQuantity / item.item.unitsPerPallet;
    }
  });
  totals.totalCost = totals.shortageCost + totals.holdingCost + totals.orderingCost;
  return totals;
}

/**
 * Plan this period's orders for many SKU × location items. Throws InfeasiblePlanError (a
 * RangeError) naming the constraint groups and amounts when budgets or capacities cannot hold the
 * unavoidable orders, and RangeError/TypeError naming the field on bad input.
 */
export async function planReplenishment(input: ReplenishmentPlanInput): Promise<ReplenishmentPlan> {
  const { items, locations } = prepareReplenishmentInput(input);
  const currency = input.currency ?? 'S/';
  const itemViolations = shelfLifeViolations(items);
  if (itemViolations.length > 0) throw new InfeasiblePlanError(itemViolations);
  const rows = buildHardRows(input, items, locations);
  const solveOptions = {
    timeLimitSeconds: input.timeLimitSeconds ?? 30,
    mipRelativeGap: input.mipRelativeGap,
  };
  const plan = await solveLinearProgram(
    writeReplenishmentModel(items, rows, { form: 'plan' }),
    solveOptions,
  );
  if (plan.status === 'infeasible')
    return explainInfeasibility(items, rows, currency, solveOptions.timeLimitSeconds);
  if (plan.columns.size === 0 || (plan.status !== 'optimal' && plan.status !== 'time-limit')) {
    throw new RangeError(
      `timeLimitSeconds: HiGHS ended with "${plan.highsStatus}" and no plan; allow more time (now ${solveOptions.timeLimitSeconds} s) or split the items`,
    );
  }
  const cases = items.map((item) => Math.round(plan.columns.get(casesVariable(item.index)) ?? 0));
  const orders = items.map((item) => plannedOrder(item, cases[item.index] ?? 0));

  const fixed = await solveLinearProgram(
    writeReplenishmentModel(items, rows, {
      form: 'fixed-switches',
      ordered: cases.map((count) => count > 0),
    }),
    { timeLimitSeconds: solveOptions.timeLimitSeconds },
  );
  const dualByRow = new Map(fixed.hasDuals ? fixed.rows.map((row) => [row.name, row.dual]) : []);
  const usedByRow = rows.map((row) => rowUsage(row, cases));
  const blockedByRow = findBlockedOrders(items, rows, cases, usedByRow);
  const constraints = rows.map((row, index): PlanConstraint => {
    const used = usedByRow[index] ?? 0;
    const slack = row.limit - used;
    const dual = dualByRow.get(hardRowName(index));
    // a ≤ row of a minimisation has dual ≤ 0; its negation is the saving per unit of limit
    const shadowPrice = dual === undefined ? undefined : Math.max(0, -dual);
    const blockedOrders = blockedByRow[index] ?? [];
    const blocking = blockedOrders.length > 0;
    const binding = blocking || (shadowPrice ?? 0) > 1e-9 || slack <= 1e-9 * Math.max(1, row.limit);
    const constraint = {
      kind: row.kind,
      name: row.name,
      unit: row.unit,
      limit: row.limit,
      used,
      slack,
      binding,
      blocking,
      blockedOrders,
      shadowPrice,
    };
    return { ...constraint, explanation: describeConstraint(constraint, currency) };
  });
  const explanations = [...constraints]
    .sort((a, b) => Number(b.binding) - Number(a.binding))
    .map((constraint) => constraint.explanation);
  if (plan.status === 'time-limit') {
    explanations.unshift(
      `The solver stopped at its ${solveOptions.timeLimitSeconds} s limit: this is the best plan found, not proven optimal.`,
    );
  }
  const switches = items.filter((item) => item.needsOrderSwitch).length;
  return {
    status: plan.status,
    orders,
    totals: totalsOf(items, orders),
    constraints,
    explanations,
    model: {
      variables: 3 * items.length + switches,
      constraints: items.length + 2 * switches + rows.length,
      integerVariables: items.length + switches,
    },
  };
}
