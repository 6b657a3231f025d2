// Abrupt level shifts: at each step, the median of the deseasonalised series over the window
// after it against the window before it, standardised by the sampling error of a median
// (1.2533 sigma / sqrt(w), Kendall & Stuart); a step counts only if the jump there is at least
// twice the change between the neighbouring windows on each side, so trends, ramps and yearly
// swings (which change every window about as much) are not taken for shifts.
import type { Baseline } from './baseline';

export interface LevelShift {
  /** First step at the new level. */
  at: number;
  /** Medians before and after on the working scale. */
  before: number;
  after: number;
  /** The jump in standard errors of the difference of the two medians. */
  score: number;
}

function medianOf(values: Float64Array, from: number, to: number, buffer: number[]): number {
  buffer.length = 0;
  for (let index = Math.max(0, from); index < Math.min(values.length, to); index += 1) {
    const value = values[index]!;
    if (Number.isFinite(value)) buffer.push(value);
  }
  if (buffer.length < 4) return Number.NaN;
  buffer.sort((a, b) => a - b);
  const middle = buffer.length >> 1;
  return buffer.length % 2 ? buffer[middle]! : (buffer[middle - 1]! + buffer[middle]!) / 2;
}

/**
 * Median of the finite values in [start, start + width) for every start (NaN when fewer than 4),
 * kept in a sorted buffer as the window slides: O(n w) moves instead of a sort per window.
 */
export function slidingMedians(values: Float64Array, width: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const sorted: number[] = [];
  const lowerBound = (value: number) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const insert = (value: number) => sorted.splice(lowerBound(value), 0, value);
  const remove = (value: number) => sorted.splice(lowerBound(value), 1);
  for (let index = 0; index < n; index += 1) {
    const value = values[index]!;
    if (Number.isFinite(value)) insert(value);
    const leaving = index - width;
    if (leaving >= 0 && Number.isFinite(values[leaving]!)) remove(values[leaving]!);
    const start = index - width + 1;
    if (start >= 0 && sorted.length >= 4) {
      const middle = sorted.length >> 1;
      out[start] =
        sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    }
  }
  return out;
}

/** Steps per side the test compares (4 cycles of the period, at least 28). */
export function shiftWindow(period: number): number {
  return Math.max(28, 4 * period);
}

/**
 * Level shifts scoring at least `floor`, strongest first without two within one window, in
 * time order. A window after the step as short as half the full one is accepted, so a shift in
 * the last weeks is found (with less evidence) instead of waiting for a full window.
 */
export function findLevelShifts(baseline: Baseline, floor: number): LevelShift[] {
  const window = shiftWindow(baseline.period);
  const n = baseline.working.length;
  const level = new Float64Array(n);
  for (let index = 0; index < n; index += 1) {
    // residual NaN marks missing and explained steps: they stay out of the medians
    level[index] = Number.isFinite(baseline.residual[index]!)
      ? baseline.working[index]! - baseline.seasonal[index]!
      : Number.NaN;
  }
  const buffer: number[] = [];
  const standardError = 1.2533 * baseline.scale;
  const found: LevelShift[] = [];
  const minimumAfter = Math.ceil(window / 2);
  // long windows (sub-daily data) are tested every `stride` steps: within 1/28 of a window
  const stride = Math.max(1, Math.floor(window / 28));
  const full = slidingMedians(level, window);
  const test = (at: number): LevelShift | undefined => {
    const afterLength = Math.min(window, n - at);
    const before = full[at - window]!;
    const after =
      afterLength === window ? full[at]! : medianOf(level, at, at + afterLength, buffer);
    if (!Number.isFinite(before) || !Number.isFinite(after) || !(standardError > 0))
      return undefined;
    const jump = after - before;
    const score = Math.abs(jump) / (standardError * Math.sqrt(1 / window + 1 / afterLength));
    if (score < floor) return undefined;
    // the neighbouring changes: before-before vs before, after vs after-after
    const earlier =
      at - 2 * window >= 0
        ? full[at - 2 * window]!
        : medianOf(level, at - 2 * window, at - window, buffer);
    const drifts: number[] = [];
    if (Number.isFinite(earlier)) drifts.push(Math.abs(before - earlier));
    if (at + 2 * window <= n) {
      const later = full[at + window]!;
      if (Number.isFinite(later)) drifts.push(Math.abs(later - after));
    }
    if (drifts.length === 0 || drifts.some((drift) => Math.abs(jump) < 2 * drift)) {
      return undefined;
    }
    return { at, before, after, score };
  };
  for (let coarse = window; coarse + minimumAfter <= n; coarse += stride) {
    const shift = test(coarse);
    if (shift !== undefined) found.push(shift);
  }
  found.sort((a, b) => b.score - a.score);
  const kept: LevelShift[] = [];
  for (const shift of found) {
    if (kept.every((other) => Math.abs(other.at - shift.at) >= window)) kept.push(shift);
  }
  // the new level starts on the first observed step (a missing or explained day is not it)
  for (const shift of kept) {
    while (shift.at < n - 1 && !Number.isFinite(level[shift.at]!)) shift.at += 1;
  }
  return kept.sort((a, b) => a.at - b.at);
}
