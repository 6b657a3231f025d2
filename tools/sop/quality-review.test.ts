import { describe, expect, it } from 'vitest';
import type { InspectionRecords, QcDaySummary } from '../inspection/inspection-records';
import { createMemoryToolContext } from '../memory-tool-context';
import type { ToolContext } from '../tool-context';
import { buildQualityReview } from './quality-review';

const products = [
  { sku: 'YOG-1', name: 'Yogurt', category: 'dairy', launchDate: null, lifecycleStage: null },
  { sku: 'ARR-1', name: 'Arroz', category: 'grains', launchDate: null, lifecycleStage: null },
];

function contextWith(rows: QcDaySummary[]): { context: ToolContext; asked: string[][] } {
  const asked: string[][] = [];
  const inspections: InspectionRecords = {
    storeImage: () => '',
    save: () => undefined,
    list: () => [],
    qcSummary(from, to) {
      asked.push([from, to]);
      return rows.filter((row) => row.date >= from && row.date <= to);
    },
  };
  const base = createMemoryToolContext({ products, locations: [], sales: [] });
  return { context: { ...base, inspections }, asked };
}

const row = (
  date: string,
  sku: string | null,
  line: string | null,
  counts: [number, number, number, number, number],
): QcDaySummary => {
  const [inspected, passed, failed, needsReview, retake] = counts;
  return { date, sku, line, inspected, passed, failed, needsReview, retake };
};

const rows = [
  row('2026-10-01', 'YOG-1', 'L1', [10, 8, 1, 0, 1]),
  row('2026-10-02', 'YOG-1', 'L2', [5, 2, 3, 0, 0]),
  row('2026-10-03', 'ARR-1', 'L1', [4, 4, 0, 0, 0]),
  row('2026-10-04', null, null, [2, 1, 0, 1, 0]),
  row('2026-11-01', 'ARR-1', 'L1', [100, 0, 100, 0, 0]),
];

describe('buildQualityReview', () => {
  it('sums the month only and leaves retakes out of the pass rate (else the rate is diluted)', () => {
    const { context, asked } = contextWith(rows);
    const section = buildQualityReview(context, '2026-10', {});
    expect(asked).toEqual([['2026-10-01', '2026-10-31']]);
    expect(section).toEqual({
      status: 'available',
      data: {
        overall: {
          inspected: 21,
          passed: 15,
          failed: 4,
          needsReview: 1,
          retake: 1,
          passRate: 15 / 20,
        },
        bySku: [
          {
            sku: 'ARR-1',
            inspected: 4,
            passed: 4,
            failed: 0,
            needsReview: 0,
            retake: 0,
            passRate: 1,
          },
          {
            sku: 'YOG-1',
            inspected: 15,
            passed: 10,
            failed: 4,
            needsReview: 0,
            retake: 1,
            passRate: 10 / 14,
          },
        ],
        byLine: [
          {
            line: 'L1',
            inspected: 14,
            passed: 12,
            failed: 1,
            needsReview: 0,
            retake: 1,
            passRate: 12 / 13,
          },
          {
            line: 'L2',
            inspected: 5,
            passed: 2,
            failed: 3,
            needsReview: 0,
            retake: 0,
            passRate: 0.4,
          },
        ],
      },
    });
  });

  it('narrows to the category in scope (else other products count)', () => {
    const { context } = contextWith(rows);
    const section = buildQualityReview(context, '2026-10', { categories: ['dairy'] });
    expect(section.status === 'available' && section.data.overall.inspected).toBe(15);
  });

  it('says no inspections were recorded in the month instead of a 0 % rate (else a missing section looks like a failure)', () => {
    const { context } = contextWith(rows);
    expect(buildQualityReview(context, '2026-09', {})).toEqual({
      status: 'not_available',
      reason: 'no packaging inspections recorded in 2026-09',
    });
  });

  it('is not available without inspection records in the context (else numbers would be invented)', () => {
    const context = createMemoryToolContext({ products, locations: [], sales: [] });
    expect(buildQualityReview(context, '2026-10', {}).status).toBe('not_available');
  });
});
