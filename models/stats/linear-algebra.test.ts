import { describe, expect, it } from 'vitest';
import {
  choleskyFactor,
  choleskyInverse,
  choleskySolve,
  solveRidge,
  weightedCrossProducts,
} from './linear-algebra';

// A = [[4, 12, -16], [12, 37, -43], [-16, -43, 98]] has L = [[2,0,0],[6,1,0],[-8,5,3]]
// (the classic worked example, e.g. Wikipedia "Cholesky decomposition").
const A = new Float64Array([4, 12, -16, 12, 37, -43, -16, -43, 98]);

describe('Cholesky', () => {
  it('factors the textbook SPD matrix into the known L (else the factorisation is wrong)', () => {
    const factor = choleskyFactor(A, 3)!;
    expect([...factor]).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('solves A x = b and inverts A (else least squares coefficients would be wrong)', () => {
    const factor = choleskyFactor(A, 3)!;
    const x = choleskySolve(factor, 3, new Float64Array([1, 2, 3]));
    const back = [0, 1, 2].map(
      (i) => A[i * 3]! * x[0]! + A[i * 3 + 1]! * x[1]! + A[i * 3 + 2]! * x[2]!,
    );
    back.forEach((value, index) => expect(value).toBeCloseTo(index + 1, 10));
    const inverse = choleskyInverse(factor, 3);
    for (let i = 0; i < 3; i += 1) {
      for (let j = 0; j < 3; j += 1) {
        let total = 0;
        for (let k = 0; k < 3; k += 1) total += A[i * 3 + k]! * inverse[k * 3 + j]!;
        expect(total).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
  });

  it('reports a matrix that is not positive definite instead of returning garbage', () => {
    expect(choleskyFactor(new Float64Array([1, 2, 2, 1]), 2)).toBeUndefined();
    expect(() => choleskyFactor(new Float64Array(3), 2)).toThrow(/matrix/);
  });
});

describe('weighted least squares', () => {
  const x = new Float64Array([0, 1, 2, 3, 4, 5]);
  const ones = new Float64Array(6).fill(1);

  it('recovers an exact line and ignores weight-0 rows, even when they hold NaN', () => {
    const y = new Float64Array([1, 3, 5, Number.NaN, 9, 11]);
    const weights = new Float64Array([1, 1, 1, 0, 1, 1]);
    const products = weightedCrossProducts([ones, x], y, weights);
    const solution = solveRidge(products, [0, 1], [0, 0]);
    expect(solution.coefficients[0]).toBeCloseTo(1, 10);
    expect(solution.coefficients[1]).toBeCloseTo(2, 10);
    expect(solution.residualSquares).toBeCloseTo(0, 8);
    expect(products.weightSum).toBe(5);
  });

  it('matches numpy lstsq on noisy data: coefficients and residual sum of squares', () => {
    // numpy: x = arange(6), y = [2.1, 2.9, 5.2, 6.8, 9.1, 11.2]; lstsq([1, x], y) =
    // [1.52380952, 1.87714286], residual sum of squares 0.80419048
    const y = new Float64Array([2.1, 2.9, 5.2, 6.8, 9.1, 11.2]);
    const products = weightedCrossProducts([ones, x], y, new Float64Array(6).fill(1));
    const solution = solveRidge(products, [0, 1], [0, 0]);
    expect(solution.coefficients[0]).toBeCloseTo(1.52380952, 7);
    expect(solution.coefficients[1]).toBeCloseTo(1.87714286, 7);
    expect(solution.residualSquares).toBeCloseTo(0.80419048, 7);
    // (X'X)^-1 [1,1] = 1 / sum((x - mean(x))^2) = 1 / 17.5
    expect(solution.inverse![3]).toBeCloseTo(1 / 17.5, 10);
  });

  it('shrinks a penalised coefficient towards zero (else the ridge has no effect)', () => {
    const y = new Float64Array([0, 2, 4, 6, 8, 10]);
    const products = weightedCrossProducts([ones, x], y, new Float64Array(6).fill(1));
    const free = solveRidge(products, [1], [0]).coefficients[0]!;
    const shrunk = solveRidge(products, [1], [55]).coefficients[0]!;
    // sum x^2 = 55: b = sum xy / (55 + 55) = 110 / 110 = 1 vs 2 unpenalised.
    expect(free).toBeCloseTo(2, 10);
    expect(shrunk).toBeCloseTo(1, 10);
  });

  it('rejects mismatched lengths and a singular design with errors naming the argument', () => {
    const y = new Float64Array(6);
    expect(() => weightedCrossProducts([ones], y, new Float64Array(5))).toThrow(/weights/);
    expect(() => weightedCrossProducts([new Float64Array(4)], y, ones)).toThrow(/columns\[0\]/);
    const products = weightedCrossProducts([ones, ones], y, ones);
    expect(() => solveRidge(products, [0, 1], [0, 0])).toThrow(/singular/);
  });
});

describe('weighted Gram with sparse indicator columns', () => {
  it('equals the dense computation (else holiday effects would be mis-estimated)', () => {
    const rows = 200;
    const dense = Float64Array.from({ length: rows }, (_, row) => Math.sin(row / 7) + 2);
    const indicator = Float64Array.from({ length: rows }, (_, row) => (row % 50 === 3 ? 1 : 0));
    const weights = Float64Array.from({ length: rows }, (_, row) =>
      row % 9 === 0 ? 0 : 1 + (row % 3),
    );
    const { gram } = weightedCrossProducts([dense, indicator], new Float64Array(rows), weights);
    let crossTotal = 0;
    let indicatorTotal = 0;
    for (let row = 0; row < rows; row += 1) {
      crossTotal += weights[row]! * dense[row]! * indicator[row]!;
      indicatorTotal += weights[row]! * indicator[row]!;
    }
    expect(gram[1]).toBeCloseTo(crossTotal, 10);
    expect(gram[2]).toBeCloseTo(crossTotal, 10);
    expect(gram[3]).toBeCloseTo(indicatorTotal, 10);
  });
});
