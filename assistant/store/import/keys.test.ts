import { describe, expect, it } from 'vitest';
import { FirstLines } from './keys';

/** A small seeded generator (LCG, Numerical Recipes constants) for repeatable keys. */
function generator(seed: number) {
  let state = seed >>> 0;
  return (limit: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % limit;
  };
}

describe('FirstLines', () => {
  it('agrees with a Map on 200,000 daily keys with repeats, through many table growths', () => {
    const next = generator(42);
    const firstLines = new FirstLines();
    const reference = new Map<string, number>();
    for (let line = 1; line <= 200_000; line += 1) {
      const day = next(3000);
      const sku = next(500) + 1;
      const location = next(40) + 1;
      const key = `${day}:${sku}:${location}`;
      const expected = reference.get(key);
      if (expected === undefined) reference.set(key, line);
      expect(firstLines.dailyKey(day, sku, location, line)).toBe(expected);
    }
    expect(reference.size).toBeGreaterThan(150_000);
  });

  it('tells apart keys that differ only in the last packed field and ids beyond the packed spans', () => {
    const firstLines = new FirstLines();
    expect(firstLines.dailyKey(100, 7, 1, 2)).toBeUndefined();
    expect(firstLines.dailyKey(100, 7, 2, 3)).toBeUndefined();
    expect(firstLines.dailyKey(100, 2 ** 21, 2, 4)).toBeUndefined();
    expect(firstLines.dailyKey(100, 2 ** 21, 2, 5)).toBe(4);
    expect(firstLines.dailyKey(100, 7, 1, 6)).toBe(2);
    expect(firstLines.pairKey(7, 1, 7)).toBeUndefined();
    expect(firstLines.pairKey(7, 1, 8)).toBe(7);
    expect(firstLines.codeKey('A', 9)).toBeUndefined();
    expect(firstLines.codeKey('A', 10)).toBe(9);
  });
});
