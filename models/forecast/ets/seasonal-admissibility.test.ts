import { describe, expect, it } from 'vitest';
import { Random } from '../../stats/random';
import { isAdmissible } from './model-spec';
import { createSeasonalAdmissibility } from './seasonal-admissibility';

describe('seasonal admissibility made once per fit', () => {
  it('decides exactly as isAdmissible on random, boundary and unit-root parameter sets, else fits would move', () => {
    const random = new Random(23);
    let admitted = 0;
    let refused = 0;
    for (const m of [2, 3, 4, 7, 12, 24]) {
      const check = createSeasonalAdmissibility(m);
      for (let trial = 0; trial < 2000; trial += 1) {
        const alpha = random.uniform(-0.2, 1.2);
        const beta = trial % 4 === 0 ? 0 : random.uniform(-0.2, alpha);
        const gamma = random.uniform(-0.1, 1.1 - alpha);
        const phi = trial % 3 === 0 ? 1 : random.uniform(0.7, 1.01);
        const expected = isAdmissible(alpha, beta, gamma, phi, m, beta !== 0, true);
        expect(check(alpha, beta, gamma, phi)).toBe(expected);
        if (expected) admitted += 1;
        else refused += 1;
      }
    }
    // Both outcomes occur often, so the comparison covers both sides of the boundary.
    expect(admitted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });

  it('admits the unit root of beta = 0, phi = 1 (the seasonal sum) as isAdmissible does, else no undamped fit would start', () => {
    const check = createSeasonalAdmissibility(12);
    expect(check(0.2, 0, 0.1, 1)).toBe(true);
    expect(isAdmissible(0.2, 0, 0.1, 1, 12, false, true)).toBe(true);
  });

  it('refuses phi outside [0, 1 + 1e-8] and a period that is not a whole number >= 1', () => {
    expect(createSeasonalAdmissibility(4)(0.2, 0.01, 0.1, 1.1)).toBe(false);
    expect(() => createSeasonalAdmissibility(0)).toThrow(/period/);
    expect(() => createSeasonalAdmissibility(2.5)).toThrow(/period/);
  });
});
