import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../calendar/dates';
import { weeklySinceLaunch } from './launch-curve';

describe('weeklySinceLaunch', () => {
  const first = parseIsoDate('2026-03-01');

  it('counts week 1 from the launch day in 7-day blocks and drops the incomplete last week (else week numbers shift)', () => {
    const daily = [5, 5, ...new Array<number>(14).fill(1), 2, 2];
    // launch on day 2: week 1 = days 2-8, week 2 = days 9-15; days 16-17 are an incomplete week
    expect(weeklySinceLaunch(daily, first, first + 2)).toEqual([7, 7]);
  });

  it('scales a week with missing days up from its observed days, NaN below the minimum (else stockout gaps read as low demand)', () => {
    const daily = [
      2,
      2,
      2,
      2,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      1,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      1,
    ];
    const weeks = weeklySinceLaunch(daily, first, first);
    expect(weeks[0]).toBeCloseTo(14, 12);
    expect(weeks[1]).toBeNaN();
  });

  it('explains a launch before the first value (else week 1 would silently be a later week)', () => {
    expect(() => weeklySinceLaunch([1, 2, 3], first, first - 3)).toThrow(
      /launchDay: the launch is 3 days before/,
    );
  });

  it('rejects negative units by index', () => {
    expect(() => weeklySinceLaunch([1, -2], first, first)).toThrow(/daily\[1\]: -2/);
  });
});
