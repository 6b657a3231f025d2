import { describe, expect, it } from 'vitest';
import type { DetectedAnomaly } from '../../models/anomaly/detector';
import { parseIsoDate } from '../../models/calendar/dates';
import { explainAnomaly, type DenseListing, type PeerTotals } from './explain-anomaly';

const FIRST = parseIsoDate('2023-01-01');
const LAST = parseIsoDate('2025-12-31');
const LENGTH = LAST - FIRST + 1;
/** Weekly shape (Sunday first, as 2023-01-01 is a Sunday): weekends sell more. */
const WEEKLY = [1.3, 0.85, 0.9, 0.9, 0.95, 1.05, 1.25];
const index = (date: string) => parseIsoDate(date) - FIRST;

/** 3 years of daily units at 100 a day with a weekly pattern; `units` may reshape any day. */
function listing(
  options: {
    units?: (day: number, base: number) => number;
    price?: (day: number) => number;
    region?: string;
  } = {},
): DenseListing {
  const units = new Float64Array(LENGTH);
  const price = new Float64Array(LENGTH);
  for (let day = 0; day < LENGTH; day += 1) {
    const base = 100 * WEEKLY[day % 7]!;
    units[day] = options.units ? options.units(day, base) : base;
    price[day] = options.price ? options.price(day) : 10;
  }
  return {
    firstDay: FIRST,
    region: options.region ?? 'Lima',
    units,
    price,
    promo: new Uint8Array(LENGTH),
    stockout: new Uint8Array(LENGTH),
  };
}

function anomaly(
  kind: DetectedAnomaly['kind'],
  start: number,
  end: number,
  observed: number,
  expected: number,
): DetectedAnomaly {
  return {
    start,
    end,
    kind,
    score: 6,
    expected,
    observed,
    expectedLower: expected * 0.7,
    expectedUpper: expected * 1.3,
    detector: 'test',
  };
}

/** Totals of 5 other listings: 500 a day, times `factor` over [from, to]. */
function peers(from: number, to: number, factor: number): PeerTotals {
  const units = new Float64Array(LENGTH);
  for (let day = 0; day < LENGTH; day += 1)
    units[day] = day >= from && day <= to ? 500 * factor : 500;
  return { firstDay: FIRST, units, listings: 5 };
}

describe('explainAnomaly', () => {
  it('explains a drop on stockout days as a supply issue (else empty shelves are reported as demand drops)', () => {
    const item = listing();
    const at = index('2024-09-10');
    item.stockout.fill(1, at, at + 3);
    const why = explainAnomaly(item, anomaly('drop', at, at + 2, 10, 90));
    expect(why.explained).toBe(true);
    expect(why.text).toContain('supply issue');
    expect(why.text).toContain('3 of these days');
  });

  it('does not excuse a spike by a stockout (an empty shelf cannot raise sales)', () => {
    const item = listing();
    const at = index('2024-09-10');
    item.stockout[at] = 1;
    const why = explainAnomaly(item, anomaly('spike', at, at, 900, 90));
    expect(why.explained).toBe(false);
  });

  it('explains a spike next to a promotion (else every promotion is flagged)', () => {
    const item = listing();
    const at = index('2024-09-10');
    item.promo[at - 1] = 1;
    const why = explainAnomaly(item, anomaly('spike', at, at, 300, 90));
    expect(why.explained).toBe(true);
    expect(why.text).toContain('promotion');
  });

  it('explains a -15% level shift right after a 10% price rise (demand follows price)', () => {
    const at = index('2024-09-10');
    const item = listing({
      price: (day) => (day >= at ? 11 : 10),
      units: (day, base) => (day >= at + 2 ? base * 0.85 : base),
    });
    const why = explainAnomaly(item, anomaly('level_shift', at + 2, at + 2, 85, 100));
    expect(why.explained).toBe(true);
    expect(why.text).toContain('the price rose 10% on 2024-09-10');
    expect(why.text).toContain('demand follows price');
  });

  it('does not blame a -60% level shift on a 7% price rise (an elasticity near 13 is implausible)', () => {
    const at = index('2024-09-10');
    const item = listing({
      price: (day) => (day >= at ? 10.7 : 10),
      units: (day, base) => (day >= at + 2 ? base * 0.4 : base),
    });
    const why = explainAnomaly(item, anomaly('level_shift', at + 2, at + 2, 40, 100));
    expect(why.explained).toBe(false);
    expect(why.text).toMatch(/^unexplained level shift from 2024-09-12/);
  });

  it('does not take a price cut as the cause of a drop (demand moves against price)', () => {
    const at = index('2024-09-10');
    const item = listing({
      price: (day) => (day >= at ? 9 : 10),
      units: (day, base) => (day >= at + 2 ? base * 0.85 : base),
    });
    const why = explainAnomaly(item, anomaly('level_shift', at + 2, at + 2, 85, 100));
    expect(why.explained).toBe(false);
  });

  it('explains a level shift within 120 days of the first sale as a launch ramp', () => {
    const launch = index('2024-03-01');
    const item = listing({ units: (day, base) => (day < launch ? 0 : base) });
    const why = explainAnomaly(item, anomaly('level_shift', launch + 60, launch + 60, 160, 100));
    expect(why.explained).toBe(true);
    expect(why.text).toContain('launch ramp');
    expect(why.text).toContain('2024-03-01');
  });

  it('reports the same level shift long after the launch (the ramp excuse must expire)', () => {
    const launch = index('2024-03-01');
    const item = listing({ units: (day, base) => (day < launch ? 0 : base) });
    const why = explainAnomaly(item, anomaly('level_shift', launch + 200, launch + 200, 160, 100));
    expect(why.explained).toBe(false);
  });

  describe('a spike in the week before Fiestas Patrias (28-29 July 2025)', () => {
    const from = index('2025-07-25');
    const to = index('2025-07-27');
    const spiked = () =>
      listing({ units: (day, base) => (day >= from && day <= to ? base * 2 : base) });

    it('is a calendar effect when the category peers rose the same way', () => {
      const item = spiked();
      item.peers = peers(from, to, 2);
      const why = explainAnomaly(item, anomaly('spike', from, to, 200, 100));
      expect(why.explained).toBe(true);
      expect(why.text).toContain('Fiestas Patrias');
      expect(why.text).toContain('calendar effect');
      expect(why.text).toContain('other 5 listings');
    });

    it('is not explained when the peers stayed flat (a holiday alone is no excuse)', () => {
      const item = spiked();
      item.peers = peers(from, to, 1);
      const why = explainAnomaly(item, anomaly('spike', from, to, 200, 100));
      expect(why.explained).toBe(false);
      expect(why.text).toMatch(/^unexplained spike on 2025-07-25 to 2025-07-27/);
    });

    it('is not a calendar effect when fewer than 3 peers moved (too few to speak for the category)', () => {
      const item = spiked();
      item.peers = { ...peers(from, to, 2), listings: 2 };
      const why = explainAnomaly(item, anomaly('spike', from, to, 200, 100));
      expect(why.explained).toBe(false);
    });

    it('is expected uplift when the same days rose in the other years too', () => {
      const item = listing({
        units: (day, base) => {
          const date = FIRST + day;
          const inWindow = [2023, 2024, 2025].some(
            (year) =>
              date >= parseIsoDate(`${year}-07-25`) && date <= parseIsoDate(`${year}-07-27`),
          );
          return inWindow ? base * 2 : base;
        },
      });
      const why = explainAnomaly(item, anomaly('spike', from, to, 200, 100));
      expect(why.explained).toBe(true);
      expect(why.text).toContain('Fiestas Patrias');
    });
  });

  it('explains a December spike at the level of the same dates in other years as the season', () => {
    const item = listing({
      units: (day, base) => {
        const date = FIRST + day;
        const december = [2023, 2024, 2025].some(
          (year) => date >= parseIsoDate(`${year}-12-11`) && date <= parseIsoDate(`${year}-12-16`),
        );
        return december ? 250 : base;
      },
    });
    const at = index('2025-12-12');
    const why = explainAnomaly(item, anomaly('spike', at, at + 2, 250, 100));
    expect(why.explained).toBe(true);
    expect(why.text).toContain("the item's season");
    expect(why.text).toContain('every year');
  });

  it('reports a December spike that other years did not have (season must be evidenced)', () => {
    const at = index('2025-12-12');
    const item = listing({
      units: (day, base) => (day >= at && day <= at + 2 ? 250 : base),
    });
    const why = explainAnomaly(item, anomaly('spike', at, at + 2, 250, 100));
    expect(why.explained).toBe(false);
  });

  it('reports a one-day 10x spike on an ordinary day as unexplained, with its numbers', () => {
    const at = index('2024-09-18');
    const item = listing({ units: (day, base) => (day === at ? 1000 : base) });
    const why = explainAnomaly(item, anomaly('spike', at, at, 1000, 100));
    expect(why.explained).toBe(false);
    expect(why.text).toMatch(/^unexplained spike on 2024-09-18: 1,000 units a day/);
    expect(why.text).toContain('6.0 SD above the expected 100');
  });
});
