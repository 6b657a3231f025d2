import { describe, expect, it } from 'vitest';
import { createRandom, logGamma, Random } from './random';

function moments(draw: () => number, count: number) {
  let sum = 0;
  let sumSquares = 0;
  for (let index = 0; index < count; index += 1) {
    const value = draw();
    sum += value;
    sumSquares += value * value;
  }
  const mean = sum / count;
  return { mean, variance: (sumSquares - count * mean * mean) / (count - 1) };
}

function expectRelative(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
}

describe('Random', () => {
  it('repeats the same sequence for the same seed and differs for another (reproducible demo data)', () => {
    const first = new Random(42);
    const second = createRandom(42);
    const a = Array.from({ length: 50 }, () => first.next());
    const b = Array.from({ length: 50 }, () => second.next());
    expect(a).toEqual(b);
    const other = Array.from({ length: 50 }, () => new Random(43).next());
    expect(other).not.toEqual(a);
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
    // seeds beyond 32 bits are not truncated onto smaller ones
    expect(new Random(2 ** 40 + 42).next()).not.toBe(new Random(42).next());
  });

  it('forks streams that depend only on the label, not on draws made before (adding a SKU changes nothing else)', () => {
    const root = new Random(7);
    const before = root.fork('sku-1').next();
    for (let index = 0; index < 100; index += 1) root.next();
    expect(root.fork('sku-1').next()).toBe(before);
    expect(new Random(7).fork('sku-1').next()).toBe(before);
    expect(root.fork('sku-2').next()).not.toBe(before);
    expect(root.fork('a').fork('b').next()).not.toBe(root.fork('ab').next());
    expect(new Random(8).fork('sku-1').next()).not.toBe(before);
  });

  it('gives uniform integers: a chi-square test over 10 cells passes and both ends occur', () => {
    const random = new Random(3);
    const counts = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let index = 0; index < draws; index += 1) {
      const value = random.int(1, 10);
      counts[value - 1] = (counts[value - 1] ?? 0) + 1;
    }
    const expected = draws / 10;
    const chiSquare = counts.reduce(
      (total, count) => total + (count - expected) ** 2 / expected,
      0,
    );
    expect(chiSquare).toBeLessThan(27.9); // 99.9th percentile of chi-square with 9 df
    expect(counts.every((count) => count > 0)).toBe(true);
  });

  it('draws normal and gamma deviates with the right mean and variance', () => {
    const random = new Random(1);
    const normal = moments(() => random.normal(5, 2), 100_000);
    expect(Math.abs(normal.mean - 5)).toBeLessThan(0.03);
    expectRelative(normal.variance, 4, 0.03);
    for (const [shape, scale] of [
      [0.5, 3],
      [2.5, 1],
      [40, 0.25],
    ] as const) {
      const gamma = moments(() => random.gamma(shape, scale), 100_000);
      expectRelative(gamma.mean, shape * scale, 0.02);
      expectRelative(gamma.variance, shape * scale * scale, 0.05);
    }
  });

  it('draws Poisson counts with mean = variance for small (Knuth) and large (PTRS) lambda', () => {
    const random = new Random(11);
    for (const lambda of [0.3, 4, 9.9, 10, 25, 400]) {
      const poisson = moments(() => random.poisson(lambda), 100_000);
      expectRelative(poisson.mean, lambda, 0.02);
      expectRelative(poisson.variance, lambda, 0.04);
    }
    // point probabilities of PTRS: P(X = 25) for lambda = 25 is 0.0795 (dpois(25, 25))
    let hits = 0;
    for (let index = 0; index < 100_000; index += 1) if (random.poisson(25) === 25) hits += 1;
    expectRelative(hits / 100_000, 0.07952, 0.05);
  });

  it('draws negative binomial counts with variance mean + mean^2 / dispersion', () => {
    const random = new Random(5);
    for (const [mean, dispersion] of [
      [20, 5],
      [0.4, 0.5],
    ] as const) {
      const counts = moments(() => random.negativeBinomial(mean, dispersion), 100_000);
      expectRelative(counts.mean, mean, 0.03);
      expectRelative(counts.variance, mean + (mean * mean) / dispersion, 0.06);
    }
    expect(random.negativeBinomial(0, 3)).toBe(0);
  });

  it('shuffles into a permutation and picks every element', () => {
    const random = new Random(9);
    const items = Array.from({ length: 30 }, (_, index) => index);
    const shuffled = random.shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    const seen = new Set<string>();
    for (let index = 0; index < 200; index += 1) seen.add(random.pick(['a', 'b', 'c']));
    expect(seen.size).toBe(3);
  });

  it('rejects impossible parameters with errors naming the argument', () => {
    const random = new Random(1);
    expect(() => random.poisson(-1)).toThrow(RangeError);
    expect(() => random.poisson(-1)).toThrow(/lambda/);
    expect(() => random.gamma(0)).toThrow(/shape/);
    expect(() => random.negativeBinomial(3, 0)).toThrow(/dispersion/);
    expect(() => random.normal(0, -1)).toThrow(/sd/);
    expect(() => random.int(5, 1)).toThrow(/max/);
    expect(() => random.pick([])).toThrow(/items/);
    expect(() => new Random(1.5)).toThrow(/seed/);
  });
});

describe('logGamma', () => {
  it('matches known values of ln Gamma', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247001, 12);
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(10)).toBeCloseTo(12.801827480081469, 10);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 9);
  });
});
