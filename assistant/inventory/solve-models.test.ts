import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { inventoryModels, solveInventoryModel } from './solve-models';

const example51 = {
  holding_cost: 0.225,
  stockout_cost: 7.5,
  fixed_cost: 8,
  demand_mean: 1300,
  demand_sd: 150,
  lead_time: 1 / 12,
};

/** One call per model with the output keys the issue names (Snyder & Shen 2nd ed. examples). */
const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
  [
    'eoq',
    { fixed_cost: 8, holding_cost: 0.225, demand_rate: 1300 },
    { order_quantity: 304.0467800264368, cost: 68.41052550594829 },
  ],
  [
    'eoq_cost',
    { fixed_cost: 8, holding_cost: 0.225, demand_rate: 1300, order_quantity: 400 },
    { cost: (8 * 1300) / 400 + 0.225 * 200 },
  ],
  [
    'eoq_backorders',
    { fixed_cost: 8, holding_cost: 0.225, stockout_cost: 5, demand_rate: 1300 },
    {
      order_quantity: 310.81255515896464,
      stockout_fraction: 0.0430622009569378,
      cost: 66.92136355097325,
    },
  ],
  [
    'epq',
    { fixed_cost: 8, holding_cost: 0.225, demand_rate: 1300, production_rate: 2000 },
    { order_quantity: 513.9328595516969, cost: 40.47221268969612 },
  ],
  [
    'eoq_all_units_discount',
    {
      fixed_cost: 8,
      holding_cost_rate: 0.3,
      demand_rate: 1300,
      breakpoints: [0, 400, 800],
      unit_costs: [0.75, 0.72, 0.68],
    },
    { order_quantity: 800, region: 2, cost: 978.6 },
  ],
  [
    'eoq_incremental_discount',
    {
      fixed_cost: 8,
      holding_cost_rate: 0.3,
      demand_rate: 1300,
      breakpoints: [0, 400, 800],
      unit_costs: [0.75, 0.72, 0.68],
    },
    { order_quantity: 304.04678003, region: 0, cost: 1043.41052551 },
  ],
  [
    'newsvendor_normal',
    { holding_cost: 0.18, stockout_cost: 0.7, demand_mean: 50, demand_sd: 8 },
    { base_stock_level: 56.60395592743389, cost: 1.9976051931766445 },
  ],
  [
    'newsvendor_normal_cost',
    { holding_cost: 0.18, stockout_cost: 0.7, demand_mean: 50, demand_sd: 8, base_stock_level: 60 },
    { cost: 2.156131552870387 },
  ],
  [
    'newsvendor_normal_explicit',
    {
      revenue: 1,
      purchase_cost: 0.3,
      salvage_value: 0.12,
      holding_cost: 0,
      stockout_cost: 0,
      demand_mean: 50,
      demand_sd: 8,
    },
    { base_stock_level: 56.60395592743389, profit: 33.002394806823354 },
  ],
  [
    'newsvendor_poisson',
    { holding_cost: 0.18, stockout_cost: 0.7, demand_mean: 50 },
    { base_stock_level: 56, cost: 1.797235211809178 },
  ],
  [
    'newsvendor_discrete',
    { holding_cost: 1, stockout_cost: 4, demand_pmf: { '10': 0.2, '20': 0.5, '30': 0.3 } },
    { base_stock_level: 30, cost: 1 * (0.2 * 20 + 0.5 * 10) },
  ],
  [
    'newsvendor_continuous',
    {
      holding_cost: 1,
      stockout_cost: 0.1765,
      demand_distribution: 'lognormal',
      log_mean_mu: 6,
      log_sd_sigma: 0.3,
    },
    { base_stock_level: 295.6266448071368, cost: 29.44254351324322 },
  ],
  [
    'rq_normal_optimal',
    example51,
    { reorder_point: 126.8670634479628, order_quantity: 328.4491421980451 },
  ],
  [
    'rq_normal_cost',
    { ...example51, reorder_point: 126.8, order_quantity: 328.5 },
    { cost: 78.071162509282942 },
  ],
  [
    'rq_eoq_plus_safety_stock',
    example51,
    { reorder_point: 190.3369965715624, order_quantity: 304.0467800264368 },
  ],
  [
    'rq_poisson_optimal',
    { holding_cost: 20, stockout_cost: 150, fixed_cost: 100, demand_mean: 1.5, lead_time: 2 },
    { reorder_point: 3, order_quantity: 5, cost: 107.9235806331498 },
  ],
  [
    'ss_poisson_optimal',
    { holding_cost: 1, stockout_cost: 4, fixed_cost: 5, demand_mean: 6 },
    { reorder_point: 4, order_up_to_level: 10, cost: 8.034111561471642 },
  ],
  [
    'wagner_whitin',
    { num_periods: 4, holding_cost: 2, fixed_cost: 500, demand: [90, 120, 80, 70] },
    { order_quantities: [210, 0, 150, 0], cost: 1380 },
  ],
];

function expectSame(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(
      Math.abs((actual as number) - expected) / Math.max(Math.abs(expected), 1e-12),
    ).toBeLessThan(1e-6);
  } else expect(actual).toEqual(expected);
}

describe('solveInventoryModel', () => {
  it.each(cases)(
    '%s returns exactly the output names of the issue with the book values',
    (name, params, expected) => {
      const result = solveInventoryModel(name, params);
      expect(Object.keys(result).sort()).toEqual(Object.keys(expected).sort());
      for (const [key, value] of Object.entries(expected)) expectSame(result[key], value);
    },
  );

  it('safety stock and (R, S) entries return their documented outputs, else the CLI prints other names', () => {
    const alpha = solveInventoryModel('safety_stock_alpha', {
      demand_mean: 100,
      demand_sd: 20,
      lead_time_mean: 4,
      cycle_service_level: 0.95,
    });
    expect(Object.keys(alpha).sort()).toEqual([
      'lead_time_demand_mean',
      'lead_time_demand_sd',
      'reorder_point',
      'safety_factor',
      'safety_stock',
    ]);
    expectSame(alpha.safety_stock, 1.6448536269514722 * 40);
    const beta = solveInventoryModel('safety_stock_beta', {
      demand_mean: 100,
      demand_sd: 20,
      lead_time_mean: 4,
      fill_rate: 0.99,
      order_quantity: 500,
    });
    expect(beta.safety_stock as number).toBeGreaterThan(0);
    const review = solveInventoryModel('periodic_review_rs', {
      review_period: 2,
      lead_time: 3,
      demand_mean: 100,
      demand_sd: 30,
      cycle_service_level: 0.95,
    });
    expectSame(review.order_up_to_level, 500 + 1.6448536269514722 * 30 * Math.sqrt(5));
  });

  it('every registry entry has a description and a strict params schema', () => {
    for (const [name, model] of Object.entries(inventoryModels)) {
      expect(model.description.length, name).toBeGreaterThan(10);
      expect(Object.keys(model.params.shape).length, name).toBeGreaterThan(0);
    }
  });

  it('an unknown model lists the names', () => {
    expect(() => solveInventoryModel('eoq2', {})).toThrow(
      /unknown inventory model "eoq2"; choose one of eoq, eoq_cost/,
    );
  });

  it('an unknown key is rejected with the accepted ones', () => {
    expect(() =>
      solveInventoryModel('eoq', {
        fixed_cost: 8,
        holding_cost: 1,
        demand_rate: 1,
        holdingcost: 2,
      }),
    ).toThrow(
      'eoq: unknown parameter holdingcost; accepted: fixed_cost, holding_cost, demand_rate',
    );
  });

  it('names the model, field, value and fix for a bad value, a missing field and a model-level error', () => {
    expect(() =>
      solveInventoryModel('eoq', { fixed_cost: -8, holding_cost: 1, demand_rate: 1 }),
    ).toThrow('eoq: fixed_cost = -8: must be 0 or more');
    expect(() => solveInventoryModel('eoq', { fixed_cost: 8, demand_rate: 1 })).toThrow(
      /eoq: holding_cost is missing/,
    );
    expect(() =>
      solveInventoryModel('newsvendor_discrete', {
        holding_cost: 1,
        stockout_cost: 4,
        demand_pmf: { '1': 0.5, '2': 0.4 },
      }),
    ).toThrow(/newsvendor_discrete: demand_pmf: probabilities sum to 0.9/);
    try {
      solveInventoryModel('epq', {
        fixed_cost: 8,
        holding_cost: 1,
        demand_rate: 10,
        production_rate: 5,
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as Error).message).toMatch(/epq: production_rate: 5 must exceed demand_rate/);
    }
  });

  it('rejects params that are not an object, else bad input would give a number', () => {
    expect(() => solveInventoryModel('eoq', [1, 2])).toThrow(/eoq: params must be a JSON object/);
  });
});
