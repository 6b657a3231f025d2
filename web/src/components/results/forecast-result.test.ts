import { describe, expect, it } from 'vitest';
import { secondsToDay } from '../../lib/charts/series';
import { forecastChartSpec, intervalText, isForecastResult, percent } from './forecast-result';
import { forecastSample } from './samples.test-data';

const labels = {
  history: 'H',
  forecast: 'F',
  lower80: 'l80',
  upper80: 'u80',
  lower95: 'l95',
  upper95: 'u95',
};

describe('forecast result', () => {
  it('accepts a real forecast_demand result (else every forecast card would fall back to JSON)', () => {
    expect(isForecastResult(forecastSample)).toBe(true);
  });

  it('rejects a result without its forecast rows (else the view would crash reading them)', () => {
    expect(isForecastResult({ ...forecastSample, forecast: undefined })).toBe(false);
    expect(isForecastResult({ ...forecastSample, grain: 'hour' })).toBe(false);
  });

  it('draws history, the mean and both bands, with the horizon holidays as markers (else the chart would miss a part)', () => {
    if (!isForecastResult(forecastSample)) throw new Error('sample');
    const spec = forecastChartSpec(forecastSample, labels);
    const total = forecastSample.history.tail.length + forecastSample.forecast.length;
    expect(spec.x.length).toBe(total);
    expect(spec.lines.map((line) => line.label)).toEqual(Object.values(labels));
    expect(spec.bands).toEqual([
      expect.objectContaining({ lower: 4, upper: 5 }),
      expect.objectContaining({ lower: 2, upper: 3 }),
    ]);
    const holidays = forecastSample.findings.events.map((event) => event.date);
    expect(Array.from(spec.markers?.positions ?? [], secondsToDay)).toEqual(holidays);
  });

  it('formats intervals and WAPE for people (else a fraction 0.25 would read as 0.25 %)', () => {
    const format = (value: number) => value.toFixed(0);
    expect(intervalText([{ level: 80, lower: 1.2, upper: 9.7 }], 80, format)).toBe('1–10');
    expect(intervalText([{ level: 80, lower: 1, upper: 9 }], 95, format)).toBe('–');
    expect(percent(0.25, format)).toBe('25 %');
    expect(percent(null, format)).toBe('–');
  });
});
