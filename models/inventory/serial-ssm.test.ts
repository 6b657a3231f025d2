import { describe, expect, it } from 'vitest';
import { minimizeScalar } from '../stats/minimize-scalar';
import { normalCdf, normalDensity, normalQuantile } from '../stats/normal';
import { createRandom } from '../stats/random';
import { serialBaseStockSsm, serialBaseStockSsmCost, type SerialSsmInput } from './serial-ssm';

// Snyder & Shen 2nd ed. Example 6.1: h = (3, 2, 2), L = (1, 1, 2) for stages 1, 2, 3 (stage 1
// downstream), p = 37.12, D ~ N(5, 1). stockpyl lists the same data upstream first.
const EXAMPLE_6_1: SerialSsmInput = {
  echelonHoldingCost: [3, 2, 2],
  leadTime: [1, 1, 2],
  stockoutCost: 37.12,
  demandMean: 5,
  demandStandardDeviation: 1,
};

// Snyder & Shen 2nd ed. Problem 6.1 (two stages; stockpyl's `problem_6_1`).
const PROBLEM_6_1: SerialSsmInput = {
  echelonHoldingCost: [1, 1],
  leadTime: [1, 1],
  stockoutCost: 15,
  demandMean: 100,
  demandStandardDeviation: 15,
};

/** Standard normal loss function E[(Z - z)^+]. */
function normalLoss(z: number): number {
  return normalDensity(z) - z * (1 - normalCdf(z));
}

/**
 * Independent reference for two stages: g_1 in closed form (a newsvendor cost with the loss
 * function), g_2(y) = h_2 (y - mu L_2) + E[g_1(min(S_1, y - D_2))] by composite Simpson's rule
 * over +-12 standard deviations of D_2 on 40,000 intervals.
 */
function twoStageReference(input: SerialSsmInput): { levels: number[]; cost: number } {
  const [h1, h2] = input.echelonHoldingCost as [number, number];
  const [l1, l2] = input.leadTime as [number, number];
  const { stockoutCost: p, demandMean: mu, demandStandardDeviation: sigma } = input;
  const m1 = mu * l1;
  const s1 = sigma * Math.sqrt(l1);
  const g1 = (y: number): number => h1 * (y - m1) + (p + h1 + h2) * s1 * normalLoss((y - m1) / s1);
  const level1 = m1 + s1 * normalQuantile((p + h2) / (p + h1 + h2));
  const m2 = mu * l2;
  const s2 = sigma * Math.sqrt(l2);
  const g2 = (y: number): number => {
    const intervals = 40000;
    const low = m2 - 12 * s2;
    const step = (24 * s2) / intervals;
    let total = 0;
    for (let index = 0; index <= intervals; index += 1) {
      const demand = low + index * step;
      const weight = index === 0 || index === intervals ? 1 : index % 2 === 1 ? 4 : 2;
      total += weight * g1(Math.min(level1, y - demand)) * normalDensity(demand, m2, s2);
    }
    return h2 * (y - m2) + (total * step) / 3;
  };
  const center = mu * (l1 + l2);
  const best = minimizeScalar(g2, center - 5 * s2, center + 10 * s2, { tolerance: 1e-9 });
  return { levels: [level1, best.x], cost: best.value };
}

/**
 * Seeded Monte Carlo of an echelon base-stock policy in a serial system with integer lead
 * times: each period shipments arrive, demand hits stage 1, costs are charged (echelon holding
 * on echelon inventory levels, backorders at p + h'_1), then every stage orders up to its echelon
 * level and each upstream stage ships what it has. Returns the mean cost per period.
 */
function simulateSerial(
  input: SerialSsmInput,
  levels: readonly number[],
  periods: number,
  seed: number,
): number {
  const random = createRandom(seed);
  const stages = levels.length;
  const holding = input.echelonHoldingCost;
  const totalHolding = holding.reduce((sum, cost) => sum + cost, 0);
  const lead = input.leadTime.map((time) => Math.round(time));
  const onHand = levels.map((level, stage) =>
    Math.max(0, level - (stage === 0 ? 0 : levels[stage - 1]!)),
  );
  const owed = new Array<number>(stages).fill(0);
  const inTransit = new Array<number>(stages).fill(0);
  const horizon = Math.max(...lead) + 1;
  const arrivals = Array.from({ length: stages }, () => new Array<number>(horizon).fill(0));
  const warmUp = 2000;
  let total = 0;
  for (let period = 0; period < periods + warmUp; period += 1) {
    const slot = period % horizon;
    for (let stage = 0; stage < stages; stage += 1) {
      onHand[stage]! += arrivals[stage]![slot]!;
      inTransit[stage]! -= arrivals[stage]![slot]!;
      arrivals[stage]![slot] = 0;
    }
    onHand[0]! -= random.normal(input.demandMean, input.demandStandardDeviation);
    const backorders = Math.max(0, -onHand[0]!);
    const echelonLevel: number[] = [];
    let running = 0;
    for (let stage = 0; stage < stages; stage += 1) {
      running +=
        (stage === 0 ? Math.max(0, onHand[0]!) - backorders : onHand[stage]!) +
        (stage > 0 ? inTransit[stage - 1]! : 0);
      echelonLevel.push(running);
    }
    if (period >= warmUp) {
      let cost = (input.stockoutCost + totalHolding) * backorders;
      for (let stage = 0; stage < stages; stage += 1)
        cost += holding[stage]! * echelonLevel[stage]!;
      total += cost;
    }
    for (let stage = 0; stage < stages; stage += 1) {
      const position = echelonLevel[stage]! + inTransit[stage]! + owed[stage]!;
      owed[stage]! += Math.max(0, levels[stage]! - position);
    }
    for (let stage = 0; stage < stages; stage += 1) {
      const shipped =
        stage === stages - 1 ? owed[stage]! : Math.min(onHand[stage + 1]!, owed[stage]!);
      if (stage < stages - 1) onHand[stage + 1]! -= shipped;
      owed[stage]! -= shipped;
      inTransit[stage]! += shipped;
      arrivals[stage]![(period + lead[stage]!) % horizon]! += shipped;
    }
  }
  return total / periods;
}

describe('serialBaseStockSsm', () => {
  it('reproduces Snyder & Shen Example 6.1 to the two decimals the book prints; otherwise the Clark-Scarf recursion is wrong', () => {
    const result = serialBaseStockSsm(EXAMPLE_6_1);
    expect(result.echelonBaseStock.map((level) => level.toFixed(2))).toEqual([
      '6.49',
      '12.02',
      '22.71',
    ]);
    expect(result.localBaseStock.map((level) => level.toFixed(2))).toEqual([
      '6.49',
      '5.53',
      '10.69',
    ]);
    // stockpyl's docstring for this example (grid of 1,000 inventory points, step 0.044, and
    // 100 demand points): S = (6.5144, 12.0123, 22.7002), C = 47.668653. Agreement to its grid.
    const stockpyl = [6.5144388073261155, 12.012332294949644, 22.700237234889784];
    result.echelonBaseStock.forEach((level, stage) => {
      expect(Math.abs(level - stockpyl[stage]!)).toBeLessThan(0.044);
    });
    expect(Math.abs(result.cost - 47.668653127136345)).toBeLessThan(0.01);
  });

  it('gives stage 1 the closed-form newsvendor level with stockout cost p + h_2 + ... + h_N; otherwise the base case is wrong', () => {
    const result = serialBaseStockSsm(EXAMPLE_6_1);
    const exact = 5 + normalQuantile((37.12 + 2 + 2) / (37.12 + 7));
    expect(Math.abs(result.echelonBaseStock[0]! - exact)).toBeLessThan(1e-9);
  });

  it('reduces to the newsvendor for one stage (Snyder & Shen Example 4.4, L = 4); otherwise lead-time demand is wrong', () => {
    const input = {
      echelonHoldingCost: [0.18],
      leadTime: [4],
      stockoutCost: 0.7,
      demandMean: 50,
      demandStandardDeviation: 8,
    };
    const result = serialBaseStockSsm(input);
    const z = normalQuantile(0.7 / 0.88);
    const level = 200 + 16 * z;
    const cost = 0.88 * 16 * normalDensity(z);
    expect(Math.abs(result.echelonBaseStock[0]! / level - 1)).toBeLessThan(1e-10);
    expect(Math.abs(result.cost / cost - 1)).toBeLessThan(1e-9);
    expect(result.echelonBaseStock[0]!.toFixed(1)).toBe('213.2');
  });

  it('matches an independent Simpson-rule reference for two stages (Snyder & Shen Problem 6.1): levels to 1e-6, cost to 1e-9; otherwise the quadrature or asymptotes are off', () => {
    const reference = twoStageReference(PROBLEM_6_1);
    const result = serialBaseStockSsm(PROBLEM_6_1);
    expect(Math.abs(result.echelonBaseStock[0]! - reference.levels[0]!)).toBeLessThan(1e-7);
    // The reference's argmin comes from Brent's method on function values (about 1e-7 here).
    expect(Math.abs(result.echelonBaseStock[1]! - reference.levels[1]!)).toBeLessThan(1e-6);
    expect(Math.abs(result.cost / reference.cost - 1)).toBeLessThan(1e-9);
    const atLevels = serialBaseStockSsmCost(PROBLEM_6_1, reference.levels);
    expect(Math.abs(atLevels / reference.cost - 1)).toBeLessThan(1e-9);
  });

  it('treats a zero-lead-time stage 1 as stock held at stage 2 (newsvendor with h_2); otherwise zero lead times are mishandled', () => {
    const input = {
      echelonHoldingCost: [1.5, 0.5],
      leadTime: [0, 3],
      stockoutCost: 9,
      demandMean: 10,
      demandStandardDeviation: 2,
    };
    const result = serialBaseStockSsm(input);
    const spread = 2 * Math.sqrt(3);
    const z = normalQuantile(9 / 9.5);
    expect(result.echelonBaseStock[0]).toBe(0);
    expect(Math.abs(result.echelonBaseStock[1]! - (30 + spread * z))).toBeLessThan(1e-9);
    expect(Math.abs(result.cost / (9.5 * spread * normalDensity(z)) - 1)).toBeLessThan(1e-9);
  });

  it('puts a zero-lead-time upstream stage at the closed-form level Phi^-1(p / (p + h_1 + h_2)); otherwise the L_j = 0 root below S_{j-1} is wrong', () => {
    const input = {
      echelonHoldingCost: [3, 2],
      leadTime: [2, 0],
      stockoutCost: 37.12,
      demandMean: 5,
      demandStandardDeviation: 1,
    };
    const result = serialBaseStockSsm(input);
    const spread = Math.SQRT2;
    const level1 = 10 + spread * normalQuantile((37.12 + 2) / 42.12);
    const level2 = 10 + spread * normalQuantile(37.12 / 42.12);
    const g1 = (y: number): number => 3 * (y - 10) + 42.12 * spread * normalLoss((y - 10) / spread);
    expect(Math.abs(result.echelonBaseStock[0]! - level1)).toBeLessThan(1e-9);
    expect(Math.abs(result.echelonBaseStock[1]! - level2)).toBeLessThan(1e-9);
    expect(Math.abs(result.cost / (2 * level2 + g1(level2)) - 1)).toBeLessThan(1e-9);
  });

  it('keeps every level within the Shang & Song (2003) newsvendor bounds on random chains; otherwise some stage is misplaced', () => {
    // Bounds (Snyder & Shen 2nd ed. sec. 6.2.4): newsvendor levels over stages 1..j's lead times with
    // stockout cost p + h_{j+1} + ... + h_N and holding cost h_1 + ... + h_j (lower) or h_j (upper).
    const random = createRandom(2003);
    for (let trial = 0; trial < 6; trial += 1) {
      const stages = random.int(2, 5);
      const input: SerialSsmInput = {
        echelonHoldingCost: Array.from({ length: stages }, () => random.uniform(0.2, 4)),
        leadTime: Array.from({ length: stages }, () => random.int(1, 4)),
        stockoutCost: random.uniform(2, 50),
        demandMean: random.uniform(5, 100),
        demandStandardDeviation: random.uniform(1, 20),
      };
      const result = serialBaseStockSsm(input);
      const holding = input.echelonHoldingCost;
      let cumulativeLead = 0;
      result.echelonBaseStock.forEach((level, stage) => {
        cumulativeLead += input.leadTime[stage]!;
        const underage = input.stockoutCost + holding.slice(stage + 1).reduce((a, b) => a + b, 0);
        const overage = holding.slice(0, stage + 1).reduce((a, b) => a + b, 0);
        const mean = input.demandMean * cumulativeLead;
        const spread = input.demandStandardDeviation * Math.sqrt(cumulativeLead);
        const lower = mean + spread * normalQuantile(underage / (underage + overage));
        const upper = mean + spread * normalQuantile(underage / (underage + holding[stage]!));
        expect(level).toBeGreaterThanOrEqual(lower - 1e-9);
        expect(level).toBeLessThanOrEqual(upper + 1e-9);
      });
    }
  });

  it('returns a minimum: moving any level by 0.05 raises the cost; otherwise the root of g_j prime is not the argmin', () => {
    const result = serialBaseStockSsm(EXAMPLE_6_1);
    expect(
      Math.abs(serialBaseStockSsmCost(EXAMPLE_6_1, result.echelonBaseStock) - result.cost),
    ).toBeLessThan(1e-9);
    for (let stage = 0; stage < 3; stage += 1) {
      for (const shift of [-0.05, 0.05]) {
        const levels = [...result.echelonBaseStock];
        levels[stage]! += shift;
        expect(serialBaseStockSsmCost(EXAMPLE_6_1, levels)).toBeGreaterThan(result.cost);
      }
    }
  });

  it('agrees with a seeded simulation of the serial system at optimal and non-optimal levels (within 0.5%); otherwise the cost accounting is wrong', () => {
    const optimal = serialBaseStockSsm(EXAMPLE_6_1).echelonBaseStock;
    for (const levels of [optimal, [4, 9, 10], [10, 10, 12], [3, -1, 4]]) {
      const exact = serialBaseStockSsmCost(EXAMPLE_6_1, levels);
      const simulated = simulateSerial(EXAMPLE_6_1, levels, 150000, 61);
      expect(Math.abs(simulated / exact - 1)).toBeLessThan(0.005);
    }
  });

  it('evaluates far-off levels and large means exactly (the plain pipeline arithmetic); otherwise the representation breaks away from the optimum', () => {
    // Levels far above all demand: IL_3 = S - 10, IL_2 = IL_3 - 5, IL_1 = IL_2 - 5, no backorders.
    const far = serialBaseStockSsmCost(EXAMPLE_6_1, [1e5, 1e5, 1e5]);
    expect(Math.abs(far - (3 * (1e5 - 20) + 2 * (1e5 - 15) + 2 * (1e5 - 10)))).toBeLessThan(1e-6);
    const large = serialBaseStockSsm({
      ...PROBLEM_6_1,
      demandMean: 1e6,
      demandStandardDeviation: 1,
    });
    const small = serialBaseStockSsm({ ...PROBLEM_6_1, demandMean: 0, demandStandardDeviation: 1 });
    expect(Math.abs(large.echelonBaseStock[0]! - 1e6 - small.echelonBaseStock[0]!)).toBeLessThan(
      1e-8,
    );
    expect(Math.abs(large.echelonBaseStock[1]! - 2e6 - small.echelonBaseStock[1]!)).toBeLessThan(
      1e-8,
    );
    // The pipeline to stage 1 holds mu L_1 = 1e6 units at h_2 = 1 more than with mean 0.
    expect(Math.abs(large.cost - 1e6 - small.cost)).toBeLessThan(1e-7);
  });

  it('rejects bad input naming the field', () => {
    expect(() => serialBaseStockSsm({ ...EXAMPLE_6_1, leadTime: [1, 1] })).toThrow(/leadTime/);
    expect(() => serialBaseStockSsm({ ...EXAMPLE_6_1, echelonHoldingCost: [3, -2, 2] })).toThrow(
      /echelonHoldingCost\[1\]/,
    );
    expect(() => serialBaseStockSsm({ ...EXAMPLE_6_1, demandStandardDeviation: 0 })).toThrow(
      /demandStandardDeviation/,
    );
    expect(() => serialBaseStockSsm({ ...EXAMPLE_6_1, stockoutCost: -1 })).toThrow(/stockoutCost/);
    expect(() => serialBaseStockSsm({ ...EXAMPLE_6_1, leadTime: [1, -1, 2] })).toThrow(
      /leadTime\[1\]/,
    );
    expect(() => serialBaseStockSsmCost(EXAMPLE_6_1, [1, 2])).toThrow(/echelonBaseStock/);
    expect(() => serialBaseStockSsm({ ...EXAMPLE_6_1, echelonHoldingCost: [] })).toThrow(TypeError);
  });
});
