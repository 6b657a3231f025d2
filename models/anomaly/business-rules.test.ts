import { describe, expect, it } from 'vitest';
import { runBusinessRules, type RuleListing } from './business-rules';
import { makeDays } from './rules/test-days';

/**
 * 28 days to 2024-03-28 selling 8 and 12 alternately (mean 10, sample sd sqrt(112/27) = 2.0367),
 * counted at the close of the last day.
 */
function listing(
  overrides: Partial<RuleListing> & { onHand: number; onOrder?: number },
): RuleListing {
  const { onHand, onOrder = 0, ...rest } = overrides;
  const days = makeDays('2024-03-01', 28, (index) => ({
    units: index % 2 === 0 ? 8 : 12,
    onHand: index === 27 ? onHand : 500,
    onOrder: index === 27 ? onOrder : 0,
  }));
  return {
    sku: 'LAC-001',
    location: 'LIM-DC1',
    days,
    supply: { leadTimeDays: 9, leadTimeSdDays: null, moq: null },
    price: 6.5,
    unitCost: 3,
    shelfLifeDays: 365,
    ...rest,
  };
}

const sd = Math.sqrt(112 / 27);
const z95 = 1.6448536;

describe('runBusinessRules: projected stockout', () => {
  it('fires when on-hand + on-order covers less than the lead time, with the run-out day and the order size (else the planner orders too late)', () => {
    const { alerts } = runBusinessRules(listing({ onHand: 30 }));
    expect(alerts.map((alert) => alert.rule)).toEqual(['projected_stockout']);
    const [alert] = alerts;
    // 30 units at 10 a day: 3 days of cover, out on 2024-03-31; lead-time demand 90; ss = z sd 3
    const safety = z95 * sd * 3;
    expect(alert!.figures.daysOfCover).toBeCloseTo(3, 12);
    expect(alert!.figures.leadTimeDemand).toBeCloseTo(90, 12);
    expect(alert!.figures.shortfall).toBeCloseTo(60, 12);
    expect(alert!.figures.orderQuantity).toBe(Math.ceil(90 + safety - 30));
    expect(alert!.figures.orderQuantity).toBe(71);
    expect(alert).toMatchObject({ start: '2024-03-28', end: '2024-04-06', severity: 'high' });
    expect(alert!.valueAtRisk).toBeCloseTo(60 * 6.5, 9);
    expect(alert!.explanation).toMatch(
      /^order 71 units now: on-hand 30 covers 3 days at 10 a day, lead time is 9 days; stock runs out about 2024-03-31/,
    );
  });

  it('counts stock on order and rounds the order up to the MOQ', () => {
    const quiet = runBusinessRules(listing({ onHand: 30, onOrder: 70 }));
    expect(quiet.alerts.filter((alert) => alert.rule === 'projected_stockout')).toEqual([]);
    const { alerts } = runBusinessRules(
      listing({ onHand: 30, supply: { leadTimeDays: 9, leadTimeSdDays: null, moq: 120 } }),
    );
    expect(alerts[0]!.figures.orderQuantity).toBe(120);
    expect(alerts[0]!.explanation).toContain('order 120 units now (the minimum order)');
  });

  it('projects from the last count less the sales recorded since (else a stale count hides the run-out)', () => {
    const base = listing({ onHand: 500 });
    const days = base.days.map((day, index) =>
      index < 20 ? day : { ...day, onHand: index === 20 ? 100 : null, onOrder: null },
    );
    const { alerts } = runBusinessRules({ ...base, days });
    // count of 2024-03-21: 100, then 7 days sold 8/12 alternately = 72 -> 28 on hand on 2024-03-28
    expect(alerts[0]!.figures.onHand).toBe(28);
    expect(alerts[0]!.start).toBe('2024-03-28');
    expect(alerts[0]!.explanation).toContain('on-hand 28 (count of 2024-03-21 less 72 sold since)');
  });

  it('stays quiet on a healthy listing (stock for the lead time and its buffer)', () => {
    const result = runBusinessRules(listing({ onHand: 200 }));
    expect(result.alerts).toEqual([]);
    expect(result.notes).toEqual([]);
  });
});

describe('runBusinessRules: below safety stock', () => {
  it('fires below z x sqrt(L sd^2 + mean^2 sdL^2) only once the lead-time variability is counted (Silver, Pyke & Thomas)', () => {
    const variable = { leadTimeDays: 9, leadTimeSdDays: 2, moq: null };
    const { alerts } = runBusinessRules(listing({ onHand: 20, onOrder: 100, supply: variable }));
    expect(alerts.map((alert) => alert.rule)).toEqual(['below_safety_stock']);
    const expected = z95 * Math.sqrt(9 * sd * sd + 100 * 4);
    expect(alerts[0]!.figures.safetyStock).toBeCloseTo(expected, 5);
    expect(alerts[0]!.figures.gap).toBeCloseTo(expected - 20, 5);
    expect(alerts[0]!.severity).toBe('medium');
    expect(alerts[0]!.explanation).toMatch(/^expedite the 100 units on order/);
    expect(alerts[0]!.explanation).toContain('safety stock of 34 for 95% service');
    // with a fixed 9-day lead time the buffer is z sd 3 = 10.05 < 20: quiet
    expect(runBusinessRules(listing({ onHand: 20, onOrder: 100 })).alerts).toEqual([]);
  });
});

describe('runBusinessRules: expiry risk', () => {
  it('values the units a perishable cannot sell within its shelf life at cost (else waste shows up only at the write-off)', () => {
    const { alerts } = runBusinessRules(listing({ onHand: 300, shelfLifeDays: 21, supply: null }));
    expect(alerts.map((alert) => alert.rule)).toEqual(['expiry_risk']);
    // 300 on hand at 10 a day = 30 days of cover against 21 of shelf life: 90 units, S/ 270
    expect(alerts[0]!.figures.expiringUnits).toBeCloseTo(90, 9);
    expect(alerts[0]!.valueAtRisk).toBeCloseTo(270, 9);
    expect(alerts[0]!.severity).toBe('medium');
    expect(alerts[0]!.explanation).toMatch(
      /^at least 90 units \(S\/ 270\.00 at cost\) will likely expire: on-hand 300 covers 30 days at 10 a day, shelf life is 21 days/,
    );
  });

  it('stays quiet for stock that sells within its shelf life, and for products that are not perishable', () => {
    expect(runBusinessRules(listing({ onHand: 150, shelfLifeDays: 21 })).alerts).toEqual([]);
    expect(
      runBusinessRules(listing({ onHand: 5000, shelfLifeDays: 365, supply: null })).alerts,
    ).toEqual([]);
  });
});

describe('runBusinessRules: data and settings', () => {
  it('keeps feed-outage days out of the demand estimate (else the zeros understate demand and hide a stockout)', () => {
    const base = listing({ onHand: 30 });
    const days = base.days.map((day, index) =>
      index >= 20 && index <= 25 ? { ...day, units: 0, onHand: 400 - 10 * (index - 19) } : day,
    );
    const { alerts } = runBusinessRules({ ...base, days });
    expect(alerts.map((alert) => alert.rule)).toEqual(['projected_stockout', 'feed_outage']);
    // the 22 days left average 10 exactly (11 of 8 and 11 of 12)
    expect(alerts[0]!.figures.meanDailyDemand).toBeCloseTo(10, 12);
  });

  it('says why stock rules did not run (no count, no supply row, too few usable days)', () => {
    const noCount = listing({ onHand: 30 });
    const withoutCounts = noCount.days.map((day) => ({ ...day, onHand: null }));
    expect(runBusinessRules({ ...noCount, days: withoutCounts }).notes).toEqual([
      'no stock count: stock rules not run',
    ]);
    expect(runBusinessRules(listing({ onHand: 30, supply: null })).notes[0]).toMatch(
      /no supply row/,
    );
    const promoted = listing({ onHand: 30 });
    const allPromo = promoted.days.map((day) => ({ ...day, promo: true }));
    expect(runBusinessRules({ ...promoted, days: allPromo }).notes[0]).toMatch(
      /fewer than 7 days without promotion/,
    );
  });

  it('rejects days out of order and bad settings, naming the field and the fix', () => {
    const base = listing({ onHand: 30 });
    const shuffled = [...base.days].reverse();
    expect(() => runBusinessRules({ ...base, days: shuffled })).toThrow(
      /listing\.days\[1\]\.date: .* sort the days by date/,
    );
    expect(() => runBusinessRules(base, { serviceLevel: 95 })).toThrow(
      /settings\.serviceLevel: 95 must be strictly between 0 and 1/,
    );
    expect(() => runBusinessRules(base, { outageMinimumDays: 1 })).toThrow(/outageMinimumDays/);
    expect(() =>
      runBusinessRules({ ...base, supply: { leadTimeDays: -3, leadTimeSdDays: null, moq: null } }),
    ).toThrow(/leadTimeDays: -3/);
  });
});
