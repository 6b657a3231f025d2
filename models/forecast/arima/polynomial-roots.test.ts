import { describe, expect, it } from 'vitest';
import { polynomialRoots, rootsOutsideCircle } from './polynomial-roots';

const sorted = (roots: { re: number; im: number }[]): { re: number; im: number }[] =>
  [...roots].sort((left, right) => left.re - right.re || left.im - right.im);

describe('polynomialRoots', () => {
  it('finds the real roots of (1 - z / 2)(1 + z / 4) = 1 + z/4 - z/2 - z^2/8', () => {
    const roots = sorted(polynomialRoots([1, -0.25, -0.125]));
    expect(roots[0]!.re).toBeCloseTo(-4, 10);
    expect(roots[1]!.re).toBeCloseTo(2, 10);
    roots.forEach((root) => expect(Math.abs(root.im)).toBeLessThan(1e-10));
  });

  it('finds the complex pair of 1 + z^2 at +-i', () => {
    const roots = sorted(polynomialRoots([1, 0, 1]));
    expect(roots[0]!.re).toBeCloseTo(0, 10);
    expect(Math.abs(roots[0]!.im)).toBeCloseTo(1, 10);
    expect(roots[0]!.im).toBeCloseTo(-roots[1]!.im, 10);
  });

  it('ignores trailing zero coefficients', () => {
    expect(polynomialRoots([2, 1, 0, 0])).toHaveLength(1);
  });
});

describe('rootsOutsideCircle', () => {
  it('accepts 1 - 0.5 z and rejects 1 - 1.2 z (root inside the unit circle)', () => {
    expect(rootsOutsideCircle([0.5])).toBe(true);
    expect(rootsOutsideCircle([1.2])).toBe(false);
  });

  it('applies the radius: root 1/0.995 is outside 1 but inside 1.01', () => {
    expect(rootsOutsideCircle([0.995], 1)).toBe(true);
    expect(rootsOutsideCircle([0.995], 1.01)).toBe(false);
  });

  it('agrees with explicit roots for an AR(3) and ignores negligible trailing terms', () => {
    const ar = [0.5, 0.3, -0.4];
    const roots = polynomialRoots([1, -0.5, -0.3, 0.4]);
    const smallest = Math.min(...roots.map((root) => Math.hypot(root.re, root.im)));
    expect(rootsOutsideCircle(ar, smallest * 0.999)).toBe(true);
    expect(rootsOutsideCircle(ar, smallest * 1.001)).toBe(false);
    expect(rootsOutsideCircle([0.5, 1e-9], 1.01, 1e-8)).toBe(true);
  });
});
