import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { extremeValueDetector, onsetScores, scoreSteps } from './extreme-value';

/** Hourly-like values with a daily cycle of 24 steps and normal noise. */
function hourly(seed: number, n = 2000): number[] {
  const random = createRandom(seed);
  return Array.from(
    { length: n },
    (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 24) + 5 * random.normal(),
  );
}

const covers = (anomalies: ReadonlyArray<{ start: number; end: number }>, step: number) =>
  anomalies.some((anomaly) => anomaly.start <= step && anomaly.end >= step);

describe('extreme-value (peaks over threshold) detector', () => {
  it('finds a spike and a drop that stays inside the range of levels but breaks the daily cycle: otherwise it misses what a planner would see', () => {
    const values = hourly(1);
    values[500] = 190; // far above anything in the series
    values[894] = 60; // at the cycle's peak (~120 expected), yet within the series' range of levels
    const result = extremeValueDetector.detect({ values, periods: [24], sensitivity: 'medium' });
    const spike = result.anomalies.find((anomaly) => covers([anomaly], 500));
    const drop = result.anomalies.find((anomaly) => covers([anomaly], 894));
    expect(spike?.kind).toBe('spike');
    expect(spike!.observed).toBeGreaterThan(spike!.expectedUpper);
    expect(drop?.kind).toBe('drop');
    expect(drop!.observed).toBeLessThan(drop!.expectedLower);
  });

  it('is calibrated: on series without anomalies about 10^-s of the steps score s or more, otherwise its sensitivities do not mean what they say', () => {
    let steps = 0;
    const atLeast = { 2: 0, 3: 0 };
    for (let seed = 1; seed <= 30; seed += 1) {
      const series = Float64Array.from(hourly(seed));
      const { scores } = scoreSteps(series, () => false, [24]);
      steps += scores.length;
      for (const score of scores) {
        if (score >= 2) atLeast[2] += 1;
        if (score >= 3) atLeast[3] += 1;
      }
    }
    expect(atLeast[2] / steps).toBeGreaterThan(0.3e-2);
    expect(atLeast[2] / steps).toBeLessThan(2e-2);
    expect(atLeast[3] / steps).toBeGreaterThan(0.2e-3);
    expect(atLeast[3] / steps).toBeLessThan(2.5e-3);
  });

  it('keeps explained steps out: a promotion week is neither reported nor used for the tail fit', () => {
    const values = hourly(3);
    const explained = values.map(() => false);
    for (let t = 700; t < 720; t += 1) {
      values[t] = values[t]! * 3;
      explained[t] = true;
    }
    const result = extremeValueDetector.detect({
      values,
      periods: [24],
      sensitivity: 'high',
      explained,
    });
    for (const anomaly of result.anomalies)
      for (let t = Math.max(anomaly.start, 700); t <= Math.min(anomaly.end, 719); t += 1)
        expect(t === anomaly.start).toBe(false);
    expect(result.anomalies.some((anomaly) => anomaly.start >= 700 && anomaly.start < 720)).toBe(
      false,
    );
  });

  it('scores an event at its onset only, so a threshold sweep counts events, not their lengths', () => {
    const onset = onsetScores(Float64Array.from([0, 5, 4, 6, 0, 0, 0, 0, 3]), 3);
    expect(Array.from(onset)).toEqual([0, 5, 0, 6, 0, 0, 0, 0, 3]);
  });

  it('raises nothing on a noise-free square wave: its switches happen every half cycle, so they are common, not anomalies', () => {
    const values = Array.from({ length: 2000 }, (_, t) => (t % 24 < 12 ? 10 : 30));
    const result = extremeValueDetector.detect({ values, periods: [24], sensitivity: 'high' });
    expect(result.anomalies).toEqual([]);
  });

  it('ranks a lone step off an otherwise constant series highest, though one value in 300 is weak evidence', () => {
    const values = Array(300).fill(10);
    values[200] = 11;
    const { scores } = scoreSteps(Float64Array.from(values), () => false, []);
    const best = scores.indexOf(Math.max(...scores));
    expect(best).toBe(200);
    expect(scores[200]).toBeCloseTo(Math.log10(300) - Math.log10(4), 6);
  });
});

describe('extreme-value tail fit', () => {
  it('holds one huge outlier out of the tail it is judged against: otherwise it fattens the tail and hides itself', () => {
    const values = hourly(1);
    values[500] = 190;
    const { scores } = scoreSteps(Float64Array.from(values), () => false, [24]);
    expect(scores[500]).toBeGreaterThan(10);
  });
});
