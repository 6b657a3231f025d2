import { describe, expect, it } from 'vitest';
import { dailyForecaster } from './daily-forecaster';
import { forecastDaily } from './forecast-daily';
import { simulateDaily } from './test-support';

const SERIES = 150;
const DAYS = 400;
const HORIZON = 14;

describe('prediction intervals of the daily model', () => {
  it('cover about their nominal share of simulated future days (else they are miscalibrated)', () => {
    const hits = { 80: 0, 95: 0 };
    const firstWeekHits = { 80: 0, 95: 0 };
    let total = 0;
    for (let seed = 0; seed < SERIES; seed += 1) {
      const simulated = simulateDaily({
        seed: 1000 + seed,
        days: DAYS,
        horizon: HORIZON,
        phi: 0.5,
        noise: 0.15,
      });
      const result = forecastDaily({
        values: simulated.values.slice(0, DAYS),
        firstDay: simulated.firstDay,
        horizon: HORIZON,
        levels: [80, 95],
      });
      for (let step = 0; step < HORIZON; step += 1) {
        const actual = simulated.values[DAYS + step]!;
        result.intervals.forEach((interval) => {
          const level = interval.level as 80 | 95;
          const inside = actual >= interval.lower[step]! && actual <= interval.upper[step]!;
          if (inside) {
            hits[level] += 1;
            if (step < 7) firstWeekHits[level] += 1;
          }
        });
        total += 1;
      }
    }
    expect(hits[80] / total).toBeGreaterThan(0.76);
    expect(hits[80] / total).toBeLessThan(0.84);
    expect(hits[95] / total).toBeGreaterThan(0.93);
    expect(hits[95] / total).toBeLessThan(0.97);
    expect(firstWeekHits[80] / (total / 2)).toBeGreaterThan(0.75);
  });

  it('widen with the horizon when the AR errors carry the latest deviation forward', () => {
    const simulated = simulateDaily({
      seed: 9,
      days: DAYS,
      phi: 0.7,
      noise: 0.1,
      weekdays: [1, 1, 1, 1, 1, 1, 1],
    });
    const result = dailyForecaster.forecast({
      values: simulated.values,
      period: 7,
      horizon: 10,
      levels: [80],
    });
    expect(Number(result.parameters.arOrder)).toBeGreaterThanOrEqual(1);
    const [interval] = result.intervals;
    const width = (step: number) => interval!.upper[step]! - interval!.lower[step]!;
    expect(width(9)).toBeGreaterThan(width(0) * 1.15);
  });
});
