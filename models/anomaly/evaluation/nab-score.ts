// NAB's own scoring (Lavin & Ahmad 2015, "Evaluating Real-time Anomaly Detection Algorithms — the
// Numenta Anomaly Benchmark", arXiv:1510.03336, section 4; NAB's sweeper), re-implemented from the
// paper's formulas and the NAB data README:
//   scaledSigmoid(y) = 2 / (1 + e^(5y)) - 1 for y < 3, and -1 from 3 on.
//   A point inside a window [l, r] (width w = r - l + 1) at index i has relative position
//   y = -(r - i + 1) / w in [-1, 0): its reward is tpWeight * scaledSigmoid(y) / scaledSigmoid(-1),
//   exactly tpWeight at the left edge and close to 0 at the right edge. Only the earliest detection
//   of a window counts (the rewards fall along the window, so that is the window's largest one).
//   A point outside every window costs fpWeight * scaledSigmoid(|i - r'| / (w' - 1)), with r', w'
//   the right edge and width of the previous window: close to 0 just after it, -fpWeight from
//   3 widths on; -fpWeight when no window came before it. Every such point counts.
//   A window with no detection costs -fnWeight.
//   The first 15 % of each series (at most 750 points) is probationary and not scored; a window
//   wholly inside it is dropped.
//   A point is a detection when its score is >= the threshold; one threshold serves the whole
//   corpus, the one that maximises the corpus total. The total is normalised to
//   100 * (raw - null) / (perfect - null), null = -fnWeight * windows (never alerting) and
//   perfect = tpWeight * windows (each window detected at its left edge).
import { checkWindows, probationaryLength, type IndexWindow } from './window-metrics';

export interface CostProfile {
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

export type NabProfileName = 'standard' | 'reward_low_FP_rate' | 'reward_low_FN_rate';

/** NAB's config/profiles.json (tnWeight is unused by the scoring). */
export const NAB_PROFILES: Readonly<Record<NabProfileName, CostProfile>> = {
  standard: { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  reward_low_FP_rate: { tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  reward_low_FN_rate: { tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
};

/** One series: its per-point anomaly scores (NaN is never a detection) and labelled windows. */
export interface NabSeries {
  scores: ArrayLike<number>;
  windows: readonly IndexWindow[];
}

export interface NabResult {
  /** Normalised score: 0 the null detector, 100 the perfect one; null when there are no windows. */
  score: number | null;
  /** Corpus total at the best threshold. */
  raw: number;
  /** Detections are scores >= threshold; null when alerting nothing scores best. */
  threshold: number | null;
  detectedWindows: number;
  /** Points outside every window at or above the threshold (after probation). */
  falsePositives: number;
  windows: number;
}

/** 2 / (1 + e^(5y)) - 1, or -1 from 3 on (NAB's scaledSigmoid). */
export function scaledSigmoid(position: number): number {
  if (position >= 3) return -1;
  return 2 / (1 + Math.exp(5 * position)) - 1;
}

const LEFT_EDGE = scaledSigmoid(-1);

/** Scorable points of a corpus in descending score order, with their profile-free weights. */
export interface NabCorpus {
  /** Anomaly scores, descending. */
  scores: Float64Array;
  /** Corpus-wide window id of each point, -1 outside every window. */
  window: Int32Array;
  /** scaledSigmoid of the point's position (inside a window: before dividing by its left-edge value). */
  unweighted: Float64Array;
  windows: number;
}

interface PointBuffer {
  scores: number[];
  window: number[];
  unweighted: number[];
}

/** Adds the scorable points of one series; returns how many of its windows are scored. */
function addSeries(
  series: NabSeries,
  position: number,
  firstId: number,
  into: PointBuffer,
): number {
  const length = series.scores.length;
  try {
    checkWindows(series.windows, length);
  } catch (error) {
    throw new RangeError(`series[${position}]: ${(error as Error).message}`);
  }
  const probation = probationaryLength(length);
  let nextWindow = 0;
  let current: IndexWindow | undefined;
  let previous: IndexWindow | undefined;
  for (let index = 0; index < length; index += 1) {
    const upcoming = series.windows[nextWindow];
    if (upcoming !== undefined && index === upcoming.start) {
      current = upcoming;
      nextWindow += 1;
    }
    const score = series.scores[index] as number;
    if (index >= probation && !Number.isNaN(score)) {
      let unweighted: number;
      if (current !== undefined)
        unweighted = scaledSigmoid(-(current.end - index + 1) / (current.end - current.start + 1));
      else if (previous === undefined) unweighted = -1;
      else
        unweighted = scaledSigmoid(
          Math.abs(index - previous.end) / (previous.end - previous.start),
        );
      into.scores.push(score);
      into.window.push(current === undefined ? -1 : firstId + nextWindow - 1);
      into.unweighted.push(unweighted);
    }
    if (current !== undefined && index === current.end) {
      previous = current;
      current = undefined;
    }
  }
  // a window wholly inside the probationary period is neither scored nor counted as missed
  return series.windows.filter((window) => window.end >= probation).length;
}

/** Gathers the scorable points of every series, sorted by descending anomaly score. */
export function prepareNabCorpus(series: readonly NabSeries[]): NabCorpus {
  const buffer: PointBuffer = { scores: [], window: [], unweighted: [] };
  let firstId = 0;
  let windows = 0;
  series.forEach((one, position) => {
    windows += addSeries(one, position, firstId, buffer);
    firstId += one.windows.length;
  });
  const order = Array.from(buffer.scores.keys()).sort(
    (a, b) => (buffer.scores[b] as number) - (buffer.scores[a] as number),
  );
  const count = order.length;
  const corpus: NabCorpus = {
    scores: new Float64Array(count),
    window: new Int32Array(count),
    unweighted: new Float64Array(count),
    windows,
  };
  order.forEach((from, to) => {
    corpus.scores[to] = buffer.scores[from] as number;
    corpus.window[to] = buffer.window[from] as number;
    corpus.unweighted[to] = buffer.unweighted[from] as number;
  });
  return corpus;
}

function checkProfile(profile: CostProfile): void {
  for (const name of ['tpWeight', 'fpWeight', 'fnWeight'] as const)
    if (!(Number.isFinite(profile[name]) && profile[name] >= 0))
      throw new RangeError(`profile.${name}: ${profile[name]} must be a finite number >= 0`);
}

/**
 * The threshold sweep: lowering the threshold one distinct score at a time, each point adds its
 * weight (outside windows) or raises its window's reward to the larger one (inside), and the
 * first detection in a window also cancels that window's -fnWeight. The best total wins (the
 * highest threshold among equal totals, alerting nothing when nothing beats the null detector).
 */
export function sweepNab(corpus: NabCorpus, profile: CostProfile): NabResult {
  checkProfile(profile);
  const { tpWeight, fpWeight, fnWeight } = profile;
  const nullTotal = -fnWeight * corpus.windows;
  const best = { raw: nullTotal, threshold: null as number | null, detected: 0, falsePositives: 0 };
  const reward = new Map<number, number>();
  let total = nullTotal;
  let falsePositives = 0;
  const count = corpus.scores.length;
  let index = 0;
  while (index < count) {
    const threshold = corpus.scores[index] as number;
    while (index < count && corpus.scores[index] === threshold) {
      const window = corpus.window[index] as number;
      const unweighted = corpus.unweighted[index] as number;
      if (window < 0) {
        total += fpWeight * unweighted;
        falsePositives += 1;
      } else {
        const weight = (tpWeight * unweighted) / LEFT_EDGE;
        const before = reward.get(window);
        if (before === undefined) {
          total += fnWeight + weight;
          reward.set(window, weight);
        } else if (weight > before) {
          total += weight - before;
          reward.set(window, weight);
        }
      }
      index += 1;
    }
    if (total > best.raw) {
      best.raw = total;
      best.threshold = threshold;
      best.detected = reward.size;
      best.falsePositives = falsePositives;
    }
  }
  const perfectTotal = tpWeight * corpus.windows;
  const span = perfectTotal - nullTotal;
  return {
    score: span > 0 ? (100 * (best.raw - nullTotal)) / span : null,
    raw: best.raw,
    threshold: best.threshold,
    detectedWindows: best.detected,
    falsePositives: best.falsePositives,
    windows: corpus.windows,
  };
}

/** NAB scores of a corpus for each profile (default: NAB's three). */
export function nabScores<Name extends string = NabProfileName>(
  series: readonly NabSeries[],
  profiles: Readonly<Record<Name, CostProfile>> = NAB_PROFILES as Readonly<
    Record<Name, CostProfile>
  >,
): Record<Name, NabResult> {
  const corpus = prepareNabCorpus(series);
  const results = {} as Record<Name, NabResult>;
  for (const name of Object.keys(profiles) as Name[])
    results[name] = sweepNab(corpus, profiles[name]);
  return results;
}
