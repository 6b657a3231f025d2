import { describe, expect, it } from 'vitest';
import { datesOf, feedOutages } from './feed-outage';
import { makeDays } from './test-days';

const settings = { minimumDays: 2, minimumFall: 3 };

/** 20 days of 10 sold a day from 400 in stock; days 10..13 recorded as 0 while stock still falls. */
function outageDays() {
  return makeDays('2024-03-01', 20, (index) => ({
    units: index >= 10 && index <= 13 ? 0 : 10,
    onHand: 400 - 10 * (index + 1),
  }));
}

describe('feedOutages', () => {
  it('finds zero-sales days while the stock kept falling, with the dates, the fall and the value (else a broken feed reads as lost demand)', () => {
    const alerts = feedOutages('SKU', 'LOC', outageDays(), settings, 2.5);
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({
      rule: 'feed_outage',
      start: '2024-03-11',
      end: '2024-03-14',
      severity: 'high',
      figures: { days: 4, stockFall: 40, fallingDays: 4 },
      valueAtRisk: 100,
    });
    expect(alert!.explanation).toContain('the sales feed probably failed');
    expect(alert!.explanation).toContain('on-hand 300 before, 260 after');
    expect(alert!.explanation).toContain('sales were recorded on 100% of the 4 weeks before');
    expect(alert!.figures.zeroShareBefore).toBe(0);
    expect([...datesOf(alerts)]).toEqual(['2024-03-11', '2024-03-12', '2024-03-13', '2024-03-14']);
  });

  it('stays quiet when zero-sales days leave the stock unchanged (a slow seller is not an outage)', () => {
    const days = makeDays('2024-03-01', 20, (index) => ({
      units: index % 5 === 0 ? 1 : 0,
      onHand: 50 - Math.floor((index + 4) / 5),
    }));
    expect(feedOutages('SKU', 'LOC', days, settings, 2.5)).toEqual([]);
  });

  it('stays quiet on a single fall in a zero run (an expired batch or a write-off, not sales)', () => {
    const days = makeDays('2024-03-01', 6, (index) => ({
      units: index >= 2 ? 0 : 10,
      onHand: index >= 3 ? 20 : 60,
    }));
    expect(feedOutages('SKU', 'LOC', days, settings, null)).toEqual([]);
  });

  it('needs the fall to exceed the minimum and the run to be consecutive calendar days (else gaps or noise raise alarms)', () => {
    const small = makeDays('2024-03-01', 6, (index) => ({
      units: index >= 2 ? 0 : 1,
      onHand: 100 - index,
    }));
    // days 2..5 fall by 1 each: 4 units > 3 fires; a minimum of 5 keeps it quiet
    expect(feedOutages('SKU', 'LOC', small, settings, null)).toHaveLength(1);
    expect(feedOutages('SKU', 'LOC', small, { minimumDays: 2, minimumFall: 5 }, null)).toEqual([]);
    const gapped = outageDays().filter((_, index) => index !== 12);
    // 10, 11 | 13: two runs of 2 and 1 day; only the first (falls on 2 days) qualifies
    const alerts = feedOutages('SKU', 'LOC', gapped, settings, null);
    expect(alerts.map((alert) => [alert.start, alert.end])).toEqual([['2024-03-11', '2024-03-12']]);
  });

  it('stays quiet on a zero run that is ordinary for a slow seller, even with stock thrown away on two days (fresh produce expiring)', () => {
    // sells 1 unit every third day; days 20 and 21 sell nothing while expired stock is removed
    const days = makeDays('2024-03-01', 22, (index) => ({
      units: index % 3 === 0 && index < 20 ? 1 : 0,
      onHand: index < 20 ? 60 - Math.ceil(index / 3) : index === 20 ? 40 : 25,
    }));
    expect(feedOutages('SKU', 'LOC', days, settings, null)).toEqual([]);
    // the same two days in a listing that sold every day before are an outage
    const daily = days.map((day, index) => ({ ...day, units: index < 20 ? 1 : 0 }));
    expect(feedOutages('SKU', 'LOC', daily, settings, null).map((alert) => alert.start)).toEqual([
      '2024-03-21',
    ]);
  });

  it('ignores runs without stock counts (no evidence the goods left)', () => {
    const days = outageDays().map((day) => ({ ...day, onHand: null }));
    expect(feedOutages('SKU', 'LOC', days, settings, 2.5)).toEqual([]);
  });
});
