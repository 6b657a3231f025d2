// The Wagner-Whitin dynamic programme for deterministic time-varying demand (Wagner & Whitin 1958,
// Management Science 5(1); Snyder & Shen 2nd ed. section 3.7, Algorithm 3.1): order only when the
// inventory is zero, each order covering the demand of the periods up to the next order.
// θ_t = min_{t < s <= T+1} {K_t + Σ_{i=t}^{s-1} (holding of d_i from t to i) + θ_s}, θ_{T+1} = 0.
import { requireInteger, requireNonNegative } from './inventory-arguments';

export interface WagnerWhitinInput {
  numPeriods: number;
  /** Per unit held from one period to the next: one value, or one per period. */
  holdingCost: number | readonly number[];
  /** Per order: one value, or one per period. */
  fixedCost: number | readonly number[];
  demand: readonly number[];
}

export interface WagnerWhitinResult {
  /** The quantity ordered in each period, period 1 first. */
  orderQuantities: number[];
  cost: number;
}

function perPeriod(name: string, value: number | readonly number[], periods: number): number[] {
  const values =
    typeof value === 'number' ? Array.from({ length: periods }, () => value) : [...value];
  if (values.length !== periods)
    throw new RangeError(
      `${name}: give one value or ${periods} (one per period), got ${values.length}`,
    );
  values.forEach((entry, index) => requireNonNegative(`${name}[${index}]`, entry));
  return values;
}

export function wagnerWhitin(input: WagnerWhitinInput): WagnerWhitinResult {
  requireInteger('num_periods', input.numPeriods);
  if (input.numPeriods < 1)
    throw new RangeError(`num_periods: ${input.numPeriods} must be at least 1`);
  const periods = input.numPeriods;
  if (!Array.isArray(input.demand) || input.demand.length !== periods)
    throw new RangeError(
      `demand: give ${periods} values (one per period), got ${Array.isArray(input.demand) ? input.demand.length : String(input.demand)}`,
    );
  const demand = perPeriod('demand', input.demand, periods);
  const holding = perPeriod('holding_cost', input.holdingCost, periods);
  const fixed = perPeriod('fixed_cost', input.fixedCost, periods);

  // costToGo[t]: the least cost of periods t..T starting with no stock (0-based periods)
  const costToGo = new Array<number>(periods + 1).fill(0);
  const nextOrder = new Array<number>(periods).fill(periods);
  for (let t = periods - 1; t >= 0; t -= 1) {
    // A period without demand needs no order of its own.
    let best = demand[t] === 0 ? costToGo[t + 1]! : Infinity;
    let bestNext = t + 1;
    let ordered = false;
    let holdingSoFar = 0;
    let carry = 0; // holding cost per unit from period t to period i
    for (let next = t + 1; next <= periods; next += 1) {
      const i = next - 1;
      if (i > t) carry += holding[i - 1]!;
      holdingSoFar += carry * demand[i]!;
      const cost = fixed[t]! + holdingSoFar + costToGo[next]!;
      if (cost < best) {
        best = cost;
        bestNext = next;
        ordered = true;
      }
    }
    costToGo[t] = best;
    nextOrder[t] = ordered ? bestNext : -1;
  }
  const orderQuantities = new Array<number>(periods).fill(0);
  let t = 0;
  while (t < periods) {
    const next = nextOrder[t]!;
    if (next === -1) {
      t += 1;
      continue;
    }
    let quantity = 0;
    for (let i = t; i < next; i += 1) quantity += demand[i]!;
    orderQuantities[t] = quantity;
    t = next;
  }
  return { orderQuantities, cost: costToGo[0]! };
}
