import { describe, expect, it } from 'vitest';
import {
  arToPacf,
  expandArma,
  invertMa,
  isStationary,
  pacfToAr,
  transformJacobian,
  untransformParameters,
} from './arma-parameters';
import { polynomialRoots } from './polynomial-roots';

describe('pacfToAr and arToPacf', () => {
  it('are inverse maps and always give a stationary AR polynomial', () => {
    const raw = new Float64Array([0.8, -1.5, 2.2]);
    const ar = new Float64Array(3);
    pacfToAr(raw, 0, 3, ar, 0);
    expect(isStationary(ar)).toBe(true);
    const back = new Float64Array(3);
    arToPacf(ar, 0, 3, back, 0);
    back.forEach((value, index) => expect(value).toBeCloseTo(raw[index]!, 10));
  });

  it('maps one value through tanh', () => {
    const out = new Float64Array(1);
    pacfToAr([0.4], 0, 1, out, 0);
    expect(out[0]).toBeCloseTo(Math.tanh(0.4), 14);
  });
});

describe('expandArma', () => {
  it('multiplies (1 - 0.5B)(1 - 0.3B^4) and (1 + 0.2B)(1 + 0.6B^4)', () => {
    const layout = { p: 1, q: 1, seasonalP: 1, seasonalQ: 1, period: 4 };
    const phi = new Float64Array(5);
    const theta = new Float64Array(5);
    expandArma([0.5, 0.2, 0.3, 0.6], layout, false, phi, theta, new Float64Array(4));
    expect(Array.from(phi).map((value) => Number(value.toFixed(12)))).toEqual([
      0.5, 0, 0, 0.3, -0.15,
    ]);
    expect(Array.from(theta).map((value) => Number(value.toFixed(12)))).toEqual([
      0.2, 0, 0, 0.6, 0.12,
    ]);
  });
});

describe('transformJacobian', () => {
  it('matches a forward difference of untransformParameters and is the identity off the AR blocks', () => {
    const layout = { p: 2, q: 1, seasonalP: 0, seasonalQ: 0, period: 1 };
    const parameters = new Float64Array([0.3, -0.2, 0.4, 5]);
    const jacobian = transformJacobian(parameters, layout);
    const base = untransformParameters(parameters, layout);
    const shifted = Float64Array.from(parameters);
    shifted[1]! += 1e-3;
    const moved = untransformParameters(shifted, layout);
    expect(jacobian[1 * 4 + 0]).toBeCloseTo((moved[0]! - base[0]!) / 1e-3, 12);
    expect(jacobian[2 * 4 + 2]).toBe(1);
    expect(jacobian[3 * 4 + 3]).toBe(1);
    expect(jacobian[2 * 4 + 0]).toBe(0);
  });
});

describe('invertMa', () => {
  it('replaces theta by 1/theta for a non-invertible MA(1)', () => {
    expect(invertMa([2])[0]).toBeCloseTo(0.5, 14);
    expect(invertMa([0.5])[0]).toBe(0.5);
  });

  it('reflects inside roots of an MA(2) so all roots lie outside the unit circle', () => {
    const inverted = invertMa([2.5, 1]);
    const roots = polynomialRoots([1, inverted[0]!, inverted[1]!]);
    roots.forEach((root) => expect(Math.hypot(root.re, root.im)).toBeGreaterThanOrEqual(1 - 1e-9));
    // (1 + 0.5 z)(1 + 2 z) -> (1 + 0.5 z)(1 + 0.5 z)
    expect(inverted[0]).toBeCloseTo(1, 10);
    expect(inverted[1]).toBeCloseTo(0.25, 10);
  });
});
