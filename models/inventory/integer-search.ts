// Minimisation over the integers >= a lower bound of a function given only by comparisons (so it
// can order candidates lexicographically: first by a constraint shortfall, then by cost). Brackets
// the minimum by doubling steps from a start (as in Numerical Recipes 3rd ed. 10.1 `bracket`, on
// integers), narrows the bracket by ternary search on a unimodal function (Kiefer 1953's
// sequential search, integer form), then evaluates the last few integers exhaustively and walks
// to a local minimum, which guards against small departures from unimodality (simulation noise
// that common random numbers leave).

export interface IntegerSearchOptions<Score> {
  evaluate: (level: number) => Score;
  /** Negative when a is better than b, positive when worse, 0 when equal. */
  compare: (a: Score, b: Score) => number;
  lower: number;
  /** Finite upper limit of the search (inclusive). */
  upper: number;
  start: number;
  /** First bracketing step, >= 1. */
  step: number;
}

const EXHAUSTIVE_WIDTH = 8;

/** The best integer level found in [lower, upper]. `evaluate` should memoise. */
export function minimizeOverIntegers<Score>(options: IntegerSearchOptions<Score>): number {
  const { evaluate, compare, lower, upper } = options;
  const better = (a: number, b: number): boolean => compare(evaluate(a), evaluate(b)) < 0;
  const clamp = (level: number): number => Math.min(upper, Math.max(lower, level));
  let step = Math.max(1, Math.round(options.step));
  let middle = clamp(Math.round(options.start));
  let left: number;
  let right: number;
  const up = clamp(middle + step);
  if (up !== middle && better(up, middle)) {
    // descending upwards: walk up with doubling steps until the function stops falling
    left = middle;
    middle = up;
    for (;;) {
      step *= 2;
      const next = clamp(middle + step);
      if (next === middle || !better(next, middle)) {
        right = next;
        break;
      }
      left = middle;
      middle = next;
    }
  } else {
    right = up;
    for (;;) {
      const next = clamp(middle - step);
      if (next === middle || !better(next, middle)) {
        left = next;
        break;
      }
      right = middle;
      middle = next;
      step *= 2;
    }
  }
  // [left, right] holds a minimum of a unimodal function
  while (right - left > EXHAUSTIVE_WIDTH) {
    const third = Math.floor((right - left) / 3);
    const first = left + third;
    const second = right - third;
    if (better(second, first)) left = first;
    else right = second;
  }
  let best = left;
  for (let level = left + 1; level <= right; level += 1) {
    if (better(level, best)) best = level;
  }
  for (;;) {
    const below = best - 1;
    const above = best + 1;
    if (below >= lower && better(below, best)) best = below;
    else if (above <= upper && better(above, best)) best = above;
    else return best;
  }
}
