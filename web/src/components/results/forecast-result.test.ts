import { describe, expect, it } from 'vitest';
import { secondsToDay } from '../../lib/charts/series';
import {
  forecastChartSpec,
  fullHistoryQuery,
  historyFromRows,
  intervalText,
  isForecastResult,
  percent,
} from './forecast-result';
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

describe('full history', () => {
  if (!isForecastResult(forecastSample)) throw new Error('sample');
  const result = forecastSample;

  it("asks the sales API for the forecast's own scope, periods and grain (else the longer chart would show other sales)", () => {
    expect(fullHistoryQuery(result)).toEqual({
      sku: ['BEB-001'],
      location: ['LIM-ATE'],
      from: '2023-11-26',
      to: '2026-11-25',
      grain: 'day',
    });
  });

  it('uses the category filter for a category and gives up on a scope it cannot express (else a 60-product scope would chart 50)', () => {
    expect(fullHistoryQuery({ ...result, scope: { ...result.scope, category: 'dairy' } })).toEqual(
      expect.objectContaining({ category: ['dairy'] }),
    );
    expect(fullHistoryQuery({ ...result, scope: { ...result.scope, productCount: 60 } })).toBe(
      undefined,
    );
  });

  it('keeps only the periods before the forecast (else a partial current period would overlap it)', () => {
    const first = result.forecast[0]?.start as string;
    const rows = [
      { period: '2026-11-24', units: 1 },
      { period: first, units: 2 },
    ];
    expect(historyFromRows(rows, result)).toEqual([{ start: '2026-11-24', units: 1 }]);
  });
});
