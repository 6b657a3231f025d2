import { describe, expect, it } from 'vitest';
import { benchItems, runSimulationThroughputBench } from './inventory-sim-bench';

describe('runSimulationThroughputBench', () => {
  it('counts items x days x replications and times them, else the throughput figure is wrong', async () => {
    const report = await runSimulationThroughputBench({ items: 12, days: 30, replications: 3 });
    expect(report.itemDays).toBe(12 * 30 * 3);
    expect(report.seconds).toBeGreaterThan(0);
    expect(report.itemDaysPerSecond).toBeCloseTo(report.itemDays / report.seconds, 6);
  });

  it('builds a mix of policies, demand distributions and perishable items from the seed, else the bench measures one code path', () => {
    const items = benchItems(12, 30, 2, 1);
    expect(new Set(items.map((item) => item.policy.type))).toEqual(
      new Set(['base-stock', 's-S', 'r-Q']),
    );
    expect(new Set(items.map((item) => item.demand.distribution)).size).toBe(4);
    expect(items.some((item) => item.shelfLifeDays !== undefined)).toBe(true);
    expect(items.some((item) => item.shelfLifeDays === undefined)).toBe(true);
    expect(benchItems(12, 30, 2, 1).map((item) => item.demand)).toEqual(
      items.map((item) => item.demand),
    );
  });

  it('rejects fewer than two replications by name', async () => {
    await expect(runSimulationThroughputBench({ replications: 1 })).rejects.toThrow(/replications/);
  });
});
