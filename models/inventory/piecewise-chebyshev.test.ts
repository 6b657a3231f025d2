import { describe, expect, it } from 'vitest';
import {
  differentiatePiecewise,
  evaluatePiecewise,
  fitPiecewiseChebyshev,
  gaussLegendre,
} from './piecewise-chebyshev';

describe('fitPiecewiseChebyshev', () => {
  it('interpolates a smooth function to near machine precision; otherwise the coefficients or Clenshaw are wrong', () => {
    const fn = (x: number): number => Math.exp(-x * x) + 0.3 * x;
    const fit = fitPiecewiseChebyshev(fn, -6, 4, { initialWidth: 10 });
    for (let x = -6; x <= 4; x += 0.0137) {
      expect(Math.abs(evaluatePiecewise(fit, x) - fn(x))).toBeLessThan(1e-13);
    }
  });

  it('splits panels until a sharp feature converges; otherwise narrow bumps are smeared', () => {
    const fn = (x: number): number => Math.exp(-((x - 0.3) ** 2) / (2 * 0.01 ** 2));
    const fit = fitPiecewiseChebyshev(fn, -5, 5, { initialWidth: 10 });
    expect(fit.breaks.length).toBeGreaterThan(3);
    for (let x = 0.2; x <= 0.4; x += 0.0011) {
      expect(Math.abs(evaluatePiecewise(fit, x) - fn(x))).toBeLessThan(1e-12);
    }
  });

  it('keeps a forced break at a kink so both sides converge; otherwise |x| would need thousands of panels', () => {
    const fit = fitPiecewiseChebyshev(Math.abs, -1, 2, { initialWidth: 3, forcedBreaks: [0] });
    expect(fit.breaks.length).toBe(3);
    expect(evaluatePiecewise(fit, -0.5)).toBeCloseTo(0.5, 14);
    expect(evaluatePiecewise(fit, 1.5)).toBeCloseTo(1.5, 14);
  });

  it('differentiates the interpolant; otherwise the derivative recurrence or its scaling is wrong', () => {
    const fit = fitPiecewiseChebyshev(Math.sin, 0, 7, { initialWidth: 2 });
    const derivative = differentiatePiecewise(fit);
    for (let x = 0; x <= 7; x += 0.031) {
      expect(Math.abs(evaluatePiecewise(derivative, x) - Math.cos(x))).toBeLessThan(1e-11);
    }
  });

  it('accepts panels at the minimum width when only rounding noise is left; otherwise noisy inputs split forever', () => {
    let calls = 0;
    const noisy = (x: number): number => {
      calls += 1;
      return x + 1e-9 * Math.sin(1e7 * x);
    };
    const fit = fitPiecewiseChebyshev(noisy, 0, 1, { initialWidth: 1, minimumWidth: 1 / 16 });
    expect(fit.breaks.length - 1).toBeLessThanOrEqual(16);
    expect(calls).toBeLessThan(1000);
    expect(Math.abs(evaluatePiecewise(fit, 0.5) - 0.5)).toBeLessThan(1e-8);
    expect(() => fitPiecewiseChebyshev(noisy, 0, 1, { initialWidth: 1, maxPanels: 50 })).toThrow(
      /more than 50 panels/,
    );
  });

  it('rejects an empty interval naming it', () => {
    expect(() => fitPiecewiseChebyshev(Math.sin, 1, 1, { initialWidth: 1 })).toThrow(RangeError);
  });
});

describe('gaussLegendre', () => {
  it('integrates polynomials up to degree 2n-1 exactly; otherwise the nodes or weights are wrong', () => {
    const { nodes, weights } = gaussLegendre(10);
    for (let degree = 0; degree <= 19; degree += 1) {
      let total = 0;
      nodes.forEach((x, index) => {
        total += weights[index]! * x ** degree;
      });
      const exact = degree % 2 === 1 ? 0 : 2 / (degree + 1);
      expect(Math.abs(total - exact)).toBeLessThan(1e-14);
    }
  });

  it('integrates exp over [-1, 1] to machine precision with 16 nodes', () => {
    const { nodes, weights } = gaussLegendre(16);
    let total = 0;
    nodes.forEach((x, index) => {
      total += weights[index]! * Math.exp(x);
    });
    expect(Math.abs(total - (Math.E - 1 / Math.E))).toBeLessThan(1e-14);
  });
});
