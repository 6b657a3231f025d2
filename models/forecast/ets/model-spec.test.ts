import { describe, expect, it } from 'vitest';
import {
  candidateSpecs,
  formatSpec,
  isAdmissible,
  isRestrictedForm,
  parseModelCode,
  rootsWithinUnitCircle,
  specCode,
} from './model-spec';

/** Largest root modulus of sum a_k z^k by Durand-Kerner iteration (independent of Schur-Cohn). */
function largestRootModulus(coefficients: number[]): number {
  const degree = coefficients.length - 1;
  const lead = coefficients[degree] as number;
  const monic = coefficients.map((value) => value / lead);
  let roots = Array.from({ length: degree }, (_, k) => {
    const angle = (2 * Math.PI * k) / degree + 0.4;
    return [0.9 * Math.cos(angle), 0.9 * Math.sin(angle)] as [number, number];
  });
  const evaluate = ([re, im]: [number, number]): [number, number] => {
    let valueRe = 0;
    let valueIm = 0;
    for (let k = degree; k >= 0; k -= 1) {
      const nextRe = valueRe * re - valueIm * im + (monic[k] as number);
      valueIm = valueRe * im + valueIm * re;
      valueRe = nextRe;
    }
    return [valueRe, valueIm];
  };
  for (let iteration = 0; iteration < 600; iteration += 1) {
    roots = roots.map((root, i) => {
      let [denRe, denIm] = [1, 0];
      roots.forEach((other, j) => {
        if (i === j) return;
        const diffRe = root[0] - other[0];
        const diffIm = root[1] - other[1];
        [denRe, denIm] = [denRe * diffRe - denIm * diffIm, denRe * diffIm + denIm * diffRe];
      });
      const [numRe, numIm] = evaluate(root);
      const norm = denRe * denRe + denIm * denIm;
      return [
        root[0] - (numRe * denRe + numIm * denIm) / norm,
        root[1] - (numIm * denRe - numRe * denIm) / norm,
      ];
    });
  }
  return Math.max(...roots.map(([re, im]) => Math.hypot(re, im)));
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (1103515245 * state + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('model codes', () => {
  it('parses R model codes with an optional damped mark and rejects malformed ones', () => {
    expect(parseModelCode('ZZZ')).toEqual({
      error: 'Z',
      trend: 'Z',
      season: 'Z',
      damped: undefined,
    });
    expect(parseModelCode('AAdN')).toEqual({ error: 'A', trend: 'A', season: 'N', damped: true });
    expect(parseModelCode('MAM', false).damped).toBe(false);
    expect(() => parseModelCode('ANdN')).toThrow(/damped/);
    expect(() => parseModelCode('XYZ')).toThrow(/model/);
    expect(formatSpec({ error: 'M', trend: 'A', season: 'N', damped: true })).toBe('ETS(M,Ad,N)');
    expect(specCode({ error: 'A', trend: 'N', season: 'A', damped: false })).toBe('ANA');
  });

  it('marks the infinite-variance forms R forbids (A error with M components, M,M,A)', () => {
    expect(isRestrictedForm({ error: 'A', trend: 'N', season: 'M' })).toBe(true);
    expect(isRestrictedForm({ error: 'A', trend: 'M', season: 'N' })).toBe(true);
    expect(isRestrictedForm({ error: 'M', trend: 'M', season: 'A' })).toBe(true);
    expect(isRestrictedForm({ error: 'M', trend: 'A', season: 'M' })).toBe(false);
  });
});

describe('candidateSpecs', () => {
  const rules = {
    positive: true,
    seasonal: true,
    allowMultiplicativeTrend: false,
    restrict: true,
    additiveOnly: false,
  };
  it('tries the 15 forms R tries for positive seasonal data, in R order (damped before undamped)', () => {
    const specs = candidateSpecs(parseModelCode('ZZZ'), rules).map(specCode);
    expect(specs).toEqual([
      'ANN',
      'ANA',
      'AAdN',
      'AAN',
      'AAdA',
      'AAA',
      'MNN',
      'MNA',
      'MNM',
      'MAdN',
      'MAN',
      'MAdA',
      'MAA',
      'MAdM',
      'MAM',
    ]);
  });

  it('drops multiplicative errors for non-positive data and seasons when not seasonal', () => {
    expect(
      candidateSpecs(parseModelCode('ZZZ'), { ...rules, positive: false }).map(specCode),
    ).toEqual(['ANN', 'ANA', 'AAdN', 'AAN', 'AAdA', 'AAA']);
    expect(candidateSpecs(parseModelCode('ZZZ'), { ...rules, seasonal: false })).toHaveLength(6);
    // A error: N, Ad, A (no M trend); M error: N, Ad, A, Md, M.
    expect(
      candidateSpecs(parseModelCode('ZZN'), { ...rules, allowMultiplicativeTrend: true }),
    ).toHaveLength(8);
  });
});

describe('admissibility', () => {
  it('agrees with an independent root finder on the Schur-Cohn test for random polynomials', () => {
    const random = seeded(7);
    let inside = 0;
    for (let trial = 0; trial < 200; trial += 1) {
      const degree = 2 + Math.floor(random() * 8);
      const coefficients = Array.from({ length: degree + 1 }, () => 2 * random() - 1);
      coefficients[degree] = 1;
      const modulus = largestRootModulus(coefficients);
      if (Math.abs(modulus - 1) < 1e-6) continue;
      const verdict = rootsWithinUnitCircle(Float64Array.from(coefficients), degree);
      expect(verdict).toBe(modulus < 1);
      if (verdict) inside += 1;
    }
    expect(inside).toBeGreaterThan(5);
  });

  it('matches the characteristic-root condition for seasonal parameter sets, including the unit root when beta = 0, phi = 1', () => {
    const random = seeded(11);
    for (let trial = 0; trial < 150; trial += 1) {
      const m = [4, 12][trial % 2] as number;
      const alpha = random();
      const hasTrend = trial % 3 !== 0;
      const beta = hasTrend ? random() * alpha : 0;
      const gamma = random() * 0.6;
      const phi = trial % 5 === 0 ? 1 : 0.8 + 0.2 * random();
      const polynomial = [phi * (1 - alpha - gamma), alpha + beta - alpha * phi + gamma - 1];
      for (let k = 2; k < m; k += 1) polynomial.push(alpha + beta - alpha * phi);
      polynomial.push(alpha + beta - phi, 1);
      const simpleOk =
        gamma >= Math.max(1 - 1 / phi - alpha, 0) &&
        gamma <= 1 + 1 / phi - alpha &&
        alpha >= 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m) &&
        beta >= -(1 - phi) * (gamma / m + alpha);
      const modulus = largestRootModulus(polynomial);
      if (Math.abs(modulus - 1) < 1e-6 && !(beta === 0 && phi === 1)) continue;
      const expected = simpleOk && modulus <= 1 + 1e-6;
      expect(isAdmissible(alpha, beta, gamma, phi, m, hasTrend, true)).toBe(expected);
    }
  });

  it('applies the non-seasonal bounds alpha in (1 - 1/phi, 1 + 1/phi) and beta in (alpha (phi - 1), (1 + phi)(2 - alpha))', () => {
    expect(isAdmissible(1.5, 0, 0, 1, 1, false, false)).toBe(true);
    expect(isAdmissible(2.1, 0, 0, 1, 1, false, false)).toBe(false);
    expect(isAdmissible(0.5, 2.9, 0, 1, 1, true, false)).toBe(true);
    expect(isAdmissible(0.5, 3.1, 0, 1, 1, true, false)).toBe(false);
    expect(isAdmissible(0.5, 0.1, 0, 1.2, 1, true, false)).toBe(false);
  });
});
