import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/r-forecasts.json' with { type: 'json' };
import { sesOptimal } from './ses-fit';
import { seasonallyAdjust } from './decompose';
import { createThetaForecaster, thetaForecaster } from './theta';

/** Largest absolute difference, as a share of the series' mean absolute value. */
function scaledGap(ours: readonly number[], theirs: readonly number[], values: readonly number[]) {
  const scale = values.reduce((sum, value) => sum + Math.abs(value), 0) / values.length;
  return (
    Math.max(...ours.map((value, index) => Math.abs(value - (theirs[index] as number)))) / scale
  );
}

describe('theta against R forecast::thetaf (fixtures from make-fixtures.R)', () => {
  for (const series of fixtures.series) {
    it(`${series.id}: point forecasts and 80/95% intervals match R within 1e-3 of the series scale`, () => {
      const result = thetaForecaster.forecast({
        values: series.values,
        period: series.period,
        horizon: series.horizon,
        levels: [80, 95],
      });
      expect(result.method).toBe('theta');
      expect(result.parameters.seasonal).toBe(series.seasonalTest.seasonal);
      expect(scaledGap(result.mean, series.thetaf.mean, series.values)).toBeLessThan(1e-3);
      const [eighty, ninetyFive] = result.intervals;
      expect(scaledGap(eighty!.lower, series.thetaf.lower80, series.values)).toBeLessThan(1e-3);
      expect(scaledGap(eighty!.upper, series.thetaf.upper80, series.values)).toBeLessThan(1e-3);
      expect(scaledGap(ninetyFive!.lower, series.thetaf.lower95, series.values)).toBeLessThan(1e-3);
      expect(scaledGap(ninetyFive!.upper, series.thetaf.upper95, series.values)).toBeLessThan(1e-3);
      expect(result.parameters.drift as number).toBeCloseTo(series.thetaf.drift, 6);
    });

    it(`${series.id}: the SES inside Theta fits at least as well as R's (in-sample MSE)`, () => {
      const adjusted = seasonallyAdjust(series.values, series.period, 'thetaf').adjusted;
      const fit = sesOptimal(adjusted);
      const ourMse = fit.sse / adjusted.length;
      expect(ourMse).toBeLessThanOrEqual(series.ses.mse * (1 + 1e-9));
      expect(ourMse).toBeGreaterThan(series.ses.mse * (1 - 1e-3));
    });
  }
});

describe('theta properties', () => {
  it('damps a straight-line trend: forecasts lie between the last value and the line', () => {
    const line = Array.from({ length: 30 }, (_, index) => 100 + 2 * index);
    const result = thetaForecaster.forecast({ values: line, period: 1, horizon: 5 });
    result.mean.forEach((value, step) => {
      expect(value).toBeGreaterThan(158);
      expect(value).toBeLessThanOrEqual(158 + 2 * (step + 1) + 1e-6);
    });
  });

  it('falls back to naive for a series too short to fit, and says so', () => {
    const result = thetaForecaster.forecast({ values: [4, 6], period: 1, horizon: 3 });
    expect(result.method).toBe('naive');
    expect(result.mean).toEqual([6, 6, 6]);
    expect(result.notes[0]).toMatch(/theta needs at least 3 observations.*used naive/);
  });

  it('uses the M4 length rule when asked: no seasonal adjustment with fewer than 3 cycles', () => {
    const quarterly = fixtures.series.find((series) => series.id === 'quarterly-11')!;
    const m4 = createThetaForecaster({ seasonalityRule: 'm4' }).forecast({
      values: quarterly.values,
      period: 4,
      horizon: 4,
    });
    expect(m4.parameters.seasonal).toBe(false);
    expect(m4.notes.join(' ')).toMatch(/needs at least 12 values/);
  });

  it('notes the short-series SES start as R does for 6 or fewer values', () => {
    const result = thetaForecaster.forecast({ values: [5, 7, 6, 9, 8, 10], period: 1, horizon: 2 });
    expect(result.notes.join(' ')).toMatch(/first value/);
  });
});
