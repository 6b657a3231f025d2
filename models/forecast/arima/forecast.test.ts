import { describe, expect, it } from 'vitest';
import { fitArima } from './estimate';
import { reference } from './fixtures/reference';
import type { ReferenceForecast } from './fixtures/reference';
import { forecastArima } from './forecast';
import type { ArimaForecast } from './forecast';
import { normalQuantile } from '../../stats/normal';
import { autoArima } from './stepwise';

function expectForecastsClose(actual: ArimaForecast, expected: ReferenceForecast): void {
  const z = [normalQuantile(0.9), normalQuantile(0.975)];
  expected.mean.forEach((mean, h) => {
    const width = expected.upper[h]![1]! - expected.lower[h]![1]!;
    const tolerance = 0.01 * Math.max(Math.abs(mean), width);
    expect(Math.abs(actual.mean[h]! - mean)).toBeLessThan(tolerance);
    z.forEach((quantile, level) => {
      expect(
        Math.abs(
          actual.mean[h]! - quantile * actual.standardErrors[h]! - expected.lower[h]![level]!,
        ),
      ).toBeLessThan(tolerance);
      expect(
        Math.abs(
          actual.mean[h]! + quantile * actual.standardErrors[h]! - expected.upper[h]![level]!,
        ),
      ).toBeLessThan(tolerance);
    });
  });
}

describe('forecastArima against R forecast()', () => {
  it.each(reference.map((series) => [series.name, series] as const))(
    'auto.arima forecasts on %s',
    (_name, series) => {
      const { fit } = autoArima(series.values, series.period);
      const forecast = forecastArima(fit, series.values, series.horizon);
      expect(Math.abs(forecast.sigma2 - series.auto.sigma2)).toBeLessThan(
        2e-3 * series.auto.sigma2,
      );
      expectForecastsClose(forecast, series.auto);
    },
  );

  it.each(reference.map((series) => [series.name, series] as const))(
    'ARIMA(0,1,1) with drift forecasts on %s',
    (_name, series) => {
      const order = { p: 0, d: 1, q: 1, seasonalP: 0, seasonalD: 0, seasonalQ: 0, period: 1 };
      const fit = fitArima(series.values, order, { constant: true, method: 'CSS-ML' });
      const forecast = forecastArima(fit, series.values, series.horizon);
      expect(Math.abs(forecast.sigma2 - series.drift.sigma2_forecast)).toBeLessThan(
        2e-3 * series.drift.sigma2_forecast,
      );
      expectForecastsClose(forecast, series.drift);
    },
  );
});

describe('forecastArima properties', () => {
  it('a random walk forecasts the last value with variance growing as h sigma^2', () => {
    const values = [1, 3, 2, 5, 4, 6, 7, 6, 8, 9];
    const fit = fitArima(
      values,
      { p: 0, d: 1, q: 0, seasonalP: 0, seasonalD: 0, seasonalQ: 0, period: 1 },
      { constant: false, method: 'ML' },
    );
    const forecast = forecastArima(fit, values, 4);
    forecast.mean.forEach((mean) => expect(mean).toBeCloseTo(9, 6));
    forecast.standardErrors.forEach((se, h) =>
      expect(se).toBeCloseTo(Math.sqrt((h + 1) * forecast.sigma2), 4),
    );
  });

  it('fills one-step predictions through a missing value and forecasts after the end', () => {
    const values = [10, 11, 10.5, Number.NaN, 11.2, 10.8, 11.1, 10.9, 11.3, 11];
    const fit = fitArima(
      values,
      { p: 1, d: 0, q: 0, seasonalP: 0, seasonalD: 0, seasonalQ: 0, period: 1 },
      { constant: true, method: 'CSS-ML' },
    );
    const forecast = forecastArima(fit, values, 3);
    expect(Number.isFinite(forecast.fitted[3]!)).toBe(true);
    expect(Number.isNaN(forecast.residuals[3]!)).toBe(true);
    forecast.mean.forEach((mean) => expect(Number.isFinite(mean)).toBe(true));
  });
});
