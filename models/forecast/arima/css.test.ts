import { describe, expect, it } from 'vitest';
import { ArCrossProducts } from './ar-moments';
import { conditionalSumOfSquares, createSparseLags, sparsify } from './css';
import { createRandom } from '../../stats/random';
import { simulateArma } from './simulate';

function sparse(values: number[]): ReturnType<typeof createSparseLags> {
  const lags = createSparseLags(Math.max(1, values.length));
  sparsify(Float64Array.from(values), values.length, lags);
  return lags;
}

function css(
  w: number[],
  mean: number,
  phi: number[],
  theta: number[],
  missing: boolean,
): { value: number; residuals: Float64Array } {
  const residuals = new Float64Array(w.length);
  const series = Float64Array.from(w);
  const value = conditionalSumOfSquares(
    series,
    w.length,
    mean,
    sparse(phi),
    sparse(theta),
    phi.length,
    residuals,
    missing,
  );
  return { value, residuals };
}

describe('conditionalSumOfSquares', () => {
  it('is the mean squared AR(1) residual after the first value', () => {
    const w = [1, 2, 0.5, -1, 0.3];
    const phi = 0.5;
    let expected = 0;
    for (let t = 1; t < w.length; t += 1) expected += (w[t]! - 1 - phi * (w[t - 1]! - 1)) ** 2;
    expect(css(w, 1, [phi], [], false).value).toBeCloseTo(expected / 4, 14);
  });

  it('starts the MA recursion from zero residuals', () => {
    const w = [2, 1, -1];
    const { residuals } = css(w, 0, [], [0.5], false);
    expect(Array.from(residuals)).toEqual([2, 0, -1]);
  });

  it('the fast dense kernel agrees with the general loop (ARMA(3,2) and lags up to 6)', () => {
    const w = simulateArma(300, { ar: [0.5], ma: [0.4] }, createRandom(5));
    for (const [phi, theta] of [
      [
        [0.3, -0.2, 0.1],
        [0.4, 0.2],
      ],
      [
        [0.1, 0, 0, 0, 0.2],
        [0.1, 0, 0, 0, 0, 0.3],
      ],
    ] as const) {
      const dense = css(w, 0.2, [...phi], [...theta], false);
      const general = css(w, 0.2, [...phi], [...theta], true);
      expect(dense.value).toBeCloseTo(general.value, 12);
      expect(dense.residuals[299]).toBeCloseTo(general.residuals[299]!, 12);
    }
  });

  it('skips missing residuals and treats them as zero in later MA terms', () => {
    const { value, residuals } = css([1, Number.NaN, 2, 3], 0, [], [0.5], true);
    expect(Number.isNaN(residuals[1]!)).toBe(true);
    expect(residuals[2]).toBe(2);
    expect(value).toBeCloseTo((1 + 4 + 4) / 3, 14);
  });
});

describe('ArCrossProducts', () => {
  it('gives the same CSS as the residual recursion for an AR(2) with a large mean', () => {
    const w = simulateArma(200, { ar: [0.6, -0.2] }, createRandom(9)).map((value) => value + 5000);
    const moments = new ArCrossProducts(Float64Array.from(w), 2, 2);
    const fromMoments = moments.meanSquare(new Float64Array([0.55, -0.15]), 4999.5);
    const recursion = css(w, 4999.5, [0.55, -0.15], [], false).value;
    expect(fromMoments).toBeCloseTo(recursion, 9);
  });
});
