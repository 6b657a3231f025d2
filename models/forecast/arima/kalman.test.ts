import { describe, expect, it } from 'vitest';
import { ArmaLikelihood } from './kalman';
import { createRandom } from '../../stats/random';
import { simulateArma } from './simulate';
import { ArimaStateSpace } from './state-space';

function likelihood(
  w: number[],
  phi: number[],
  theta: number[],
): { ssq: number; sumLog: number; count: number } {
  const filter = new ArmaLikelihood(Math.max(phi.length, theta.length + 1));
  const series = Float64Array.from(w);
  expect(
    filter.run(
      series,
      series.length,
      Float64Array.from(phi),
      phi.length,
      Float64Array.from(theta),
      theta.length,
    ),
  ).toBe(true);
  return { ...filter.sums };
}

describe('ArmaLikelihood', () => {
  it('gives the closed-form AR(1) exact likelihood terms', () => {
    const w = [0.5, -0.2, 1.1, 0.4, -0.7];
    const phi = 0.6;
    const sums = likelihood(w, [phi], []);
    let ssq = w[0]! ** 2 * (1 - phi * phi);
    for (let t = 1; t < w.length; t += 1) ssq += (w[t]! - phi * w[t - 1]!) ** 2;
    expect(sums.ssq).toBeCloseTo(ssq, 12);
    expect(sums.sumLog).toBeCloseTo(-Math.log(1 - phi * phi), 12);
    expect(sums.count).toBe(5);
  });

  it.each([
    [
      [0.5, -0.2],
      [0.4, 0.3],
    ],
    [
      [0.3, 0, 0, 0.5, -0.15],
      [0.2, 0, 0, -0.6, -0.12],
    ],
    [[], [0.95]],
    [[0.7], []],
  ])('the fast recursions agree with the full Kalman filter (phi %j, theta %j)', (phi, theta) => {
    const w = simulateArma(150, { ar: [0.4], ma: [0.3] }, createRandom(3));
    const fast = likelihood(w, phi, theta);
    // The state-space filter without differencing runs the full covariance recursion.
    const full = new ArimaStateSpace(
      Float64Array.from(phi),
      Float64Array.from(theta),
      new Float64Array(0),
    ).filter(w);
    expect(fast.ssq).toBeCloseTo(full.ssq, 8);
    // A missing value sends ArmaLikelihood through its full O(r^2) path.
    const gap = [...w];
    gap[40] = Number.NaN;
    const withGap = likelihood(gap, phi, theta);
    const fullGap = new ArimaStateSpace(
      Float64Array.from(phi),
      Float64Array.from(theta),
      new Float64Array(0),
    ).filter(gap);
    expect(withGap.ssq).toBeCloseTo(fullGap.ssq, 8);
    expect(withGap.count).toBe(149);
  });

  it('reports a non-stationary AR polynomial', () => {
    const filter = new ArmaLikelihood(1);
    expect(
      filter.run(
        new Float64Array([1, 2, 3]),
        3,
        new Float64Array([1.5]),
        1,
        new Float64Array(0),
        0,
      ),
    ).toBe(false);
  });
});
