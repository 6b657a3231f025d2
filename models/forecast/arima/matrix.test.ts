import { describe, expect, it } from 'vitest';
import { invertMatrix, solveInPlace } from './matrix';

describe('solveInPlace', () => {
  it('solves a system that needs pivoting', () => {
    const a = new Float64Array([0, 2, 1, 1, 1, 0, 2, 0, 3]);
    const b = new Float64Array([7, 3, 11]);
    expect(solveInPlace(a, b, 3)).toBe(true);
    expect(Array.from(b).map((value) => Number(value.toFixed(12)))).toEqual([1, 2, 3]);
  });

  it('reports a singular system', () => {
    expect(solveInPlace(new Float64Array([1, 2, 2, 4]), new Float64Array([1, 2]), 2)).toBe(false);
  });
});

describe('invertMatrix', () => {
  it('inverts a 2 x 2 matrix', () => {
    const inverse = invertMatrix(new Float64Array([4, 7, 2, 6]), 2)!;
    expect(Array.from(inverse).map((value) => Number(value.toFixed(12)))).toEqual([
      0.6, -0.7, -0.2, 0.4,
    ]);
  });

  it('refuses a matrix whose condition number exceeds 1 / machine epsilon, as R solve() does', () => {
    expect(invertMatrix(new Float64Array([1, 1, 1, 1 + 1e-17]), 2)).toBeNull();
    expect(invertMatrix(new Float64Array([1, 0, 0, 1e-17]), 2)).toBeNull();
  });
});
