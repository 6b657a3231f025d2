import { afterEach, describe, expect, it } from 'vitest';
import type {
  InspectionRecord,
  InspectionVerdict,
} from '../../../tools/inspection/inspection-records';
import { openStore, type Store } from '../store';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

function openInspections(): Store['inspections'] {
  store = openStore({ path: ':memory:' });
  return store.inspections;
}

let counter = 0;
function record(overrides: Partial<InspectionRecord> & { imageHash: string }): InspectionRecord {
  counter += 1;
  return {
    id: `inspection-${counter}`,
    fileName: 'can.jpg',
    sku: 'GRA-005',
    lot: 'L1',
    line: 'L1',
    verdict: 'pass',
    reasons: ['all checks passed'],
    findings: [],
    model: null,
    bestBefore: null,
    durations: { decodeMs: 1, checksMs: 2, modelMs: null, totalMs: 3 },
    inspectedAt: '2026-11-02T10:00:00.000Z',
    ...overrides,
  };
}

describe('inspection repository', () => {
  it('stores the same photo bytes once (else every resend of a photo duplicates the blob)', () => {
    const inspections = openInspections();
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const first = inspections.storeImage(bytes, 'image/png');
    const second = inspections.storeImage(bytes.slice(), 'image/png');
    expect(second).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(inspections.imageCount()).toBe(1);
    inspections.storeImage(new Uint8Array([9]), 'image/jpeg');
    expect(inspections.imageCount()).toBe(2);
    const stored = inspections.image(first);
    expect(stored?.mime).toBe('image/png');
    expect([...stored!.bytes]).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads back a saved inspection exactly (else findings, durations or reasons are lost)', () => {
    const inspections = openInspections();
    const imageHash = inspections.storeImage(new Uint8Array([7]), 'image/jpeg');
    const saved = record({
      imageHash,
      verdict: 'fail',
      reasons: ['the label is 12 px off'],
      findings: [
        {
          check: 'label',
          type: 'label_offset',
          severity: 'major',
          score: 12,
          message: 'label 12 px right of the reference (limit 6 px)',
          box: { x: 1, y: 2, width: 3, height: 4 },
        },
      ],
      model: 'qwen2.5vl:7b',
      bestBefore: '2027-05-01',
      durations: { decodeMs: 10.5, checksMs: 40.25, modelMs: 900, totalMs: 951 },
    });
    inspections.save(saved);
    expect(inspections.get(saved.id)).toEqual(saved);
    expect(inspections.list({})).toEqual([saved]);
  });

  it('refuses a record whose photo was never stored (else the photo link is dangling)', () => {
    const inspections = openInspections();
    expect(() => inspections.save(record({ imageHash: 'f'.repeat(64) }))).toThrow(/storeImage/);
  });

  it('filters by SKU, lot and day range and applies the limit, newest first (else GET /api/inspections lists the wrong ones)', () => {
    const inspections = openInspections();
    const imageHash = inspections.storeImage(new Uint8Array([1]), 'image/png');
    const a = record({ imageHash, sku: 'A', lot: 'L1', inspectedAt: '2026-11-01T08:00:00.000Z' });
    const b = record({ imageHash, sku: 'A', lot: 'L2', inspectedAt: '2026-11-02T08:00:00.000Z' });
    const c = record({ imageHash, sku: 'B', lot: 'L1', inspectedAt: '2026-11-03T23:59:00.000Z' });
    for (const item of [a, b, c]) inspections.save(item);
    const ids = (filter: Parameters<typeof inspections.list>[0]) =>
      inspections.list(filter).map((item) => item.id);
    expect(ids({})).toEqual([c.id, b.id, a.id]);
    expect(ids({ sku: 'A' })).toEqual([b.id, a.id]);
    expect(ids({ lot: 'L1' })).toEqual([c.id, a.id]);
    expect(ids({ from: '2026-11-02' })).toEqual([c.id, b.id]);
    expect(ids({ to: '2026-11-02' })).toEqual([b.id, a.id]);
    expect(ids({ from: '2026-11-03', to: '2026-11-03' })).toEqual([c.id]);
    expect(ids({ sku: 'A', lot: 'L1' })).toEqual([a.id]);
    expect(ids({ limit: 1 })).toEqual([c.id]);
    expect(() => inspections.list({ limit: 0 })).toThrow(/limit/);
    expect(() => inspections.list({ from: '2026-13' })).toThrow(/from: .*YYYY-MM-DD/);
  });

  it('counts the QC summary per day, SKU and line exactly as a hand count (else the S&OP pass rates are wrong)', () => {
    const inspections = openInspections();
    const imageHash = inspections.storeImage(new Uint8Array([1]), 'image/png');
    const plan: Array<[string, string | null, string | null, InspectionVerdict]> = [
      ['2026-11-01T08:00:00.000Z', 'A', 'L1', 'pass'],
      ['2026-11-01T09:00:00.000Z', 'A', 'L1', 'fail'],
      ['2026-11-01T10:00:00.000Z', 'A', 'L1', 'pass'],
      ['2026-11-01T11:00:00.000Z', 'A', 'L2', 'retake'],
      ['2026-11-01T12:00:00.000Z', null, null, 'needs_review'],
      ['2026-11-02T08:00:00.000Z', 'A', 'L1', 'pass'],
      ['2026-11-02T09:00:00.000Z', 'B', 'L1', 'fail'],
      ['2026-11-05T09:00:00.000Z', 'B', 'L1', 'fail'],
    ];
    for (const [inspectedAt, sku, line, verdict] of plan)
      inspections.save(record({ imageHash, inspectedAt, sku, line, verdict }));
    expect(inspections.qcSummary('2026-11-01', '2026-11-02')).toEqual([
      {
        date: '2026-11-01',
        sku: null,
        line: null,
        inspected: 1,
        passed: 0,
        failed: 0,
        needsReview: 1,
        retake: 0,
      },
      {
        date: '2026-11-01',
        sku: 'A',
        line: 'L1',
        inspected: 3,
        passed: 2,
        failed: 1,
        needsReview: 0,
        retake: 0,
      },
      {
        date: '2026-11-01',
        sku: 'A',
        line: 'L2',
        inspected: 1,
        passed: 0,
        failed: 0,
        needsReview: 0,
        retake: 1,
      },
      {
        date: '2026-11-02',
        sku: 'A',
        line: 'L1',
        inspected: 1,
        passed: 1,
        failed: 0,
        needsReview: 0,
        retake: 0,
      },
      {
        date: '2026-11-02',
        sku: 'B',
        line: 'L1',
        inspected: 1,
        passed: 0,
        failed: 1,
        needsReview: 0,
        retake: 0,
      },
    ]);
    expect(inspections.qcSummary('2026-11-03', '2026-11-04')).toEqual([]);
  });

  it('is the ToolContext inspections of the store (else inspect_packaging saves nothing)', async () => {
    const { createStoreToolContext } = await import('../tool-context');
    store = openStore({ path: ':memory:' });
    const context = createStoreToolContext(store, {
      signal: new AbortController().signal,
      now: () => new Date(),
      logger: { debug() {}, info() {}, warn() {}, error() {} } as never,
    });
    expect(context.inspections).toBe(store.inspections);
  });
});
