import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { loadDemoCompany } from '../store/demo/load';
import { openStore } from '../store/store';
import { scanStore, type ScanStoreResult } from './scan-store';

const ANOMALY_KINDS = new Set(['spike', 'drop', 'level_shift', 'outlier']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('scanStore', () => {
  let dataDir: string;
  let emptyDir: string;
  let summary: ReturnType<typeof loadDemoCompany>;
  let result: ScanStoreResult;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ayni-scan-store-'));
    emptyDir = mkdtempSync(join(tmpdir(), 'ayni-scan-store-empty-'));
    const store = openStore({ path: join(dataDir, 'ayni.db') });
    try {
      summary = loadDemoCompany(store, { seed: 3, today: '2026-11-26', skuCount: 12 });
    } finally {
      store.close();
    }
    // the whole history (the default is the last 90 days, which may hold nothing)
    result = scanStore({
      dataDir,
      sensitivity: 'medium',
      from: summary.from,
      to: summary.to,
      signal: new AbortController().signal,
    });
  }, 60_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it('scans every listing the demo company loaded', () => {
    expect(summary.products).toBe(12);
    expect(result.listings).toBeGreaterThanOrEqual(summary.products);
    expect(result.notes[0]).toBe(
      `scanned ${result.listings} listings from ${summary.from} to ${summary.to}`,
    );
  });

  it('returns statistical anomalies and rule alerts, each named SKU@LOC with dates inside the data', () => {
    const statistical = result.anomalies.filter((item) => ANOMALY_KINDS.has(item.kind));
    const rules = result.anomalies.filter((item) => !ANOMALY_KINDS.has(item.kind));
    expect(statistical.length).toBeGreaterThan(0);
    expect(rules.length).toBeGreaterThan(0);
    for (const item of result.anomalies) {
      expect(item.series_id).toMatch(/^[^@\s]+@[^@\s]+$/);
      expect(item.start).toMatch(ISO_DATE);
      expect(item.end).toMatch(ISO_DATE);
      expect(item.start <= item.end).toBe(true);
      expect(item.start >= summary.from).toBe(true);
      expect(item.end <= summary.to).toBe(true);
      expect(item.explanation.length).toBeGreaterThan(0);
    }
    for (const item of statistical) {
      expect(item.score).toEqual(expect.any(Number));
      expect(item.expected).toEqual(expect.any(Number));
      expect(item.observed).toEqual(expect.any(Number));
    }
    for (const item of rules) {
      expect(item.score).toBeNull();
      expect(item.expected).toBeNull();
    }
  });

  it('counts explained deviations apart from the anomalies (promotions and holidays are not listed)', () => {
    expect(result.explained).toBeGreaterThan(0);
    for (const item of result.anomalies)
      expect(item.explanation).not.toMatch(/^next to a promotion/);
  });

  it('defaults to the last 90 days of sales and reports nothing that ends before them', () => {
    const recent = scanStore({
      dataDir,
      sensitivity: 'medium',
      signal: new AbortController().signal,
    });
    const from = formatIsoDate(parseIsoDate(summary.to) - 90);
    expect(recent.notes[0]).toBe(
      `scanned ${recent.listings} listings from ${from} to ${summary.to}`,
    );
    for (const item of recent.anomalies) expect(item.end >= from).toBe(true);
  });

  it('refuses an empty store with a RangeError that names `ayni demo-data` (the fix)', () => {
    expect(() =>
      scanStore({ dataDir: emptyDir, sensitivity: 'medium', signal: new AbortController().signal }),
    ).toThrow(RangeError);
    expect(() =>
      scanStore({ dataDir: emptyDir, sensitivity: 'medium', signal: new AbortController().signal }),
    ).toThrow(/ayni demo-data/);
  });
});
