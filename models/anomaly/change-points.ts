// PELT: pruned exact linear time search for multiple changes in mean (Killick, Fearnhead &
// Eckley 2012, JASA 107:1590-1598), normal cost with unit variance (the residual sum of squares),
// a penalty per change and a minimum segment length as in R's changepoint::cpt.mean(minseglen);
// and the level-shift detector built on it for deseasonalised series.
import type {
  DetectedAnomaly,
  DetectionResult,
  Detector,
  DetectorInput,
  Sensitivity,
} from './detector';
import { removeSeasonality } from './seasonal-adjustment';
import { runningMedian } from '../stats/running-median';

export interface PeltOptions {
  /** Added to the cost for each change, in the data's squared units (e.g. 2 ln n for BIC). */
  penalty: number;
  /** Fewest steps in any segment, the first and last included (>= 1). */
  minSegment: number;
}

export function checkPeltInput(values: ArrayLike<number>, options: PeltOptions): void {
  if (!(options.penalty >= 0) || !Number.isFinite(options.penalty)) {
    throw new RangeError(`penalty: ${String(options.penalty)} must be a finite number >= 0`);
  }
  if (!Number.isInteger(options.minSegment) || options.minSegment < 1) {
    throw new RangeError(`minSegment: ${String(options.minSegment)} must be a whole number >= 1`);
  }
  for (let index = 0; index < values.length; index += 1) {
    if (!Number.isFinite(values[index])) {
      throw new RangeError(
        `values[${index}] = ${String(values[index])}: PELT needs complete data (drop or fill gaps first)`,
      );
    }
  }
}

/** Prefix sums of the values (centred for accuracy) and of their squares. */
export function prefixSums(values: ArrayLike<number>): {
  sums: Float64Array;
  squares: Float64Array;
} {
  const n = values.length;
  let centre = 0;
  for (let index = 0; index < n; index += 1) centre += values[index]!;
  centre = n > 0 ? centre / n : 0;
  const sums = new Float64Array(n + 1);
  const squares = new Float64Array(n + 1);
  for (let index = 0; index < n; index += 1) {
    const value = values[index]! - centre;
    sums[index + 1] = sums[index]! + value;
    squares[index + 1] = squares[index]! + value * value;
  }
  return { sums, squares };
}

/** Residual sum of squares of values[from..to) about its mean. */
export function segmentCost(
  sums: Float64Array,
  squares: Float64Array,
  from: number,
  to: number,
): number {
  const total = sums[to]! - sums[from]!;
  return Math.max(0, squares[to]! - squares[from]! - (total * total) / (to - from));
}

/**
 * The optimal changes in mean of `values` (complete, in units where the noise variance is 1):
 * each returned position is the first step of a new segment, ascending. Minimises
 * sum of segment RSS + penalty x (number of changes) with every segment >= minSegment steps.
 */
export function pelt(values: ArrayLike<number>, options: PeltOptions): number[] {
  checkPeltInput(values, options);
  const n = values.length;
  const { penalty, minSegment } = options;
  if (n < 2 * minSegment) return [];
  const { sums, squares } = prefixSums(values);
  const best = new Float64Array(n + 1).fill(Infinity);
  const previous = new Int32Array(n + 1).fill(-1);
  best[0] = -penalty;
  // Candidate last-change positions, the step from which each is pruned, and its cost so far.
  const candidates = new Int32Array(n + 1);
  const prunedFrom = new Float64Array(n + 1);
  const totals = new Float64Array(n + 1);
  let count = 0;
  for (let end = minSegment; end <= n; end += 1) {
    // A segment may start at `end - minSegment` only if that is 0 or itself a valid end.
    const newest = end - minSegment;
    if (newest === 0 || newest >= minSegment) {
      candidates[count] = newest;
      prunedFrom[count] = Infinity;
      count += 1;
    }
    let minimum = Infinity;
    let argument = -1;
    const endSum = sums[end]!;
    const endSquares = squares[end]!;
    for (let index = 0; index < count; index += 1) {
      const start = candidates[index]!;
      const segmentTotal = endSum - sums[start]!;
      const cost = Math.max(
        0,
        endSquares - squares[start]! - (segmentTotal * segmentTotal) / (end - start),
      );
      const total = best[start]! + cost;
      totals[index] = total;
      if (total + penalty < minimum) {
        minimum = total + penalty;
        argument = start;
      }
    }
    best[end] = minimum;
    previous[end] = argument;
    // Pruning (Killick et al. 2012, Theorem 3.1 with K = 0 for the RSS cost): a start already
    // worse than the optimum at `end` can never win once a last segment can begin at `end`,
    // i.e. from end + minSegment on; before that it stays (minimum segment lengths).
    const tolerance = 1e-10 * Math.max(1, Math.abs(minimum));
    let kept = 0;
    for (let index = 0; index < count; index += 1) {
      let from = prunedFrom[index]!;
      if (from === Infinity && totals[index]! > minimum + tolerance) from = end + minSegment;
      if (from <= end + 1) continue;
      candidates[kept] = candidates[index]!;
      prunedFrom[kept] = from;
      kept += 1;
    }
    count = kept;
  }
  const changes: number[] = [];
  for (let start = previous[n]!; start > 0; start = previous[start]!) changes.push(start);
  return changes.reverse();
}

/**
 * Penalty per change in noise-variance units and the smallest shift reported, in robust sds.
 * high: BIC's 2 ln n (Schwarz 1978); medium and low: the 3 ln n per change of Zhang & Siegmund's
 * (2007) MBIC, as changepoint's "MBIC" penalty value (its segment-length term left out). A level
 * shift under 3 sds for a week or more is within ordinary weekly wobble of a sales series.
 */
export const CHANGE_POINT_SETTINGS: Record<
  Sensitivity,
  { penaltyPerLogN: number; minimumShift: number }
> = {
  low: { penaltyPerLogN: 3, minimumShift: 4 },
  medium: { penaltyPerLogN: 3, minimumShift: 3 },
  high: { penaltyPerLogN: 2, minimumShift: 2 },
};

const FALLBACK_MIN_SEGMENT = 5;
/** Deviations from the running median beyond this many sds are clipped before PELT. */
const CLIP = 3;
/** A seasonal period is removed only with this many cycles of data (fewer: it takes the shift). */
const CYCLES_FOR_SEASONAL = 4;

/** Persistence a change needs: one cycle of the shortest period (a week of days), or 5 steps. */
export function changeMinSegment(periods: readonly number[]): number {
  const usable = periods.filter((period) => Number.isInteger(period) && period >= 2);
  return usable.length > 0 ? Math.max(3, Math.min(...usable)) : FALLBACK_MIN_SEGMENT;
}

/** 1.4826 MAD of the first differences / sqrt 2: the noise sd, untouched by level shifts. */
function differenceScale(values: Float64Array): number {
  const n = values.length;
  const differences = new Float64Array(n - 1);
  for (let index = 1; index < n; index += 1) {
    differences[index - 1] = Math.abs(values[index]! - values[index - 1]!);
  }
  const sorted = Float64Array.from(differences).sort();
  const middle = sorted.length >> 1;
  const medianDifference =
    sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  // |d| has median 0.6745 sqrt(2) sd for normal d; the mean absolute difference when it is 0.
  let scale = (1.4826 * medianDifference) / Math.SQRT2;
  if (!(scale > 0)) {
    let total = 0;
    for (const difference of differences) total += difference;
    scale = (1.2533 * (total / differences.length)) / Math.SQRT2;
  }
  return scale;
}

function quiet(n: number, notes: string[]): DetectionResult {
  return { anomalies: [], scores: new Float64Array(n), notes };
}

function detect(input: DetectorInput): DetectionResult {
  const { values, periods, sensitivity } = input;
  const n = values.length;
  const minSegment = changeMinSegment(periods);
  const positions: number[] = [];
  for (let index = 0; index < n; index += 1) {
    if (Number.isFinite(values[index]) && input.explained?.[index] !== true) positions.push(index);
  }
  const needed = changePointDetector.minLength(periods);
  if (positions.length < needed) {
    return quiet(n, [
      `too short to judge: ${positions.length} usable steps, change points need ${needed}`,
    ]);
  }
  const usablePeriods = periods.filter(
    (period) => positions.length >= CYCLES_FOR_SEASONAL * period,
  );
  const adjustment = removeSeasonality(values, usablePeriods, {
    explained: input.explained,
    robustnessIterations: 4,
  });
  const notes = [...adjustment.notes];
  for (const period of periods) {
    if (!usablePeriods.includes(period)) {
      notes.push(`period ${period} not removed: fewer than ${CYCLES_FOR_SEASONAL} cycles of data`);
    }
  }
  if (positions.length < n)
    notes.push(`${n - positions.length} missing or explained steps skipped`);
  const level = Float64Array.from(
    positions,
    (index) => adjustment.filled[index]! - adjustment.seasonal[index]!,
  );
  const scale = differenceScale(level);
  if (!(scale > 0)) return quiet(n, [...notes, 'constant series: nothing stands out']);

  // Spikes shorter than half the window are clipped to 3 sds around a centred running median,
  // which keeps steps exactly, so one wild day cannot pass for a shifted segment.
  const centre = runningMedian(level, 2 * minSegment + 1);
  const standardised = Float64Array.from(level, (value, index) => {
    const deviation = Math.max(-CLIP * scale, Math.min(CLIP * scale, value - centre[index]!));
    return (centre[index]! + deviation) / scale;
  });
  const { penaltyPerLogN, minimumShift } = CHANGE_POINT_SETTINGS[sensitivity];
  const changes = pelt(standardised, {
    penalty: penaltyPerLogN * Math.log(positions.length),
    minSegment,
  });
  const bounds = [0, ...changes, positions.length];
  const segmentMean = (segment: number) => {
    let total = 0;
    for (let position = bounds[segment]!; position < bounds[segment + 1]!; position += 1) {
      total += standardised[position]!;
    }
    return (total / (bounds[segment + 1]! - bounds[segment]!)) * scale;
  };

  const scores = new Float64Array(n);
  const anomalies: DetectedAnomaly[] = [];
  for (let segment = 1; segment < bounds.length - 1; segment += 1) {
    const before = segmentMean(segment - 1);
    const after = segmentMean(segment);
    const score = Math.abs(after - before) / scale;
    const from = bounds[segment]!;
    const to = bounds[segment + 1]! - 1;
    scores[positions[from]!] = score;
    if (score < minimumShift) continue;
    let seasonalTotal = 0;
    let observedTotal = 0;
    for (let position = from; position <= to; position += 1) {
      seasonalTotal += adjustment.seasonal[positions[position]!]!;
      observedTotal += values[positions[position]!]!;
    }
    const count = to - from + 1;
    const expected = before + seasonalTotal / count;
    anomalies.push({
      start: positions[from]!,
      end: positions[to]!,
      kind: 'level_shift',
      score,
      expected,
      observed: observedTotal / count,
      expectedLower: expected - minimumShift * scale,
      expectedUpper: expected + minimumShift * scale,
      detector: 'pelt',
    });
  }
  return { anomalies, scores, notes };
}

/** PELT level shifts behind the Detector interface (name 'pelt'). */
export const changePointDetector: Detector = {
  name: 'pelt',
  minLength(periods: readonly number[]): number {
    return 3 * changeMinSegment(periods);
  },
  detect,
};
