import { afterEach, describe, expect, it } from 'vitest';
import type { DetectAnomaliesOutput } from '../../../tools/detect-anomalies';
import { openStore, type Store } from '../store';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function output(from: string, to: string, anomalies = 0): DetectAnomaliesOutput {
  const anomaly = {
    sku: 'YOG-1L',
    product: 'Yogurt fresa 1 L',
    location: 'LIM-DC1',
    region: 'Lima',
    start: from,
    end: from,
    kind: 'spike' as const,
    score: 9,
    severity: 'high' as const,
    expected: 10,
    expectedLower: 8,
    expectedUpper: 12,
    observed: 40,
    unitsOff: 30,
    valueAtRisk: 195,
    explanation: 'spike',
  };
  return {
    scope: 'all',
    from,
    to,
    sensitivity: 'medium',
    detector: 'stl',
    listingsScanned: 2,
    anomalies: Array.from({ length: anomalies }, () => anomaly),
    anomalyCount: anomalies,
    explained: [],
    explainedCount: 0,
    incidents: [],
    rules: [],
    ruleCount: 0,
    outliers: [],
    skipped: 0,
  };
}

function setup() {
  const store = openStore({ path: ':memory:' });
  stores.push(store);
  return store;
}

describe('planning repository: anomaly scans', () => {
  it('gives a month from the latest scan that covered it (else the summary would show an older scan)', () => {
    const store = setup();
    store.planning.saveAnomalyScan({
      scannedOn: '2026-11-01',
      from: '2026-09-01',
      to: '2026-10-31',
      months: [
        { month: '2026-09', output: output('2026-09-01', '2026-09-30') },
        { month: '2026-10', output: output('2026-10-01', '2026-10-31', 1) },
      ],
      createdAt: '2026-11-01T07:30:00.000Z',
    });
    store.planning.saveAnomalyScan({
      scannedOn: '2026-11-02',
      from: '2026-10-01',
      to: '2026-11-01',
      months: [
        { month: '2026-10', output: output('2026-10-01', '2026-10-31', 2) },
        { month: '2026-11', output: output('2026-11-01', '2026-11-01') },
      ],
      createdAt: '2026-11-02T07:30:00.000Z',
    });
    expect(store.planning.anomalyScanOfMonth('2026-10')).toMatchObject({
      scannedOn: '2026-11-02',
      to: '2026-10-31',
    });
    expect(store.planning.anomalyScanOfMonth('2026-10')?.anomalies).toHaveLength(2);
    expect(store.planning.anomalyScanOfMonth('2026-09')?.scannedOn).toBe('2026-11-01');
    expect(store.planning.anomalyScanOfMonth('2026-08')).toBeUndefined();
    expect(store.planning.latestAnomalyScan()?.scannedOn).toBe('2026-11-02');
    expect(store.planning.anomalyScanOn('2026-11-01')?.months.map((entry) => entry.month)).toEqual([
      '2026-09',
      '2026-10',
    ]);
  });

  it('replaces a day scanned again (else a rerun with --force would fail on the key)', () => {
    const store = setup();
    const scan = {
      scannedOn: '2026-11-02',
      from: '2026-10-01',
      to: '2026-10-31',
      months: [{ month: '2026-10', output: output('2026-10-01', '2026-10-31') }],
      createdAt: '2026-11-02T07:30:00.000Z',
    };
    store.planning.saveAnomalyScan(scan);
    store.planning.saveAnomalyScan({
      ...scan,
      months: [{ month: '2026-10', output: output('2026-10-01', '2026-10-31', 3) }],
    });
    expect(store.planning.anomalyScanOfMonth('2026-10')?.anomalies).toHaveLength(3);
  });

  it('says how to fix a stored scan that no longer fits the schema (else the summary would fail with a zod dump)', () => {
    const store = setup();
    store.database
      .prepare(
        `INSERT INTO anomaly_scans (scanned_on, from_date, to_date, result, created_at)
         VALUES ('2026-11-02', '2026-10-01', '2026-10-31', '{"months":[{"month":"2026-10"}]}', 'x')`,
      )
      .run();
    expect(() => store.planning.anomalyScanOfMonth('2026-10')).toThrow(
      /stored anomaly scan of 2026-11-02 no longer fits the current schema .*: run `ayni jobs run anomaly-scan --force`/,
    );
  });
});

describe('planning repository: forecast snapshots', () => {
  it('writes a day again in place and counts its rows (else a forced refresh would duplicate forecasts)', () => {
    const store = setup();
    const row = {
      madeOn: '2026-10-31',
      sku: 'YOG-1L',
      location: 'LIM-DC1',
      month: '2026-11',
      units: 100,
      lower: 80,
      upper: 120,
      method: 'theta',
    };
    store.planning.saveForecastSnapshots([row, { ...row, month: '2026-12', units: 90 }]);
    store.planning.saveForecastSnapshots([{ ...row, units: 110 }]);
    expect(store.planning.snapshotCount('2026-10-31')).toBe(2);
    expect(store.planning.forecastSnapshots('2026-11', '2026-10-31')).toEqual([
      { ...row, units: 110 },
    ]);
  });
});
