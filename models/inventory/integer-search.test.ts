import { describe, expect, it } from 'vitest';
import { minimizeOverIntegers } from './integer-search';

function search(objective: (level: number) => number, start: number, lower = 0, upper = 10_000) {
  const seen = new Set<number>();
  const level = minimizeOverIntegers({
    evaluate: (x) => {
      seen.add(x);
      return objective(x);
    },
    compare: (a, b) => a - b,
    lower,
    upper,
    start,
    step: 3,
  });
  return { level, evaluations: seen.size };
}

describe('minimizeOverIntegers', () => {
  it('finds the minimum of a convex function from below, from above and at the start, else the bracketing is wrong', () => {
    const objective = (x: number): number => (x - 437.3) ** 2;
    for (const start of [0, 437, 5000]) {
      const { level, evaluations } = search(objective, start);
      expect(level).toBe(437);
      // logarithmic in the distance, not a scan
      expect(evaluations).toBeLessThan(60);
    }
  });

  it('stops at the lower or upper bound when the minimum lies beyond it, else it leaves the bounds', () => {
    expect(search((x) => x, 50, 12).level).toBe(12);
    expect(search((x) => -x, 50, 0, 77).level).toBe(77);
  });

  it('finds the least-cost level among the feasible when candidates are ordered by shortfall then cost, else constrained searches pick an infeasible level', () => {
    // feasible from 30 on; cost alone is least at 10
    const level = minimizeOverIntegers({
      evaluate: (x) => ({ shortfall: Math.max(0, 30 - x), cost: (x - 10) ** 2 }),
      compare: (a, b) => a.shortfall - b.shortfall || a.cost - b.cost,
      lower: 0,
      upper: 1000,
      start: 3,
      step: 2,
    });
    expect(level).toBe(30);
  });
});
