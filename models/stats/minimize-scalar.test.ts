import { describe, expect, it } from 'vitest';
import { minimizeScalar } from './minimize-scalar';

describe('minimizeScalar (Brent)', () => {
  it('finds the minimum of a smooth multimodal function as R optimize() does', () => {
    // R: optimize(function(x) (x-2)^2*(x+1) + sin(3*x), c(0, 4), tol = 1e-10)
    const result = minimizeScalar((x) => (x - 2) ** 2 * (x + 1) + Math.sin(3 * x), 0, 4, {
      tolerance: 1e-10,
    });
    expect(result.x).toBeCloseTo(1.7318050826360118, 8);
    expect(result.value).toBeCloseTo(-0.68909871660113997, 12);
    expect(result.converged).toBe(true);
  });

  it('converges superlinearly on a quadratic (few evaluations)', () => {
    const result = minimizeScalar((x) => (x - 0.3) ** 2 + 1, -5, 5);
    expect(result.x).toBeCloseTo(0.3, 7);
    expect(result.evaluations).toBeLessThan(15);
  });

  it('returns a bound when the minimum lies on it', () => {
    const result = minimizeScalar((x) => x, 1, 2);
    expect(result.x).toBeLessThan(1 + 1e-6);
    expect(result.x).toBeGreaterThanOrEqual(1);
  });

  it('treats NaN objective values as +Infinity and still finds the finite minimum', () => {
    const result = minimizeScalar((x) => (x < 0.5 ? Number.NaN : (x - 0.8) ** 2), 0, 1);
    expect(result.x).toBeCloseTo(0.8, 6);
  });

  it('reports non-convergence when the evaluation budget is too small', () => {
    const result = minimizeScalar((x) => Math.cos(x), 0, 6, { maxIterations: 2 });
    expect(result.converged).toBe(false);
  });

  it('rejects an empty or reversed bracket', () => {
    expect(() => minimizeScalar((x) => x, 2, 1)).toThrow(/lower/);
    expect(() => minimizeScalar((x) => x, 0, Infinity)).toThrow(/upper/);
  });
});
