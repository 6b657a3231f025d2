import { describe, expect, it } from 'vitest';
import {
  centralIntervalMultiplier,
  normalCdf,
  normalDensity,
  normalQuantile,
  normalSurvival,
} from './normal';

// Reference values printed by R 4 (`pnorm`, `qnorm`, options(digits = 17)).
const CDF_REFERENCE: Array<[number, number, number]> = [
  [-10, 7.6198530241605269e-24, 1],
  [-5.5, 1.8989562465887721e-8, 9.9999998101043752e-1],
  [-1.96, 2.4997895148220428e-2, 9.7500210485177963e-1],
  [-0.6744, 2.5002852137294063e-1, 7.4997147862705937e-1],
  [-0.5, 3.0853753872598694e-1, 6.9146246127401301e-1],
  [0, 0.5, 0.5],
  [0.3, 6.1791142218895267e-1, 3.8208857781104733e-1],
  [0.67448975, 7.4999999993768973e-1, 2.5000000006231027e-1],
  [0.7, 7.5803634777692697e-1, 2.4196365222307298e-1],
  [1.2, 8.8493032977829178e-1, 1.1506967022170828e-1],
  [3, 9.986501019683699e-1, 1.3498980316300946e-3],
  [5.656, 9.9999999225292668e-1, 7.7470733237490701e-9],
  [5.66, 9.9999999243135029e-1, 7.5686497519977138e-9],
  [8, 9.9999999999999933e-1, 6.2209605742717849e-16],
  [8.3, 1, 5.2055697448902552e-17],
  [12, 1, 1.776482112077679e-33],
];

const QUANTILE_REFERENCE: Array<[number, number]> = [
  [1e-300, -37.04709629936120052],
  [1e-20, -9.26234008979840517],
  [1e-10, -6.3613409024040557],
  [0.001, -3.09023230616781319],
  [0.025, -1.95996398454005383],
  [0.075, -1.43953147093845568],
  [0.1, -1.28155156554460081],
  [0.5, 0],
  [0.574, 0.18656718183651924],
  [0.9, 1.28155156554460081],
  [0.975, 1.95996398454005361],
  [0.999, 3.09023230616781319],
  [1 - 1e-12, 7.03448691004783555],
];

function relativeError(actual: number, expected: number): number {
  if (expected === 0) return Math.abs(actual);
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('normalCdf and normalSurvival', () => {
  it('match R pnorm to 1e-14 relative in both tails, so tail probabilities are not lost', () => {
    for (const [x, lower, upper] of CDF_REFERENCE) {
      expect(relativeError(normalCdf(x), lower), `cdf(${x})`).toBeLessThan(1e-14);
      expect(relativeError(normalSurvival(x), upper), `survival(${x})`).toBeLessThan(1e-14);
    }
  });

  it('apply mean and standard deviation as a location-scale shift', () => {
    expect(normalCdf(13, 10, 2)).toBeCloseTo(normalCdf(1.5), 15);
    expect(normalDensity(13, 10, 2)).toBeCloseTo(normalDensity(1.5) / 2, 15);
  });

  it('handle infinite arguments and reject a non-positive standard deviation', () => {
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(() => normalCdf(0, 0, 0)).toThrow(/standardDeviation/);
    expect(() => normalCdf(Number.NaN)).toThrow(RangeError);
  });
});

describe('normalQuantile (AS 241)', () => {
  it('matches R qnorm to 1e-15 relative from 1e-300 to 1 - 1e-12', () => {
    for (const [probability, expected] of QUANTILE_REFERENCE) {
      expect(
        relativeError(normalQuantile(probability), expected),
        `q(${probability})`,
      ).toBeLessThan(1e-15);
    }
  });

  it('inverts normalCdf across the central and tail regions', () => {
    for (let z = -8; z <= 8; z += 0.37) {
      // Invert through the smaller tail: a probability near 1 has lost its low digits.
      const recovered = z < 0 ? normalQuantile(normalCdf(z)) : -normalQuantile(normalSurvival(z));
      expect(recovered).toBeCloseTo(z, 9);
    }
  });

  it('returns infinities at 0 and 1 and rejects probabilities outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.2)).toThrow(/probability/);
    expect(() => normalQuantile(Number.NaN)).toThrow(/probability/);
  });

  it('gives the familiar 80% and 95% two-sided multipliers', () => {
    expect(centralIntervalMultiplier(95)).toBeCloseTo(1.959963984540054, 14);
    expect(centralIntervalMultiplier(80)).toBeCloseTo(1.2815515655446004, 14);
    expect(() => centralIntervalMultiplier(100)).toThrow(/level/);
  });
});
