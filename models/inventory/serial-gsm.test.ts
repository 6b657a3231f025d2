import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { serialGsm, type SerialGsmInput } from './serial-gsm';

// Snyder & Shen 2nd ed. Example 6.3 (instance data and answer as stockpyl's `example_6_3`).
const EXAMPLE_6_3: SerialGsmInput = {
  localHoldingCost: [7, 4, 2],
  processingTime: [1, 0, 1],
  demandBoundConstant: 1,
  externalInboundServiceTime: 1,
  externalOutboundServiceTime: 1,
  demandStandardDeviation: 1,
};

// Snyder & Shen 2nd ed. Problem 6.7 (glazing, firing, forming; stockpyl's `problem_6_7`).
const PROBLEM_6_7: SerialGsmInput = {
  localHoldingCost: [4, 3, 2],
  processingTime: [2, 1, 1],
  demandBoundConstant: 4,
  externalInboundServiceTime: 1,
  externalOutboundServiceTime: 0,
  demandStandardDeviation: 10,
};

// Snyder & Shen 2nd ed. Problem 6.8 (ten stages, z = Phi^-1(0.98); stockpyl's `problem_6_8`).
const PROBLEM_6_8: SerialGsmInput = {
  localHoldingCost: [5.73, 4.56, 3.04, 2.93, 2.47, 2.37, 1.15, 1.1, 0.98, 0.87],
  processingTime: [5, 10, 2, 15, 8, 5, 9, 5, 1, 5],
  demandBoundConstant: 2.0537489106318225,
  externalInboundServiceTime: 7,
  externalOutboundServiceTime: 3,
  demandStandardDeviation: 15.8,
};

/** Cost of given committed service times, straight from the GSM cost definition. */
function costOf(input: SerialGsmInput, committed: readonly number[]): number {
  let total = 0;
  for (let stage = 0; stage < committed.length; stage += 1) {
    const inbound =
      stage === committed.length - 1 ? input.externalInboundServiceTime : committed[stage + 1]!;
    const netLeadTime = Math.max(0, inbound + input.processingTime[stage]! - committed[stage]!);
    total +=
      input.localHoldingCost[stage]! *
      input.demandBoundConstant *
      input.demandStandardDeviation *
      Math.sqrt(netLeadTime);
  }
  return total;
}

/** Least cost over every feasible vector of committed service times (S_k <= SI_k + T_k). */
function bruteForceCost(input: SerialGsmInput): number {
  const stageCount = input.processingTime.length;
  let best = Number.POSITIVE_INFINITY;
  const committed = new Array<number>(stageCount).fill(0);
  const visit = (stage: number, inbound: number): void => {
    if (stage === 0) {
      committed[0] = input.externalOutboundServiceTime;
      best = Math.min(best, costOf(input, committed));
      return;
    }
    for (let outbound = 0; outbound <= inbound + input.processingTime[stage]!; outbound += 1) {
      committed[stage] = outbound;
      visit(stage - 1, outbound);
    }
  };
  visit(stageCount - 1, input.externalInboundServiceTime);
  return best;
}

describe('serialGsm', () => {
  it('reproduces Snyder & Shen Example 6.3 (cost 2*sqrt(2), CSTs 1,0,0); otherwise the DP recursion is wrong', () => {
    const result = serialGsm(EXAMPLE_6_3);
    expect(result.committedServiceTime).toEqual([1, 0, 0]);
    expect(result.cost).toBeCloseTo(2 * Math.SQRT2, 12);
  });

  it('reproduces Snyder & Shen Problem 6.7 (cost 160*sqrt(5), CSTs 0,3,2); otherwise the stage-1 outbound service time is mishandled', () => {
    const result = serialGsm(PROBLEM_6_7);
    expect(result.committedServiceTime).toEqual([0, 3, 2]);
    expect(result.cost / (160 * Math.sqrt(5)) - 1).toBeLessThan(1e-12);
    expect(result.netLeadTime).toEqual([5, 0, 0]);
  });

  it('reproduces Snyder & Shen Problem 6.8 (ten stages, cost 1378.31); otherwise long chains or the backtracking are wrong', () => {
    const result = serialGsm(PROBLEM_6_8);
    expect(result.committedServiceTime).toEqual([3, 10, 0, 28, 13, 5, 0, 18, 13, 12]);
    // stockpyl's test of this problem checks 1378.31 to one decimal place; the exact cost of
    // these service times is z * sigma * (5.73 sqrt(12) + 3.04 sqrt(30) + 1.15 sqrt(27)).
    expect(Math.abs(result.cost - 1378.31)).toBeLessThan(0.05);
    const exact =
      2.0537489106318225 *
      15.8 *
      (5.73 * Math.sqrt(12) + 3.04 * Math.sqrt(30) + 1.15 * Math.sqrt(27));
    expect(Math.abs(result.cost / exact - 1)).toBeLessThan(1e-12);
    expect(result.cost).toBeCloseTo(costOf(PROBLEM_6_8, result.committedServiceTime), 9);
  });

  it('matches exhaustive enumeration on random small chains; otherwise the DP misses the optimum', () => {
    const random = createRandom(20260526);
    for (let trial = 0; trial < 40; trial += 1) {
      const stageCount = 2 + Math.floor(random.uniform(0, 1) * 3);
      const input: SerialGsmInput = {
        localHoldingCost: Array.from(
          { length: stageCount },
          (_, k) => (k + 1) * (1 + random.uniform(0, 1)),
        ).reverse(),
        processingTime: Array.from({ length: stageCount }, () =>
          Math.floor(random.uniform(0, 1) * 5),
        ),
        demandBoundConstant: random.uniform(0, 1) * 3,
        externalInboundServiceTime: Math.floor(random.uniform(0, 1) * 4),
        externalOutboundServiceTime: Math.floor(random.uniform(0, 1) * 3),
        demandStandardDeviation: 1 + random.uniform(0, 1) * 20,
      };
      const result = serialGsm(input);
      const reference = bruteForceCost(input);
      expect(Math.abs(result.cost - reference)).toBeLessThanOrEqual(1e-9 * Math.max(1, reference));
      expect(costOf(input, result.committedServiceTime)).toBeCloseTo(result.cost, 9);
    }
  });

  it('reports safety stock z*sigma*sqrt(net lead time) whose holding cost sums to the cost; otherwise the outputs disagree', () => {
    const result = serialGsm(PROBLEM_6_8);
    const total = result.safetyStock.reduce(
      (sum, stock, stage) => sum + stock * PROBLEM_6_8.localHoldingCost[stage]!,
      0,
    );
    expect(total).toBeCloseTo(result.cost, 9);
  });

  it('rejects bad input naming the field; otherwise a typo would give a silent wrong plan', () => {
    expect(() => serialGsm({ ...EXAMPLE_6_3, processingTime: [1, 0] })).toThrow(
      /processingTime.*3 stages/,
    );
    expect(() => serialGsm({ ...EXAMPLE_6_3, processingTime: [1, 0.5, 1] })).toThrow(RangeError);
    expect(() => serialGsm({ ...EXAMPLE_6_3, localHoldingCost: [7, -4, 2] })).toThrow(
      /localHoldingCost\[1\]/,
    );
    expect(() => serialGsm({ ...EXAMPLE_6_3, demandStandardDeviation: 0 })).toThrow(
      /demandStandardDeviation/,
    );
    expect(() => serialGsm({ ...EXAMPLE_6_3, demandBoundConstant: -1 })).toThrow(
      /demandBoundConstant/,
    );
    expect(() => serialGsm({ ...EXAMPLE_6_3, externalInboundServiceTime: -1 })).toThrow(
      /externalInboundServiceTime/,
    );
    expect(() => serialGsm({ ...EXAMPLE_6_3, localHoldingCost: [] })).toThrow(TypeError);
  });
});
