import { describe, expect, it } from 'vitest';
import { countPresent, difference, differencingPolynomial, isConstant } from './difference';

describe('difference', () => {
  it('first differences subtract the previous value', () => {
    expect(Array.from(difference([1, 4, 9, 16], 1, 1))).toEqual([3, 5, 7]);
  });

  it('seasonal and repeated differences compose as (1 - B^lag)^times', () => {
    expect(Array.from(difference([1, 2, 3, 5, 8, 13], 2, 1))).toEqual([2, 3, 5, 8]);
    expect(Array.from(difference([1, 4, 9, 16, 25], 1, 2))).toEqual([2, 2, 2]);
  });

  it('a missing value makes every difference that uses it missing', () => {
    const result = difference([1, Number.NaN, 3, 4], 1, 1);
    expect(Number.isNaN(result[0]!)).toBe(true);
    expect(Number.isNaN(result[1]!)).toBe(true);
    expect(result[2]).toBe(1);
  });

  it('rejects a lag below 1', () => {
    expect(() => difference([1, 2], 0, 1)).toThrow(RangeError);
  });
});

describe('differencingPolynomial', () => {
  it('(1-B)(1-B^4) expands to delta = [1, 0, 0, 1, -1] as R builds Delta', () => {
    expect(Array.from(differencingPolynomial(1, 1, 4))).toEqual([1, 0, 0, 1, -1]);
  });

  it('(1-B)^2 gives delta = [2, -1]', () => {
    expect(Array.from(differencingPolynomial(2, 0, 12))).toEqual([2, -1]);
  });

  it('no differencing gives an empty polynomial', () => {
    expect(differencingPolynomial(0, 0, 12).length).toBe(0);
  });
});

describe('isConstant', () => {
  it('treats values equal within 1.5e-8 relative as constant, like R all.equal', () => {
    expect(isConstant([1000, 1000 + 1e-6, 1000])).toBe(true);
    expect(isConstant([1000, 1000.01, 1000])).toBe(false);
  });

  it('ignores missing values and uses an absolute test near zero', () => {
    expect(isConstant([0, Number.NaN, 1e-10])).toBe(true);
    expect(isConstant([0, 1e-3])).toBe(false);
  });

  it('counts present values', () => {
    expect(countPresent([1, Number.NaN, 3])).toBe(2);
  });
});
