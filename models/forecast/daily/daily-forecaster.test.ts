import { describe, expect, it } from 'vitest';
import { getForecaster } from '../registry';
import { dailyForecaster } from './daily-forecaster';
import { simulateDaily } from './test-support';

describe("the 'dhr' forecaster (values only)", () => {
  it('is registered under its name (else the CLI and auto cannot reach it)', () => {
    expect(getForecaster('dhr')).toBe(dailyForecaster);
  });

  it('fits yearly terms from two years of daily data and says why not below that', () => {
    const simulated = simulateDaily({ seed: 2, days: 1000, yearlyAmplitude: 0.3 });
    const long = dailyForecaster.forecast({ values: simulated.values, period: 7, horizon: 14 });
    expect(Number(long.parameters.yearlyHarmonics)).toBeGreaterThan(0);
    const short = dailyForecaster.forecast({
      values: simulated.values.slice(0, 500),
      period: 7,
      horizon: 14,
    });
    expect(short.parameters.yearlyHarmonics).toBe(0);
    expect(short.notes.join(' ')).toMatch(/No yearly seasonality/);
  });

  it('forecasts through trailing missing days so the forecast starts after the last position', () => {
    const simulated = simulateDaily({ seed: 4, days: 300, horizon: 10, noise: 0.02, phi: 0 });
    const values = simulated.values
      .slice(0, 303)
      .map((value, row) => (row >= 300 ? Number.NaN : value));
    const result = dailyForecaster.forecast({ values, period: 7, horizon: 7 });
    expect(result.fitted).toHaveLength(303);
    result.mean.forEach((value, step) => {
      const expected = Math.expm1(simulated.logMean[303 + step]!);
      expect(Math.abs(value / expected - 1)).toBeLessThan(0.08);
    });
  });
});
