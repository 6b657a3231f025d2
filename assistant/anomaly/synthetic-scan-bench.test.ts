import { describe, expect, it } from 'vitest';
import { getDetector } from '../../models/anomaly/registry';
import { syntheticDailySeries } from '../batch/synthetic-daily';
import { syntheticScanBench } from './synthetic-scan-bench';

const OPTIONS = {
  series: 20,
  days: 1095,
  seed: 4,
  detector: 'default',
  sensitivity: 'medium',
  threads: 1,
} as const;

function anomaliesInProcess(name: string, series: number): number {
  const detector = getDetector(name);
  let anomalies = 0;
  for (let index = 0; index < series; index += 1) {
    const values = syntheticDailySeries(OPTIONS.seed, index, OPTIONS.days);
    anomalies += detector.detect({ values, periods: [7], sensitivity: 'medium' }).anomalies.length;
  }
  return anomalies;
}

describe('syntheticScanBench', () => {
  it('scans 20 three-year series on 1 thread without failures and projects the time for 30,000', async () => {
    const result = await syntheticScanBench(OPTIONS);
    expect(result).toMatchObject({
      series: 20,
      days: 1095,
      detector: 'default',
      sensitivity: 'medium',
      threads: 1,
      failures: 0,
    });
    expect(result.firstError).toBeUndefined();
    expect(result.seconds).toBeGreaterThan(0);
    // seconds is rounded to 0.01 s before it is shown, the projection is not: 1500 x 0.005 apart
    expect(Math.abs(result.projectedSecondsFor30000 - (result.seconds * 30_000) / 20)).toBeLessThan(
      1500 * 0.005 + 0.05,
    );
    expect(result.seriesPerSecond).toBeCloseTo(20 / result.seconds, -1);
    expect(result.detectMsPerSeries).toBeGreaterThan(0);
    expect(result.detectMsPerSeries * 20).toBeLessThanOrEqual(result.seconds * 1000);
    expect(result.peakRssMb).toBeGreaterThan(0);

    // the series are clean (no injected anomalies): the default detector stays quiet on them,
    // as detect() does on the same seeded series here
    expect(result.anomalies).toBe(anomaliesInProcess('default', 20));
    expect(result.anomalies).toBe(0);
  }, 60_000);

  it('counts what the workers found as detect() does in process (results must cross threads intact)', async () => {
    // S-H-ESD flags days of these clean series (measured: 20, all in series 17, a slow mover)
    const result = await syntheticScanBench({ ...OPTIONS, series: 18, detector: 'shesd' });
    expect(result.failures).toBe(0);
    expect(result.anomalies).toBe(anomaliesInProcess('shesd', 18));
    expect(result.anomalies).toBeGreaterThan(0);
  }, 60_000);

  it('rejects an unknown detector with its name and the known ones', async () => {
    await expect(syntheticScanBench({ ...OPTIONS, series: 2, detector: 'nope' })).rejects.toThrow(
      /unknown "nope"; use one of default/,
    );
  }, 60_000);
});
