import { describe, expect, it } from 'vitest';
import type { DetectedAnomaly, Detector, DetectorInput } from '../../models/anomaly/detector';
import { getDetector } from '../../models/anomaly/registry';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { createRandom } from '../../models/stats/random';
import type { ListingDay, ListingHistory } from '../tool-context';
import { categoryTotalsOf, explainedSteps, scanListings, toDenseListing } from './scan-listings';

const FIRST = parseIsoDate('2024-01-01');
const dateOf = (index: number) => formatIsoDate(FIRST + index);

function history(
  sku: string,
  location: string,
  days: number,
  units: (index: number) => number = () => 100,
  extra: (index: number) => Partial<ListingDay> = () => ({}),
): ListingHistory {
  return {
    sku,
    location,
    region: 'Lima',
    days: Array.from({ length: days }, (_, index) => ({
      date: dateOf(index),
      units: units(index),
      price: 4.5,
      promo: false,
      stockout: false,
      ...extra(index),
    })),
  };
}

/**
 * A transparent detector for the scan's plumbing: every day more than 50 off 100 is a one-day
 * spike or drop, unless the run of such days reaches the end (a level shift); explained days are
 * skipped; under 30 values it says "too short".
 */
function ruleDetector(): Detector & { inputs: DetectorInput[] } {
  const inputs: DetectorInput[] = [];
  return {
    name: 'rule',
    inputs,
    minLength: () => 30,
    detect(input) {
      inputs.push(input);
      const { values } = input;
      if (values.length < 30) {
        return { anomalies: [], scores: new Float64Array(values.length), notes: ['too short'] };
      }
      const off = (index: number) =>
        !input.explained?.[index] && Math.abs(values[index]! - 100) > 50;
      const anomalies: DetectedAnomaly[] = [];
      const base = {
        score: 8,
        expected: 100,
        expectedLower: 60,
        expectedUpper: 140,
        detector: 'rule',
      };
      for (let index = 0; index < values.length; index += 1) {
        if (!off(index)) continue;
        let end = index;
        while (end + 1 < values.length && off(end + 1)) end += 1;
        if (end === values.length - 1 && end > index) {
          const run = values.slice(index);
          const observed = run.reduce((a, b) => a + b, 0) / run.length;
          anomalies.push({ ...base, start: index, end: index, kind: 'level_shift', observed });
          break;
        }
        const value = values[index]!;
        anomalies.push({
          ...base,
          start: index,
          end: index,
          kind: value > 100 ? 'spike' : 'drop',
          observed: value,
        });
      }
      return { anomalies, scores: new Float64Array(values.length), notes: [] };
    },
  };
}

describe('toDenseListing', () => {
  it('lays the rows on consecutive days with NaN for a day without a row (a gap is not a zero)', () => {
    const source = history(
      'YOG-1L',
      'LIM-DC1',
      5,
      (index) => index + 1,
      (index) => ({
        promo: index === 1,
        stockout: index === 3,
        price: index === 4 ? null : 4.5,
      }),
    );
    source.days.splice(2, 1);
    const listing = toDenseListing(source)!;
    expect(listing.firstDay).toBe(FIRST);
    expect(listing.region).toBe('Lima');
    expect(Array.from(listing.units)).toEqual([1, 2, Number.NaN, 4, 5]);
    expect(Array.from(listing.price)).toEqual([4.5, 4.5, Number.NaN, 4.5, Number.NaN]);
    expect(Array.from(listing.promo)).toEqual([0, 1, 0, 0, 0]);
    expect(Array.from(listing.stockout)).toEqual([0, 0, 0, 1, 0]);
  });

  it('gives undefined for a listing without days (nothing to scan, no crash)', () => {
    expect(toDenseListing({ sku: 'X', location: 'Y', region: 'Lima', days: [] })).toBeUndefined();
  });
});

describe('explainedSteps', () => {
  it('marks promotion days, the 7 days after each and stockout days, and nothing else', () => {
    const listing = toDenseListing(
      history('YOG-1L', 'LIM-DC1', 30, undefined, (index) => ({
        promo: index === 5,
        stockout: index === 20,
      })),
    )!;
    const marked = explainedSteps(listing)
      .map((flag, index) => (flag ? index : -1))
      .filter((index) => index >= 0);
    expect(marked).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 20]);
  });

  it('stops the after-promotion week at the end of the history (no writes past the end)', () => {
    const listing = toDenseListing(
      history('YOG-1L', 'LIM-DC1', 10, undefined, (index) => ({ promo: index === 8 })),
    )!;
    const steps = explainedSteps(listing);
    expect(steps).toHaveLength(10);
    expect(steps.slice(7)).toEqual([false, true, true]);
  });
});

describe('categoryTotalsOf', () => {
  it('sums units per category and day and counts its listings (peers are the category less one)', () => {
    const histories = [
      history('YOG-1L', 'LIM-DC1', 3, (index) => 10 + index),
      history('YOG-1L', 'ARE-DC1', 2, () => 5),
      history('LEC-1L', 'LIM-DC1', 4, () => 1),
      history('QUI-500', 'LIM-DC1', 3, () => 100),
      history('NEW-1', 'LIM-DC1', 3, () => 7),
    ];
    const totals = categoryTotalsOf(
      histories,
      new Map([
        ['YOG-1L', 'dairy'],
        ['LEC-1L', 'dairy'],
        ['QUI-500', 'grains'],
      ]),
    );
    const dairy = totals('LEC-1L')!;
    expect(dairy.firstDay).toBe(FIRST);
    expect(dairy.listings).toBe(3);
    expect(Array.from(dairy.units)).toEqual([16, 17, 13, 1]);
    expect(totals('YOG-1L')).toBe(dairy);
    expect(Array.from(totals('QUI-500')!.units)).toEqual([100, 100, 100]);
    expect(totals('QUI-500')!.listings).toBe(1);
    expect(totals('NEW-1')).toBeUndefined();
  });

  it('leaves a day no listing of the category recorded as NaN (unknown, not zero)', () => {
    const source = history('YOG-1L', 'LIM-DC1', 3);
    source.days.splice(1, 1);
    const totals = categoryTotalsOf([source], new Map([['YOG-1L', 'dairy']]));
    expect(Array.from(totals('YOG-1L')!.units)).toEqual([100, Number.NaN, 100]);
  });
});

describe('scanListings', () => {
  const prices = new Map([
    ['YOG-1L', 5],
    ['QUI-500', 2],
  ]);
  const histories = () => [
    history(
      'YOG-1L',
      'LIM-DC1',
      120,
      (index) => (index === 40 ? 400 : index === 90 ? 600 : 100),
      (index) => ({ promo: index === 89 }),
    ),
    history('QUI-500', 'LIM-DC1', 120, (index) => (index === 50 ? 0 : 100)),
    history('MAN-250', 'LIM-DC1', 200, (index) => (index === 60 ? 1000 : index >= 190 ? 200 : 100)),
    history('TINY', 'LIM-DC1', 10),
  ];

  it('values each anomaly at |units off| x price and sorts by value at risk (units when no price)', () => {
    const result = scanListings(histories(), {
      detector: ruleDetector(),
      sensitivity: 'medium',
      prices,
    });
    expect(result.listingsScanned).toBe(4);
    expect(
      result.anomalies.map(({ sku, start, kind, unitsOff, valueAtRisk }) => ({
        sku,
        start,
        kind,
        unitsOff,
        valueAtRisk,
      })),
    ).toEqual([
      { sku: 'YOG-1L', start: dateOf(40), kind: 'spike', unitsOff: 300, valueAtRisk: 1500 },
      // 10 days at +100 to the end of the history: a shift is valued over all its days
      {
        sku: 'MAN-250',
        start: dateOf(190),
        kind: 'level_shift',
        unitsOff: 1000,
        valueAtRisk: null,
      },
      { sku: 'MAN-250', start: dateOf(60), kind: 'spike', unitsOff: 900, valueAtRisk: null },
      { sku: 'QUI-500', start: dateOf(50), kind: 'drop', unitsOff: -100, valueAtRisk: 200 },
    ]);
    expect(result.anomalies[0]!.explanation).toMatch(/^unexplained spike/);
    expect(result.anomalies[1]!.explanation).toMatch(/^unexplained level shift/);
  });

  it('hands the detector the promotion week as explained, so a day after a promotion is not flagged', () => {
    const detector = ruleDetector();
    const result = scanListings(histories().slice(0, 1), { detector, sensitivity: 'high', prices });
    expect(detector.inputs[0]!.explained![89]).toBe(true);
    expect(detector.inputs[0]!.explained![90]).toBe(true);
    expect(detector.inputs[0]!.periods).toEqual([7]);
    expect(detector.inputs[0]!.sensitivity).toBe('high');
    expect(result.anomalies.map((item) => item.start)).toEqual([dateOf(40)]);
  });

  it('sets a detected spike next to a promotion apart as explained, not as an anomaly', () => {
    const source = history(
      'YOG-1L',
      'LIM-DC1',
      120,
      (index) => (index === 40 ? 400 : 100),
      (index) => ({
        stockout: false,
        promo: index === 41,
      }),
    );
    // the rule detector skips explained days only, so day 40 (before the promotion) is found
    const result = scanListings([source], {
      detector: ruleDetector(),
      sensitivity: 'medium',
      prices,
    });
    expect(result.anomalies).toEqual([]);
    expect(result.explained).toHaveLength(1);
    expect(result.explained[0]!.explanation).toContain('promotion');
  });

  it('lists a listing the detector finds too short as skipped, with its note', () => {
    const result = scanListings(histories(), {
      detector: ruleDetector(),
      sensitivity: 'medium',
      prices,
    });
    expect(result.skipped).toEqual([{ sku: 'TINY', location: 'LIM-DC1', note: 'too short' }]);
  });

  it('keeps only anomalies that touch [from, to] (the date filter must not leak)', () => {
    const result = scanListings(histories(), {
      detector: ruleDetector(),
      sensitivity: 'medium',
      prices,
      from: dateOf(45),
      to: dateOf(60),
    });
    expect(result.anomalies.map((item) => `${item.sku} ${item.start}`).sort()).toEqual([
      `MAN-250 ${dateOf(60)}`,
      `QUI-500 ${dateOf(50)}`,
    ]);
  });

  it('stops when the signal is aborted (a client that left must not keep the scan running)', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() =>
      scanListings(histories(), {
        detector: ruleDetector(),
        sensitivity: 'medium',
        prices,
        signal: controller.signal,
      }),
    ).toThrow();
  });

  it('finds a 10x day with the default detector in a year of Poisson weekly sales and values it', () => {
    const weekly = [1.3, 0.85, 0.9, 0.9, 0.95, 1.05, 1.25];
    const at = 200;
    const random = createRandom(5);
    const source = history('YOG-1L', 'LIM-DC1', 365, (index) =>
      index === at ? 1000 : random.poisson(100 * weekly[index % 7]!),
    );
    const result = scanListings([source], {
      detector: getDetector('default'),
      sensitivity: 'medium',
      prices,
    });
    const found = result.anomalies.find((item) => item.start === dateOf(at));
    expect(found?.kind).toBe('spike');
    expect(found!.valueAtRisk).toBeCloseTo(Math.abs(found!.unitsOff) * 5, 9);
    expect(found!.unitsOff).toBeGreaterThan(800);
  });
});
