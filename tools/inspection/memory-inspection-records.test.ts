import { describe, expect, it } from 'vitest';
import type { InspectionRecord, InspectionVerdict } from './inspection-records';
import { createMemoryInspectionRecords } from './memory-inspection-records';

function record(
  id: string,
  at: string,
  verdict: InspectionVerdict,
  sku: string | null,
  line: string | null = 'L1',
): InspectionRecord {
  return {
    id,
    imageHash: 'a'.repeat(64),
    fileName: null,
    sku,
    lot: sku === null ? null : 'LOT-1',
    line,
    verdict,
    reasons: [],
    findings: [],
    model: null,
    bestBefore: null,
    durations: { decodeMs: 1, checksMs: 1, modelMs: null, totalMs: 2 },
    inspectedAt: at,
  };
}

describe('createMemoryInspectionRecords', () => {
  it('stores the same photo bytes once, by sha256 (else repeated uploads fill the disk)', () => {
    const records = createMemoryInspectionRecords();
    const bytes = new TextEncoder().encode('photo');
    const first = records.storeImage(bytes, 'image/jpeg');
    const second = records.storeImage(bytes.slice(), 'image/jpeg');
    // sha256('photo'), as `printf photo | sha256sum` gives it
    expect(first).toBe('55c64d0fcd6f9d5f7c828093857e3fdfda68478bb4e9bd24d481ef391c7804e8');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
    expect(records.images.size).toBe(1);
  });

  it('lists newest first, filtered by SKU, lot and inclusive days, up to the limit', () => {
    const records = createMemoryInspectionRecords();
    records.save(record('1', '2026-11-24T10:00:00Z', 'pass', 'GRA-005'));
    records.save(record('2', '2026-11-25T10:00:00Z', 'fail', 'GRA-005'));
    records.save(record('3', '2026-11-26T10:00:00Z', 'pass', 'LAC-001'));
    expect(records.list({ sku: 'GRA-005' }).map((item) => item.id)).toEqual(['2', '1']);
    expect(records.list({ from: '2026-11-25', to: '2026-11-26' }).map((item) => item.id)).toEqual([
      '3',
      '2',
    ]);
    expect(records.list({ limit: 1 }).map((item) => item.id)).toEqual(['3']);
    expect(records.list({ lot: 'LOT-2' })).toEqual([]);
    expect(() => records.list({ limit: 0 })).toThrow(/^limit: 0/);
  });

  it('summarises pass, fail, review and retake by day, SKU and line (else the S&OP QC section miscounts)', () => {
    const records = createMemoryInspectionRecords();
    records.save(record('1', '2026-11-25T08:00:00Z', 'pass', 'GRA-005'));
    records.save(record('2', '2026-11-25T09:00:00Z', 'fail', 'GRA-005'));
    records.save(record('3', '2026-11-25T09:30:00Z', 'retake', 'GRA-005'));
    records.save(record('4', '2026-11-25T10:00:00Z', 'needs_review', 'GRA-005', 'L2'));
    records.save(record('5', '2026-11-27T10:00:00Z', 'pass', null, null));
    expect(records.qcSummary('2026-11-25', '2026-11-26')).toEqual([
      {
        date: '2026-11-25',
        sku: 'GRA-005',
        line: 'L1',
        inspected: 3,
        passed: 1,
        failed: 1,
        needsReview: 0,
        retake: 1,
      },
      {
        date: '2026-11-25',
        sku: 'GRA-005',
        line: 'L2',
        inspected: 1,
        passed: 0,
        failed: 0,
        needsReview: 1,
        retake: 0,
      },
    ]);
  });

  it('replaces a record saved again under the same id', () => {
    const records = createMemoryInspectionRecords();
    records.save(record('1', '2026-11-25T08:00:00Z', 'needs_review', 'GRA-005'));
    records.save(record('1', '2026-11-25T08:00:00Z', 'pass', 'GRA-005'));
    expect(records.list({}).map((item) => item.verdict)).toEqual(['pass']);
  });
});
