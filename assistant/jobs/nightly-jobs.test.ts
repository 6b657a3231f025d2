import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-store';
import { buildAnomalyReview } from '../../tools/sop/anomaly-review';
import { buildDemandReview } from '../../tools/sop/demand-review';
import type { ToolContext } from '../../tools/tool-context';
import type { Store } from '../store/store';
import { createStoreToolContext } from '../store/tool-context';
import { scanAnomalies } from './anomaly-scan-job';
import { refreshForecasts } from './forecast-refresh-job';

const silent = { debug() {}, info() {}, warn() {} };
const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function contextOf(store: Store): ToolContext {
  return createStoreToolContext(store, {
    signal: new AbortController().signal,
    now: () => new Date('2024-04-30T12:00:00Z'),
    logger: silent,
  });
}

describe('forecast refresh', () => {
  it('writes snapshots that the demand review reads as the forecast made before the month (else the review would always backtest)', () => {
    // sales 2024-01-01 .. 2024-04-29
    const store = openTestStore(':memory:', 120);
    stores.push(store);
    const context = contextOf(store);
    // two months before March: too little for a backtest
    expect(buildDemandReview(context, '2024-03', {})).toMatchObject({ status: 'not_available' });
    const result = refreshForecasts(context, store.planning, '2024-02-29');
    expect(result).toMatchObject({
      origin: '2024-01',
      months: ['2024-03', '2024-04', '2024-05'],
      listings: 3,
      snapshots: 9,
    });
    const review = buildDemandReview(context, '2024-03', {});
    expect(review).toMatchObject({
      status: 'available',
      data: { forecastSource: 'snapshot', forecastOrigin: '2024-02-29' },
    });
    // the review's forecast total is the snapshots' total
    const stored = store.planning.forecastSnapshots('2024-03', '2024-02-29');
    expect(stored).toHaveLength(3);
    if (review.status === 'available')
      expect(review.data.overall.forecastUnits).toBeCloseTo(
        stored.reduce((sum, row) => sum + row.units, 0),
        6,
      );
  });

  it('forecasts from the closed months only (else a month with a few days of sales would drag the forecast down)', () => {
    const store = openTestStore(':memory:', 120);
    stores.push(store);
    // on 2024-04-10 the last closed month is March: April has 10 days, ignored
    expect(refreshForecasts(contextOf(store), store.planning, '2024-04-10')).toMatchObject({
      origin: '2024-03',
      months: ['2024-05', '2024-06', '2024-07'],
    });
    // data ending mid-month: the month before it is the origin
    expect(refreshForecasts(contextOf(store), store.planning, '2024-06-15')).toMatchObject({
      origin: '2024-03',
      months: ['2024-07', '2024-08', '2024-09'],
    });
  });

  it('keeps the latest forecast made on or before the day asked for (else the review would compare with a forecast made after the month began)', () => {
    const store = openTestStore(':memory:', 120);
    stores.push(store);
    const row = {
      sku: 'QUI-500',
      location: 'LIM-DC1',
      month: '2024-05',
      lower: null,
      upper: null,
      method: 'test',
    };
    store.planning.saveForecastSnapshots([
      { ...row, madeOn: '2024-03-31', units: 10 },
      { ...row, madeOn: '2024-04-15', units: 20 },
      { ...row, madeOn: '2024-05-02', units: 30 },
    ]);
    expect(
      store.planning.forecastSnapshots('2024-05', '2024-04-30').map((item) => item.units),
    ).toEqual([20]);
    expect(
      store.planning.forecastSnapshots('2024-05', '2024-04-01').map((item) => item.units),
    ).toEqual([10]);
    expect(store.planning.forecastSnapshots('2024-05', '2024-03-01')).toEqual([]);
    expect(contextOf(store).planning?.forecastSnapshots('2024-05', '2024-04-30')[0]).toMatchObject({
      madeOn: '2024-04-15',
      units: 20,
    });
  });

  it('refuses an empty store with the fix (else the job would store nothing and succeed)', () => {
    const store = openTestStore(':memory:', 0);
    stores.push(store);
    expect(() => refreshForecasts(contextOf(store), store.planning, '2024-02-29')).toThrow(
      'the store holds no sales: import sales or load the demo data first',
    );
  });
});

describe('anomaly scan', () => {
  it('stores per month what the anomaly review finds live, and the review reads it (else the summary would rescan every listing)', () => {
    const store = openTestStore(':memory:', 120);
    stores.push(store);
    const context = contextOf(store);
    const live = buildAnomalyReview(context, '2024-03', {});
    const livePartial = buildAnomalyReview(context, '2024-04', {});
    const summary = scanAnomalies(
      context,
      store.planning,
      '2024-04-30',
      () => new Date('2024-04-30T07:30:00Z'),
    );
    expect(summary.months.map((month) => [month.month, month.to])).toEqual([
      ['2024-03', '2024-03-31'],
      ['2024-04', '2024-04-29'],
    ]);
    const fromScan = buildAnomalyReview(context, '2024-03', {});
    expect(live).toMatchObject({ status: 'available', data: { source: 'live' } });
    expect(fromScan).toMatchObject({
      status: 'available',
      data: { source: 'nightly_scan', scannedOn: '2024-04-30' },
    });
    const strip = (section: typeof live) =>
      section.status === 'available'
        ? { ...section.data, source: undefined, scannedOn: undefined }
        : section;
    expect(strip(fromScan)).toEqual(strip(live));
    expect(strip(buildAnomalyReview(context, '2024-04', {}))).toEqual(strip(livePartial));
    // a month the scan did not cover is scanned live
    expect(buildAnomalyReview(context, '2024-02', {})).toMatchObject({ data: { source: 'live' } });
    expect(store.planning.latestAnomalyScan()?.scannedOn).toBe('2024-04-30');
  });

  it('does not use a scan that saw fewer days of the month than the store now has (else new sales would be ignored)', () => {
    const store = openTestStore(':memory:', 120);
    stores.push(store);
    const context = contextOf(store);
    // scanned as of 2024-04-20: April through the 20th; the store has sales to the 29th
    scanAnomalies(context, store.planning, '2024-04-20', () => new Date('2024-04-20T07:30:00Z'));
    expect(buildAnomalyReview(context, '2024-04', {})).toMatchObject({ data: { source: 'live' } });
    expect(buildAnomalyReview(context, '2024-03', {})).toMatchObject({
      data: { source: 'nightly_scan', scannedOn: '2024-04-20' },
    });
  });
});
