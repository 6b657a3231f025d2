import { describe, expect, it } from 'vitest';
import { createRandom } from '../../stats/random';
import { forecastDaily } from './forecast-daily';
import { samplePeriodTotals } from './sample-paths';
import { simulateDaily } from './test-support';

describe('samplePeriodTotals', () => {
  it('gives a weekly total of AR(1) errors the analytic variance (else weekly intervals would ignore day-to-day correlation)', () => {
    const phi = 0.5;
    // S = sum_j eps_j (1 - phi^(7-j)) / (1 - phi), so Var(S) = sum_j ((1 - phi^(7-j)) / (1 - phi))^2.
    let variance = 0;
    for (let j = 0; j < 7; j += 1) variance += ((1 - phi ** (7 - j)) / (1 - phi)) ** 2;
    const totals = samplePeriodTotals(
      [
        {
          transform: 'none',
          forecastMean: new Array(7).fill(100),
          arCoefficients: [phi],
          innovationSd: 1,
        },
      ],
      [0, 0, 0, 0, 0, 0, 0],
      1,
      [95],
      createRandom(7),
      20_000,
    );
    expect(totals.mean[0]).toBeCloseTo(700, 0);
    const half =
      ((totals.intervals[0]!.upper[0] as number) - (totals.intervals[0]!.lower[0] as number)) / 2;
    expect(half / (1.959964 * Math.sqrt(variance))).toBeGreaterThan(0.96);
    expect(half / (1.959964 * Math.sqrt(variance))).toBeLessThan(1.04);
  });

  it('reproduces the daily model intervals day by day (else the paths would not follow the fitted model)', () => {
    const simulated = simulateDaily({ seed: 3, days: 800, phi: 0.4, noise: 0.25 });
    const result = forecastDaily({
      values: simulated.values,
      firstDay: simulated.firstDay,
      horizon: 14,
      levels: [80],
    });
    const totals = samplePeriodTotals(
      [result.pathModel],
      Array.from({ length: 14 }, (_, step) => step),
      14,
      [80],
      createRandom(11),
      8000,
    );
    const daily = result.intervals[0]!;
    for (let step = 0; step < 14; step += 1) {
      const width = (daily.upper[step] as number) - (daily.lower[step] as number);
      expect(
        Math.abs((totals.intervals[0]!.lower[step] as number) - (daily.lower[step] as number)),
      ).toBeLessThan(0.08 * width);
      expect(
        Math.abs((totals.intervals[0]!.upper[step] as number) - (daily.upper[step] as number)),
      ).toBeLessThan(0.08 * width);
      expect(Math.abs((totals.mean[step] as number) - (result.mean[step] as number))).toBeLessThan(
        0.05 * width,
      );
    }
  });

  it('adds independent series into one total (else a region total would be the wrong scale)', () => {
    const model = {
      transform: 'none' as const,
      forecastMean: [10, 10],
      arCoefficients: [],
      innovationSd: 1,
    };
    const totals = samplePeriodTotals(
      [model, model, model],
      [0, 0],
      1,
      [95],
      createRandom(5),
      20_000,
    );
    expect(totals.mean[0]).toBeCloseTo(60, 0);
    const half =
      ((totals.intervals[0]!.upper[0] as number) - (totals.intervals[0]!.lower[0] as number)) / 2;
    expect(half / (1.959964 * Math.sqrt(6))).toBeGreaterThan(0.96);
    expect(half / (1.959964 * Math.sqrt(6))).toBeLessThan(1.04);
  });

  it('rejects a day mapped to a period that does not exist (else totals would be silently lost)', () => {
    expect(() =>
      samplePeriodTotals(
        [{ transform: 'none', forecastMean: [1], arCoefficients: [], innovationSd: 1 }],
        [2],
        1,
        [80],
        createRandom(1),
      ),
    ).toThrow(/periodOf\[0\] = 2/);
  });
});
