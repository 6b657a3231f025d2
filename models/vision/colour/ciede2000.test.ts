import { describe, expect, it } from 'vitest';
import { ciede2000 } from './ciede2000';
import sharma from './fixtures/sharma-2005-ciede2000.json' with { type: 'json' };

describe('ciede2000', () => {
  it('has all 34 pairs of Sharma, Wu & Dalal (2005) Table 1 in the fixture', () => {
    expect(sharma.pairs).toHaveLength(34);
  });

  it.each(sharma.pairs.map((pair, index) => [index + 1, pair] as const))(
    'matches Sharma et al. pair %i to 1e-4 (else a hue-wrap or G/T/RT term is wrong)',
    (_number, pair) => {
      const [l1, a1, b1, l2, a2, b2, expected] = pair as number[];
      const value = ciede2000({ l: l1!, a: a1!, b: b1! }, { l: l2!, a: a2!, b: b2! });
      expect(Math.abs(value - expected!)).toBeLessThan(1e-4 + 5e-5);
    },
  );

  it('is symmetric and zero for identical colours', () => {
    for (const pair of sharma.pairs) {
      const [l1, a1, b1, l2, a2, b2] = pair as number[];
      const first = { l: l1!, a: a1!, b: b1! };
      const second = { l: l2!, a: a2!, b: b2! };
      expect(ciede2000(first, second)).toBeCloseTo(ciede2000(second, first), 10);
      expect(ciede2000(first, first)).toBe(0);
    }
  });
});
