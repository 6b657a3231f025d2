import { describe, expect, it } from 'vitest';
import { safetyStock } from './safety-stock';

describe('safetyStock', () => {
  it('matches Chopra & Meindl (Supply Chain Management, ch. 12, lead-time uncertainty example: D 2,500/day, sd 500, L 7 +- 7 days, CSL 0.90 -> sd 17,550, ss 22,491), else the lead-time variance term is wrong', () => {
    const result = safetyStock({
      serviceLevel: 0.9,
      demandMean: 2500,
      demandStandardDeviation: 500,
      leadTime: 7,
      leadTimeStandardDeviation: 7,
    });
    expect(result.leadTimeDemandStandardDeviation).toBeCloseTo(17_549.93, 1);
    expect(Math.round(result.safetyStock)).toBe(22_491);
  });

  it('matches Heizer & Render (Operations Management, ch. 12 "Managing Inventory", solved problem p. 543: constant 60 a week, lead time 6 +- 2 weeks, 90% -> ss 1.28 x 60 x 2 = 153.6), else constant demand with a random lead time is mishandled', () => {
    const result = safetyStock({
      serviceLevel: 0.9,
      demandMean: 60,
      demandStandardDeviation: 0,
      leadTime: 6,
      leadTimeStandardDeviation: 2,
    });
    expect(result.leadTimeDemandStandardDeviation).toBe(120);
    // the book rounds z to 1.28; the exact 0.90 quantile is 1.28155
    expect(result.safetyStock).toBeCloseTo(1.281552 * 120, 3);
    expect(Math.abs(result.safetyStock - 153.6)).toBeLessThan(0.3);
  });

  it('reduces to z x sd x sqrt(L) for a fixed lead time (Chopra & Meindl ch. 12: 2,500 +- 500 a week, L 2 weeks, CSL 0.90 -> ss 906), else fixed lead times get the wrong buffer', () => {
    const result = safetyStock({
      serviceLevel: 0.9,
      demandMean: 2500,
      demandStandardDeviation: 500,
      leadTime: 2,
      leadTimeStandardDeviation: 0,
    });
    expect(result.leadTimeDemandStandardDeviation).toBeCloseTo(500 * Math.SQRT2, 9);
    expect(Math.round(result.safetyStock)).toBe(906);
    expect(result.z).toBeCloseTo(1.281552, 5);
  });

  it('grows with the service level and is 0 at 50% (else the z lookup is inverted)', () => {
    const at = (serviceLevel: number) =>
      safetyStock({
        serviceLevel,
        demandMean: 10,
        demandStandardDeviation: 3,
        leadTime: 5,
        leadTimeStandardDeviation: 1,
      }).safetyStock;
    expect(at(0.5)).toBeCloseTo(0, 12);
    expect(at(0.9)).toBeLessThan(at(0.95));
    expect(at(0.95)).toBeLessThan(at(0.99));
    expect(at(0.95)).toBeCloseTo(1.644854 * Math.sqrt(5 * 9 + 100 * 1), 4);
  });

  it('rejects a service level of 1 or a negative lead time naming the argument (else NaN or Infinity reaches the planner)', () => {
    const base = {
      serviceLevel: 0.95,
      demandMean: 10,
      demandStandardDeviation: 3,
      leadTime: 5,
      leadTimeStandardDeviation: 0,
    };
    expect(() => safetyStock({ ...base, serviceLevel: 1 })).toThrow(/serviceLevel/);
    expect(() => safetyStock({ ...base, leadTime: -1 })).toThrow(/leadTime/);
    expect(() => safetyStock({ ...base, demandStandardDeviation: Number.NaN })).toThrow(
      /demandStandardDeviation/,
    );
  });
});
