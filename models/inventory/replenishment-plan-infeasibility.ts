// Why a replenishment plan is infeasible: items whose mandatory order breaks the shelf-life cap
// (before any solve), and the budget or capacity groups an elastic model has to stretch (Chinneck
// 2008, "Feasibility and Infeasibility in Optimization", ch. 7), each with the amount short.
import { solveLinearProgram } from './highs-solver';
import type { PreparedItem } from './replenishment-plan-input';
import { elasticVariable, writeReplenishmentModel } from './replenishment-plan-model';
import type { HardRow, HardRowKind } from './replenishment-plan-model';
import { describeViolation, formatQuantity } from './replenishment-plan-text';

export interface PlanViolation {
  kind: HardRowKind | 'shelf-life';
  name: string;
  unit: 'currency' | 'm3' | 'pallets' | 'units';
  limit: number;
  /** What the unavoidable orders (and existing stock, for space) need. */
  required: number;
  shortBy: number;
  message: string;
}

/** The plan cannot satisfy its hard constraints; `violations` names each group and the amount. */
export class InfeasiblePlanError extends RangeError {
  override readonly name = 'InfeasiblePlanError';
  constructor(readonly violations: readonly PlanViolation[]) {
    super(
      violations.length > 0
        ? `The replenishment plan is infeasible. ${violations.map((violation) => violation.message).join(' ')}`
        : 'The replenishment plan is infeasible, and relaxing budgets and capacities could not locate the cause.',
    );
  }
}

/** Items whose mandatory order alone breaks the shelf-life cap: infeasible before any solve. */
export function shelfLifeViolations(items: readonly PreparedItem[]): PlanViolation[] {
  return items
    .filter((item) => item.mandatoryCases > item.shelfLifeCases)
    .map((item) => {
      const limit = item.shelfLifeCases * item.caseSize;
      const required = item.mandatoryCases * item.caseSize;
      const name = `${item.item.sku} at ${item.item.location}`;
      return {
        kind: 'shelf-life' as const,
        name,
        unit: 'units' as const,
        limit,
        required,
        shortBy: required - limit,
        message: `The shelf life of ${name} allows ordering at most ${formatQuantity(limit)} units (what sells before expiry after the current position), but the mandatory order rounded to MOQ and case packs is ${formatQuantity(required)} units, ${formatQuantity(required - limit)} too many: lower the mandatory order, or check the shelf life and the forecast.`,
      };
    });
}

/** Throws InfeasiblePlanError naming each hard row the elastic model has to stretch. */
export async function explainInfeasibility(
  items: readonly PreparedItem[],
  rows: readonly HardRow[],
  currency: string,
  timeLimitSeconds: number,
): Promise<never> {
  const elastic = await solveLinearProgram(
    writeReplenishmentModel(items, rows, { form: 'elastic' }),
    { timeLimitSeconds },
  );
  if (elastic.status !== 'optimal') {
    throw new InfeasiblePlanError([]);
  }
  const violations: PlanViolation[] = [];
  rows.forEach((row, index) => {
    const shortBy = elastic.columns.get(elasticVariable(index)) ?? 0;
    if (shortBy <= 1e-7 * Math.max(1, row.limit)) return;
    const required = row.limit + shortBy;
    violations.push({
      kind: row.kind,
      name: row.name,
      unit: row.unit,
      limit: row.limit,
      required,
      shortBy,
      message: describeViolation(row, required, shortBy, currency),
    });
  });
  throw new InfeasiblePlanError(violations);
}
