import { describe, expect, it } from 'vitest';
import { anomalyChartSpec, chartWindow, isAnomaliesResult } from './anomalies-result';
import { anomaliesSample } from './samples.test-data';

const labels = { units: 'u', expected: 'e', lower: 'l', upper: 'h' };

describe('anomalies result', () => {
  it('accepts a real detect_anomalies result and rejects one without its list (else cards would fall back or crash)', () => {
    expect(isAnomaliesResult(anomaliesSample)).toBe(true);
    expect(isAnomaliesResult({ ...anomaliesSample, anomalies: undefined })).toBe(false);
  });

  it('charts 8 weeks before to 2 weeks after the anomaly (else its context would be cut off)', () => {
    expect(chartWindow({ start: '2026-03-01', end: '2026-03-03' })).toEqual({
      from: '2026-01-04',
      to: '2026-03-17',
    });
  });

  it("puts the expected range only over the anomaly's days and shades only that listing's anomalies (else the band would mislead)", () => {
    if (!isAnomaliesResult(anomaliesSample)) throw new Error('sample');
    const chosen = anomaliesSample.anomalies[0];
    if (!chosen) throw new Error('sample has anomalies');
    const rows = ['2026-09-05', '2026-09-06', '2026-09-12', '2026-09-13'].map((period) => ({
      period,
      units: 4,
    }));
    const spec = anomalyChartSpec(chosen, rows, anomaliesSample.anomalies, labels);
    expect(Array.from(spec.lines[1]?.values ?? [])).toEqual([
      Number.NaN,
      chosen.expected,
      chosen.expected,
      Number.NaN,
    ]);
    expect(spec.lines[3]?.values[1]).toBe(chosen.expectedUpper);
    expect(spec.spans?.positions.length).toBe(2);
  });
});
