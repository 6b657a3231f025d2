import { describe, expect, it } from 'vitest';
import { createMemoryToolContext } from '../../tools/memory-tool-context';
import { inventoryTestData, testToday } from '../../tools/inventory/test-data';
import { formatDemoComparison, runDemoComparison } from './demo-comparison';

describe('runDemoComparison', () => {
  it('adds the categories up to the overall line and judges the targets from it (else the reported figures do not match the rows)', async () => {
    const report = await runDemoComparison({
      context: createMemoryToolContext(inventoryTestData(), { now: testToday }),
      categories: ['grains', 'dairy'],
      horizonDays: 30,
      replications: 4,
    });
    expect(report.categories.map((row) => row.label)).toEqual(['grains', 'dairy']);
    const sum = (pick: (index: number) => number) => pick(0) + pick(1);
    expect(report.overall.items).toBe(sum((index) => report.categories[index]!.items));
    expect(report.overall.current.averageInventoryValue).toBeCloseTo(
      sum((index) => report.categories[index]!.current.averageInventoryValue),
      6,
    );
    expect(report.overall.recommended.perishableWasteValue).toBeCloseTo(
      report.categories[1]!.recommended.perishableWasteValue,
      6,
    );
    expect(report.overall.recommended.averageExcessValue).toBeCloseTo(
      sum((index) => report.categories[index]!.recommended.averageExcessValue),
      6,
    );
    // the target is the company's excess stock (units above the maximum cover), not all stock
    const excessChange = report.overall.excessValueChangePercent;
    expect(report.targets.excessStockDownAtLeast10Percent).toBe(
      excessChange !== null && excessChange <= -10,
    );
    expect(report.targets.fillRateEqualOrBetter).toBe(report.overall.fillRateChangePoints >= 0);
    expect(report.targets.cycleServiceEqualOrBetter).toBe(
      report.overall.cycleServiceChangePoints >= 0,
    );
    const text = formatDemoComparison(report);
    expect(text).toContain('overall');
    expect(text).toContain('excess value (rec / cur)');
    expect(text.split('\n')).toHaveLength(6);
  });
});
