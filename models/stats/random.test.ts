import { describe, expect, it } from 'vitest';
import { Random } from './random';

function moments(draw: () => number, count: number) {
  let sum = 0;
  let sumSquares = 0;
  for (let index = 0; index < count; index += 1) {
    const value = draw();
    sum += value;
    sumSquares += value * value;
  }
  const mean = sum / count;
  return { mean, variance: sumSquares / count - mean * mean };
}

describe('Random', () => {
  it('repeats the same sequence for the same seed (otherwise demo data is not reproducible)', () => {
    const first = new Random(42);
    const second = new Random(42);
    const a = Array.from({ length: 20 }, () => first.next());
    const b = Array.from({ length: 20 }, () => second.next());
    expect(a).toEqual(b);
    expect(new Random(43).next()).not.toBe(a[0]);
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('forks independent, reproducible streams by label', () => {
    const root = new Random(7);
    expect(root.fork('sku-1').next()).toBe(new Random(7).fork('sku-1').next());
    expect(root.fork('sku-1').next()).not.toBe(root.fork('sku-2').next());
  });

  it('draws normal, gamma, Poisson and negative binomial with the right moments', () => {
    const random = new Random(1);
    const normal = moments(() => random.normal(5, 2), 100_000);
    expect(normal.mean).toBeCloseTo(5, 1);
    expect(normal.variance).toBeCloseTo(4, 0);
    const gamma = moments(() => random.gamma(0.5, 3), 100_000);
    expect(gamma.mean).toBeCloseTo(1.5, 1);
    expect(gamma.variance / 4.5).toBeCloseTo(1, 1);
    for (const mean of [0.3, 4, 25, 400]) {
      const poisson = moments(() => random.poisson(mean), 100_000);
      expect(poisson.mean / mean).toBeCloseTo(1, 1);
      expect(poisson.variance / mean).toBeCloseTo(1, 1);
    }
    const negativeBinomial = moments(() => random.negativeBinomial(20, 5), 100_000);
    expect(negativeBinomial.mean / 20).toBeCloseTo(1, 1);
    expect(negativeBinomial.variance / (20 + 400 / 5)).toBeCloseTo(1, 1);
  });

  it('rejects impossible parameters with a RangeError naming them', () => {
    const random = new Random(1);
    expect(() => random.poisson(-1)).toThrow(/poisson/);
    expect(() => random.gamma(0)).toThrow(/gamma/);
    expect(() => random.pick([])).toThrow(/empty/);
  });
});
