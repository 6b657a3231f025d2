import { describe, expect, it } from 'vitest';
import { classicalSeasonal, initialParameters, initialStates, leastSquares } from './initialise';
import { DEFAULT_LOWER, DEFAULT_UPPER } from './model-spec';

describe('initial values', () => {
  it('solves least squares exactly for a consistent system', () => {
    const t = Float64Array.from([1, 2, 3, 4, 5]);
    const ones = new Float64Array(5).fill(1);
    const coefficients = leastSquares(
      [ones, t],
      Array.from(t, (value) => 3 - 0.5 * value),
    );
    expect(coefficients[0]).toBeCloseTo(3, 12);
    expect(coefficients[1]).toBeCloseTo(-0.5, 12);
  });

  it("recovers R decompose's seasonal figure: a trend plus a fixed pattern gives back the pattern", () => {
    const pattern = [5, -3, -4, 2];
    const y = Array.from({ length: 24 }, (_, t) => 50 + 0.7 * t + (pattern[t % 4] as number));
    const seasonal = classicalSeasonal(y, 4, false);
    seasonal.forEach((value, t) => expect(value).toBeCloseTo(pattern[t % 4] as number, 10));
    const ratios = [1.2, 0.8, 0.9, 1.1];
    const product = Array.from({ length: 24 }, (_, t) => 100 * (ratios[t % 4] as number));
    classicalSeasonal(product, 4, true).forEach((value, t) =>
      expect(value).toBeCloseTo(ratios[t % 4] as number, 10),
    );
  });

  it('starts level and slope on a line through the first values (R initstate) and seasonal states reversed', () => {
    const line = Array.from({ length: 20 }, (_, t) => 7 + 3 * (t + 1));
    expect(initialStates(line, { error: 'A', trend: 'A', season: 'N', damped: false }, 1)).toEqual([
      expect.closeTo(7, 10),
      expect.closeTo(3, 10),
    ]);
    expect(
      initialStates(line, { error: 'A', trend: 'N', season: 'N', damped: false }, 1)[0],
    ).toBeCloseTo(7 + 3 * 5.5, 10);
    const pattern = [5, -3, -4, 2];
    const seasonalSeries = Array.from({ length: 24 }, (_, t) => 50 + (pattern[t % 4] as number));
    const states = initialStates(
      seasonalSeries,
      { error: 'A', trend: 'N', season: 'A', damped: false },
      4,
    );
    // level, then s_1 = seasonal at time m, ..., s_{m-1} = seasonal at time 2.
    expect(states).toEqual([
      expect.closeTo(50, 10),
      expect.closeTo(2, 10),
      expect.closeTo(-4, 10),
      expect.closeTo(-3, 10),
    ]);
  });

  it('uses a trend and Fourier regression when there are fewer than three cycles', () => {
    const y = Array.from(
      { length: 10 },
      (_, t) => 20 + t + 4 * Math.cos((2 * Math.PI * (t + 1)) / 4),
    );
    const states = initialStates(y, { error: 'A', trend: 'N', season: 'A', damped: false }, 4);
    // Exact fit: seasonal = y - a - b t is the cosine itself.
    expect(states.slice(1)).toEqual([
      expect.closeTo(4 * Math.cos(2 * Math.PI), 8),
      expect.closeTo(4 * Math.cos((2 * Math.PI * 3) / 4), 8),
      expect.closeTo(4 * Math.cos(Math.PI), 8),
    ]);
  });

  it("starts smoothing parameters as R's initparam", () => {
    const [alpha, beta, gamma, phi] = initialParameters(
      { error: 'M', trend: 'A', season: 'M', damped: true },
      12,
      DEFAULT_LOWER,
      DEFAULT_UPPER,
    );
    expect(alpha).toBeCloseTo(1e-4 + (0.2 * (0.9999 - 1e-4)) / 12, 15);
    expect(beta).toBeCloseTo(1e-4 + 0.1 * ((alpha as number) - 1e-4), 15);
    expect(gamma).toBeCloseTo(1e-4 + 0.05 * (1 - (alpha as number) - 1e-4), 15);
    expect(phi).toBeCloseTo(0.8 + 0.99 * 0.18, 15);
  });
});
