import { describe, expect, it } from 'vitest';
import { predictCovariance } from './kalman';
import { StationaryCovariance } from './stationary-covariance';

function stationaryMatrix(
  phi: number[],
  theta: number[],
): { matrix: Float64Array; r: number; gamma: Float64Array } {
  const r = Math.max(phi.length, theta.length + 1);
  const covariance = new StationaryCovariance(r);
  expect(
    covariance.compute(Float64Array.from(phi), phi.length, Float64Array.from(theta), theta.length),
  ).toBe(true);
  const matrix = new Float64Array(r * r);
  covariance.fillMatrix(
    Float64Array.from(phi),
    phi.length,
    Float64Array.from(theta),
    theta.length,
    matrix,
  );
  return { matrix, r, gamma: covariance.autocovariance };
}

describe('StationaryCovariance', () => {
  it('gives gamma(0) = 1 / (1 - phi^2) for an AR(1)', () => {
    const { matrix } = stationaryMatrix([0.6], []);
    expect(matrix[0]).toBeCloseTo(1 / (1 - 0.36), 14);
  });

  it('gives gamma(0) = 1 + theta^2 and gamma(1) = theta for an MA(1)', () => {
    const { gamma } = stationaryMatrix([], [0.4]);
    expect(gamma[0]).toBeCloseTo(1.16, 14);
    expect(gamma[1]).toBeCloseTo(0.4, 14);
  });

  it.each([
    [
      [0.5, -0.2],
      [0.4, 0.3, 0.1],
    ],
    [
      [0.3, 0, 0, 0.5, -0.15],
      [0.2, 0, 0, -0.6, -0.12],
    ],
    [[0.9], [-0.5]],
  ])(
    "solves P = T P T' + V for phi %j, theta %j (the fixed point Gardner et al. compute)",
    (phi, theta) => {
      const { matrix, r } = stationaryMatrix(phi, theta);
      const next = new Float64Array(r * r);
      predictCovariance(
        matrix,
        next,
        Float64Array.from(phi),
        phi.length,
        Float64Array.from(theta),
        theta.length,
        r,
      );
      next.forEach((value, index) => expect(value).toBeCloseTo(matrix[index]!, 11));
    },
  );

  it('reports a non-stationary AR part', () => {
    const covariance = new StationaryCovariance(2);
    expect(covariance.compute(new Float64Array([1, 0]), 1, new Float64Array(0), 0)).toBe(false);
    expect(covariance.compute(new Float64Array([1.2, 0]), 1, new Float64Array(0), 0)).toBe(false);
  });
});
