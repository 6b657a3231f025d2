import { describe, expect, it } from 'vitest';
import type { InspectionRecordData } from '../results/inspection-result';
import { historyPath, type QcDaySummary } from './qc-api';
import { fileProblem, historyByDay, maxPhotoBytes, passRateRows, serverDay } from './qc-page';

const day = (
  date: string,
  sku: string | null,
  line: string | null,
  passed: number,
  failed: number,
  extra: Partial<QcDaySummary> = {},
): QcDaySummary => ({
  date,
  sku,
  line,
  inspected: passed + failed + (extra.needsReview ?? 0) + (extra.retake ?? 0),
  passed,
  failed,
  needsReview: 0,
  retake: 0,
  ...extra,
});

describe('pass rates', () => {
  const days = [
    day('2026-11-25', 'CON-001', 'L1', 8, 2),
    day('2026-11-26', 'CON-001', 'L2', 5, 5),
    day('2026-11-26', 'SNA-001', 'L1', 9, 0, { needsReview: 1 }),
    day('2026-11-26', null, null, 1, 0),
  ];

  it('adds the days up per SKU and puts the worst first (else a failing SKU could hide below the fold)', () => {
    const rows = passRateRows(days, 'sku');
    expect(rows.map((row) => [row.key, row.inspected, row.passed, row.passRate])).toEqual([
      ['CON-001', 20, 13, 0.65],
      ['SNA-001', 10, 9, 0.9],
      [null, 1, 1, 1],
    ]);
    expect(rows[1]!.needsReview).toBe(1);
  });

  it('groups by line across SKUs (else the line view would repeat the SKU view)', () => {
    expect(passRateRows(days, 'line').map((row) => [row.key, row.inspected, row.passed])).toEqual([
      ['L2', 10, 5],
      ['L1', 20, 17],
      [null, 1, 1],
    ]);
  });
});

describe('picked files', () => {
  it('refuses non-photos and photos over 20 MB before sending and accepts a JPEG (else the operator would wait for a certain rejection)', () => {
    expect(fileProblem({ type: 'application/pdf', size: 10 })).toEqual({
      kind: 'type',
      type: 'application/pdf',
    });
    expect(fileProblem({ type: 'image/jpeg', size: maxPhotoBytes + 1 })).toMatchObject({
      kind: 'size',
    });
    expect(fileProblem({ type: 'image/jpeg', size: 3_000_000 })).toBeUndefined();
    // a phone may give no type; the server decides then
    expect(fileProblem({ type: '', size: 10 })).toBeUndefined();
  });
});

describe('history', () => {
  it('asks for one day as from = to and leaves empty filters out (else a day filter would list everything after it)', () => {
    expect(historyPath({ sku: ' CON-001 ', lot: '', day: '2026-11-26' })).toBe(
      '/api/inspections?sku=CON-001&from=2026-11-26&to=2026-11-26&limit=50',
    );
    expect(historyPath({})).toBe('/api/inspections?limit=50');
  });

  it("groups inspections by day, newest day first, marking today (else today's work would not stand out)", () => {
    const record = (id: string, inspectedAt: string) =>
      ({ id, inspectedAt }) as unknown as InspectionRecordData;
    const groups = historyByDay(
      [
        record('a', '2026-11-26T09:00:00Z'),
        record('b', '2026-11-25T17:00:00Z'),
        record('c', '2026-11-26T08:00:00Z'),
      ],
      serverDay(new Date('2026-11-26T12:00:00Z')),
    );
    expect(
      groups.map((group) => [group.date, group.today, group.inspections.map((entry) => entry.id)]),
    ).toEqual([
      ['2026-11-26', true, ['a', 'c']],
      ['2026-11-25', false, ['b']],
    ]);
  });
});
