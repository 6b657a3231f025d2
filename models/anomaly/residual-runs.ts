// Finds anomalies in standardised residuals: single steps far from the baseline, and runs of
// steps that are each only moderately off but together are not chance: Fisher's combination
// of the steps' one-sided tail probabilities over a window (-2 sum ln p ~ chi-square with 2w
// degrees of freedom; Fisher 1932, 21.1), turned back into a normal score by Wilson & Hilferty
// (1931). Both are on one scale (a single step's |z|), so one threshold decides for both.
import { normalCdf } from '../stats/normal';

export interface ResidualCandidate {
  start: number;
  end: number;
  /** +1 above the baseline, -1 below */
  sign: 1 | -1;
  /** on the single-step |z| scale */
  score: number;
}

export interface RunSearchOptions {
  /** Longest run considered, in steps. */
  maxRun: number;
  /** Candidates scoring below this are not kept (the sweep floor). */
  floor: number;
  /** A run needs this much more evidence than a single step of the same score. */
  runPenalty: number;
}

/** One step counts at most this much in a run (as if |z| were 5), so one wild step cannot make a run. */
const CLIP = 5;

/** -2 ln P(Z >= sign z), the step's evidence for a run in direction `sign`. */
function evidence(z: number, sign: 1 | -1): number {
  const directed = Math.min(CLIP, sign * z);
  return -2 * Math.log(normalCdf(-directed));
}

/** Normal score of a chi-square value with `degrees` degrees of freedom (Wilson-Hilferty). */
function chiSquareToZ(value: number, degrees: number): number {
  const ratio = Math.cbrt(value / degrees);
  const spread = 2 / (9 * degrees);
  return (ratio - (1 - spread)) / Math.sqrt(spread);
}

/** Prefix sums of each step's evidence in direction `sign`, and of scored steps. */
function evidencePrefix(
  z: Float64Array,
  sign: 1 | -1,
): { total: Float64Array; scored: Int32Array } {
  const n = z.length;
  const total = new Float64Array(n + 1);
  const scored = new Int32Array(n + 1);
  for (let index = 0; index < n; index += 1) {
    const value = z[index]!;
    const finite = Number.isFinite(value);
    total[index + 1] = total[index]! + (finite ? evidence(value, sign) : 0);
    scored[index + 1] = scored[index]! + (finite ? 1 : 0);
  }
  return { total, scored };
}

/** Trims a run's ends until they point the run's way by at least one z. */
function trim(z: Float64Array, start: number, end: number, sign: number): [number, number] {
  let from = start;
  let to = end;
  const agrees = (index: number) => Number.isFinite(z[index]!) && sign * z[index]! >= 1;
  while (from < to && !agrees(from)) from += 1;
  while (to > from && !agrees(to)) to -= 1;
  return [from, to];
}

/**
 * Greedy selection, strongest first, of non-overlapping single-step and run candidates whose
 * score reaches `options.floor`; returned in time order.
 */
export function findResidualCandidates(
  z: Float64Array,
  options: RunSearchOptions,
): ResidualCandidate[] {
  const n = z.length;
  const pool: ResidualCandidate[] = [];
  for (let index = 0; index < n; index += 1) {
    const value = z[index]!;
    if (Number.isFinite(value) && Math.abs(value) >= options.floor) {
      pool.push({ start: index, end: index, sign: value > 0 ? 1 : -1, score: Math.abs(value) });
    }
  }
  for (const sign of [1, -1] as const) {
    const prefix = evidencePrefix(z, sign);
    // the chi-square total a window of m scored steps needs to reach the floor (inverse W-H)
    const needed = new Float64Array(options.maxRun + 1).fill(Infinity);
    for (let steps = 1; steps <= options.maxRun; steps += 1) {
      const degrees = 2 * steps;
      const spread = 2 / (9 * degrees);
      const root = 1 - spread + options.floor * options.runPenalty * Math.sqrt(spread);
      needed[steps] = root > 0 ? degrees * root * root * root : 0;
    }
    for (let width = 2; width <= Math.min(options.maxRun, n); width += 1) {
      const minimum = Math.ceil(0.7 * width);
      for (let start = 0; start + width <= n; start += 1) {
        // a window is judged on its scored steps and needs most of them
        const steps = prefix.scored[start + width]! - prefix.scored[start]!;
        if (steps < minimum) continue;
        const total = prefix.total[start + width]! - prefix.total[start]!;
        if (total < needed[steps]!) continue;
        const score = chiSquareToZ(total, 2 * steps) / options.runPenalty;
        if (score < options.floor) continue;
        const [from, to] = trim(z, start, start + width - 1, sign);
        if (to - from + 1 < 2) continue;
        pool.push({ start: from, end: to, sign, score });
      }
    }
  }
  pool.sort((a, b) => b.score - a.score || a.start - b.start);
  const taken = new Uint8Array(n);
  const chosen: ResidualCandidate[] = [];
  for (const candidate of pool) {
    let free = true;
    for (let index = candidate.start; index <= candidate.end && free; index += 1) {
      if (taken[index]) free = false;
    }
    if (!free) continue;
    for (let index = candidate.start; index <= candidate.end; index += 1) taken[index] = 1;
    chosen.push(candidate);
  }
  chosen.sort((a, b) => a.start - b.start);
  return chosen;
}
