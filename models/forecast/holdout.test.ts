import { describe, expect, it } from 'vitest';
import {
  addSeriesHoldout,
  createHoldoutTotals,
  holdoutSkipReason,
  scoreHoldout,
  splitHoldout,
  summariseHoldout,
  type SeriesHoldout,
} from './holdout';

const scored = (smape: number, mase: number) => ({ score: { smape, mase }, seconds: 0.5 });

describe('splitHoldout', () => {
  it('holds out exactly the last horizon values (else the test part is not the future)', () => {
    expect(splitHoldout([1, 2, 3, 4, 5], 2)).toEqual({ train: [1, 2, 3], test: [4, 5] });
  });

  it('rejects a horizon that is not a positive whole number, naming it', () => {
    expect(() => splitHoldout([1, 2], 0)).toThrow(/horizon/);
    expect(() => splitHoldout([1, 2], 1.5)).toThrow(RangeError);
  });
});

describe('holdoutSkipReason', () => {
  it('skips a training part not longer than the period (MASE scale undefined)', () => {
    expect(holdoutSkipReason(splitHoldout([1, 2, 3, 4, 5, 6, 7, 8], 1), 7, 1)).toBe('too-short');
    expect(holdoutSkipReason(splitHoldout([1, 2, 3], 5), 1, 5)).toBe('too-short');
  });

  it('skips a series with no in-sample seasonal change (MASE scale 0), as M4 scoring must', () => {
    expect(holdoutSkipReason(splitHoldout([4, 4, 4, 4, 4, 9], 1), 1, 1)).toBe('zero-scale');
  });

  it('skips a series whose held-out values are all missing (nothing to score)', () => {
    expect(holdoutSkipReason(splitHoldout([1, 2, 3, Number.NaN], 1), 1, 1)).toBe('no-actuals');
  });

  it('scores a usable series', () => {
    expect(holdoutSkipReason(splitHoldout([1, 2, 3, 4, 5], 2), 1, 2)).toBeUndefined();
  });
});

describe('scoreHoldout', () => {
  it('computes sMAPE and MASE by the M4 formulas (hand-computed values)', () => {
    // scale = mean |diff| of 1,2,3,4 = 1; errors 1 and 2
    const score = scoreHoldout({ train: [1, 2, 3, 4], test: [5, 6] }, [4, 4], 1);
    expect(score.smape).toBeCloseTo(100 * (1 / 9 + 2 / 10), 10);
    expect(score.mase).toBeCloseTo(1.5, 12);
  });

  it('truncates negative forecasts at 0 for non-negative data (as the M4 benchmarks)', () => {
    const score = scoreHoldout({ train: [1, 2, 3, 4], test: [1, 2] }, [-3, 2], 1);
    // the first forecast counts as 0: |1 - 0| = 1, sMAPE term 1/1
    expect(score.mase).toBeCloseTo(0.5, 12);
    expect(score.smape).toBeCloseTo(100, 10);
  });

  it('keeps negative forecasts when the data themselves go negative', () => {
    const score = scoreHoldout({ train: [-1, 2, -3, 4], test: [-2, 2] }, [-2, 2], 1);
    expect(score.mase).toBe(0);
  });
});

describe('holdout totals', () => {
  const series = (
    method: ReturnType<typeof scored> | { error: string; seconds: number },
    naive2 = scored(20, 2),
  ): SeriesHoldout => ({
    outcomes: { theta: method, naive2 },
  });

  it("gives Naive2 an OWA of exactly 1 and a method the ratio of averages (M4's OWA)", () => {
    const totals = createHoldoutTotals(['theta', 'naive2']);
    addSeriesHoldout(totals, series(scored(10, 1)));
    addSeriesHoldout(totals, series(scored(20, 2), scored(20, 2)));
    const summary = summariseHoldout(totals);
    expect(summary.methods.naive2?.owa).toBe(1);
    // averages 15 and 1.5 against 20 and 2: (0.75 + 0.75) / 2
    expect(summary.methods.theta?.owa).toBeCloseTo(0.75, 12);
    expect(summary.methods.theta?.smape).toBeCloseTo(15, 12);
    expect(summary.methods.theta?.seconds).toBeCloseTo(1, 12);
  });

  it('compares a method with Naive2 only on the series it forecast (a failure must not flatter or hurt it)', () => {
    const totals = createHoldoutTotals(['theta']);
    addSeriesHoldout(totals, series(scored(10, 1)));
    addSeriesHoldout(totals, series({ error: 'no convergence', seconds: 0 }, scored(100, 10)));
    const summary = summariseHoldout(totals);
    expect(summary.methods.theta?.owa).toBeCloseTo(0.5, 12);
    expect(summary.methods.theta?.failures).toBe(1);
    expect(summary.methods.theta?.firstError).toBe('no convergence');
    expect(summary.methods.naive2?.series).toBe(2);
  });

  it('counts skipped series by reason and adds naive2 when it was not named', () => {
    const totals = createHoldoutTotals(['theta']);
    addSeriesHoldout(totals, { skipped: 'zero-scale' });
    addSeriesHoldout(totals, { skipped: 'too-short' });
    const summary = summariseHoldout(totals);
    expect(summary.seriesSkipped).toBe(2);
    expect(summary.skipped['zero-scale']).toBe(1);
    expect(Object.keys(summary.methods)).toEqual(['theta', 'naive2']);
    expect(summary.methods.theta?.owa).toBeNull();
  });
});
