import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { solveInventoryModel } from './solve-models';
import { serialInventoryModels } from './solve-serial';

const ssm = serialInventoryModels.serial_base_stock_ssm!;
const ssmCost = serialInventoryModels.serial_base_stock_ssm_cost!;
const gsm = serialInventoryModels.serial_gsm!;

// Snyder & Shen 2nd ed. Example 6.1, stage 1 (downstream) first.
const EXAMPLE_6_1 = {
  num_stages: 3,
  echelon_holding_cost: [3, 2, 2],
  lead_time: [1, 1, 2],
  stockout_cost: 37.12,
  demand_distribution: 'normal',
  demand_mean: 5,
  demand_sd: 1,
};

describe('serial_base_stock_ssm', () => {
  it('solves Snyder & Shen Example 6.1 with outputs keyed by stage; otherwise the params are mapped to the wrong stages', () => {
    const result = ssm.solve(EXAMPLE_6_1) as {
      echelon_base_stock: Record<string, number>;
      local_base_stock: Record<string, number>;
      cost: number;
    };
    expect(Object.keys(result.echelon_base_stock)).toEqual(['1', '2', '3']);
    expect(result.echelon_base_stock['1']!.toFixed(2)).toBe('6.49');
    expect(result.echelon_base_stock['2']!.toFixed(2)).toBe('12.02');
    expect(result.echelon_base_stock['3']!.toFixed(2)).toBe('22.71');
    expect(result.local_base_stock['3']!.toFixed(2)).toBe('10.69');
    expect(result.cost).toBeGreaterThan(47.6);
    expect(result.cost).toBeLessThan(47.7);
  });

  it('accepts per-stage objects keyed "1".."N" in any key order with the same answer; otherwise keyed input is misread', () => {
    const fromArrays = ssm.solve(EXAMPLE_6_1);
    const fromObjects = ssm.solve({
      ...EXAMPLE_6_1,
      echelon_holding_cost: { '3': 2, '1': 3, '2': 2 },
      lead_time: { '2': 1, '3': 2, '1': 1 },
    });
    expect(fromObjects).toEqual(fromArrays);
  });

  it('evaluates given levels with the cost entry, equal to the optimum at the optimal levels', () => {
    const optimum = ssm.solve(EXAMPLE_6_1) as {
      echelon_base_stock: Record<string, number>;
      cost: number;
    };
    const evaluated = ssmCost.solve({
      ...EXAMPLE_6_1,
      echelon_base_stock: optimum.echelon_base_stock,
    }) as { cost: number };
    expect(Math.abs(evaluated.cost - optimum.cost)).toBeLessThan(1e-9);
    const worse = ssmCost.solve({ ...EXAMPLE_6_1, echelon_base_stock: [4, 9, 10] }) as {
      cost: number;
    };
    expect(worse.cost).toBeGreaterThan(optimum.cost);
  });

  it('rejects a stage array of the wrong length naming the field and num_stages', () => {
    expect(() => ssm.solve({ ...EXAMPLE_6_1, lead_time: [1, 1] })).toThrow(
      /lead_time.*num_stages is 3/,
    );
    expect(() => ssm.solve({ ...EXAMPLE_6_1, lead_time: { '1': 1, '2': 1 } })).toThrow(
      /lead_time: has 2 values but num_stages is 3/,
    );
    expect(() => ssm.solve({ ...EXAMPLE_6_1, lead_time: { '1': 1, '2': 1, '4': 2 } })).toThrow(
      ZodError,
    );
  });

  it('rejects non-positive sd, negative costs, other distributions and unknown keys (zod)', () => {
    expect(() => ssm.solve({ ...EXAMPLE_6_1, demand_sd: 0 })).toThrow(ZodError);
    expect(() => ssm.solve({ ...EXAMPLE_6_1, echelon_holding_cost: [3, -2, 2] })).toThrow(ZodError);
    expect(() => ssm.solve({ ...EXAMPLE_6_1, demand_distribution: 'poisson' })).toThrow(ZodError);
    expect(() => ssm.solve({ ...EXAMPLE_6_1, holding_cost: 1 })).toThrow(ZodError);
  });
});

describe('serial_gsm', () => {
  it('solves Snyder & Shen Example 6.3 (cost 2*sqrt(2), CSTs 1,0,0) keyed by stage', () => {
    const result = gsm.solve({
      num_stages: 3,
      local_holding_cost: [7, 4, 2],
      processing_time: [1, 0, 1],
      demand_bound_constant: 1,
      external_inbound_cst: 1,
      external_outbound_cst: 1,
      demand_sd: 1,
    }) as { committed_service_time: Record<string, number>; cost: number };
    expect(result.committed_service_time).toEqual({ '1': 1, '2': 0, '3': 0 });
    expect(result.cost).toBeCloseTo(2 * Math.SQRT2, 12);
  });

  it('rejects fractional processing times and a wrong number of stages', () => {
    const base = {
      num_stages: 3,
      local_holding_cost: [7, 4, 2],
      processing_time: [1, 0, 1],
      demand_bound_constant: 1,
      external_inbound_cst: 1,
      external_outbound_cst: 1,
      demand_sd: 1,
    };
    expect(() => gsm.solve({ ...base, processing_time: [1, 0.5, 1] })).toThrow(ZodError);
    expect(() => gsm.solve({ ...base, num_stages: 4 })).toThrow(
      /local_holding_cost.*num_stages is 4/,
    );
  });
});

describe('registry', () => {
  it('serves the serial models through solveInventoryModel, with model errors named; otherwise `ayni inventory solve` cannot reach them', () => {
    const result = solveInventoryModel('serial_base_stock_ssm', EXAMPLE_6_1) as { cost: number };
    expect(result.cost).toBeGreaterThan(47.6);
    expect(() => solveInventoryModel('serial_gsm', { num_stages: 1 })).toThrow(
      /serial_gsm: local_holding_cost is missing/,
    );
    expect(() =>
      solveInventoryModel('serial_base_stock_ssm', { ...EXAMPLE_6_1, lead_time: [1, 1] }),
    ).toThrow(/serial_base_stock_ssm: lead_time: has 2 values but num_stages is 3/);
  });
});
