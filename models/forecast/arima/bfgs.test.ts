import { describe, expect, it } from 'vitest';
import { NonFiniteObjectiveError, minimizeBfgs, numericalHessian } from './bfgs';

describe('minimizeBfgs', () => {
  it('finds the minimum of the Rosenbrock function from (-1.2, 1) as R optim BFGS does', () => {
    const rosenbrock = (x: Float64Array): number =>
      100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const result = minimizeBfgs(rosenbrock, new Float64Array([-1.2, 1]), {
      parscale: new Float64Array([1, 1]),
      maxIterations: 1000,
    });
    expect(result.parameters[0]).toBeCloseTo(1, 2);
    expect(result.parameters[1]).toBeCloseTo(1, 2);
    expect(result.value).toBeLessThan(1e-5);
    expect(result.converged).toBe(true);
  });

  it('works on scaled parameters: a quadratic centred at 1000 with parscale 100', () => {
    const quadratic = (x: Float64Array): number => ((x[0]! - 1000) / 100) ** 2 + (x[1]! - 2) ** 2;
    const result = minimizeBfgs(quadratic, new Float64Array([0, 0]), {
      parscale: new Float64Array([100, 1]),
    });
    expect(result.parameters[0]).toBeCloseTo(1000, 3);
    expect(result.parameters[1]).toBeCloseTo(2, 5);
  });

  it('reports the iteration limit and evaluates only the start with 0 iterations', () => {
    const slow = (x: Float64Array): number => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    expect(
      minimizeBfgs(slow, new Float64Array([-1.2, 1]), {
        parscale: new Float64Array([1, 1]),
        maxIterations: 3,
      }).converged,
    ).toBe(false);
    const none = minimizeBfgs(slow, new Float64Array([-1.2, 1]), {
      parscale: new Float64Array([1, 1]),
      maxIterations: 0,
    });
    expect(none.value).toBeCloseTo(24.2, 12);
  });

  it('throws when the start or a gradient is not finite', () => {
    const bad = (x: Float64Array): number => (x[0]! > 0.0005 ? Number.NaN : x[0]! ** 2);
    expect(() =>
      minimizeBfgs(() => Number.NaN, new Float64Array([0]), { parscale: new Float64Array([1]) }),
    ).toThrow(NonFiniteObjectiveError);
    expect(() =>
      minimizeBfgs(bad, new Float64Array([0]), { parscale: new Float64Array([1]) }),
    ).toThrow(NonFiniteObjectiveError);
  });
});

describe('numericalHessian', () => {
  it('recovers the Hessian of a quadratic form', () => {
    const quadratic = (x: Float64Array): number =>
      2 * x[0]! ** 2 + 3 * x[0]! * x[1]! + 5 * x[1]! ** 2;
    const hessian = numericalHessian(
      quadratic,
      new Float64Array([0.3, -0.2]),
      new Float64Array([1, 10]),
    );
    expect(hessian[0]).toBeCloseTo(4, 6);
    expect(hessian[1]).toBeCloseTo(3, 6);
    expect(hessian[2]).toBeCloseTo(3, 6);
    expect(hessian[3]).toBeCloseTo(10, 6);
  });
});
