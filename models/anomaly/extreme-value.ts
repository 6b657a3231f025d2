// Peaks-over-threshold detection (Siffer et al. 2017, "Anomaly detection in streams with extreme
// value theory", KDD): each step's value and its departure from the recent median are scored by
// the probability of something as extreme, from a generalized Pareto tail fitted to the series'
// own highest and lowest 2 %; a step is anomalous when that probability is below a fixed risk.
// The scale is a probability, so one threshold means the same on every series, whatever its units
// or noise; that is what a threshold swept over many series (NAB) and a fixed sensitivity need.
import type {
  AnomalyKind,
  DetectedAnomaly,
  DetectionResult,
  Detector,
  DetectorInput,
  Sensitivity,
} from './detector';
import { fitGpd, gpdQuantile, gpdSurvival, type GpdFit } from './gpd';
import { runningMedian } from '../stats/running-median';

export interface ExtremeValueSettings {
  /** Fraction of each tail the GPD is fitted to (the POT threshold is its quantile). */
  tailFraction: number;
  /** Peaks scoring this much (-log10 probability) under the tail fitted without them are held out of it. */
  holdOutScore: number;
  /** Fewest exceedances for a fit; fewer and the tail is judged by the robust normal instead. */
  minExceedances: number;
  /** -log10 of the risk per step (after the correction for the tests made) at each sensitivity. */
  thresholds: Record<Sensitivity, number>;
  /** Steps in the trailing window whose median is the local expectation. */
  localWindow(periods: readonly number[]): number;
  /** Previous cycles whose same-phase median is the seasonal expectation (0: no seasonal channel). */
  seasonalCycles: number;

  /** Flagged steps this close together are one anomaly. */
  mergeGap(periods: readonly number[]): number;
}

export const EXTREME_VALUE_SETTINGS: ExtremeValueSettings = {
  tailFraction: 0.01,
  holdOutScore: 6,
  minExceedances: 10,
  thresholds: { low: 3.5, medium: 3, high: 2.5 },
  localWindow: () => 24,
  seasonalCycles: 3,

  mergeGap: (periods) => periods[0] ?? 12,
};

const LARGEST_SCORE = 15;
const MIN_LENGTH = 50;

/** One tail of one channel: where the POT threshold is, its GPD, and how much mass lies beyond. */
interface TailModel {
  threshold: number;
  fit: GpdFit | null;
  /** Fraction of the sample above the threshold. */
  rate: number;
  /** Robust centre and scale, for the normal fallback when the tail is too thin to fit. */
  centre: number;
  spread: number;
  /** The sample, sorted ascending, for empirical tail probabilities. */
  sorted: Float64Array;
}

/** Fraction of the sample at or above `value` (binary search in the sorted sample). */
function empiricalSurvival(value: number, sorted: Float64Array): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return (sorted.length - low) / sorted.length;
}

function quantileOfSorted(sorted: Float64Array, probability: number): number {
  const position = probability * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

function fitTail(sample: Float64Array, settings: ExtremeValueSettings): TailModel {
  const sorted = Float64Array.from(sample).sort();
  const centre = quantileOfSorted(sorted, 0.5);
  const deviations = Float64Array.from(sorted, (value) => Math.abs(value - centre)).sort();
  const spread = 1.4826 * quantileOfSorted(deviations, 0.5);
  // at least twice the fewest exceedances a fit needs, so a short series still gets a fitted tail
  // with room to hold its largest peaks out
  const tail = Math.max(settings.tailFraction, (2 * settings.minExceedances) / sorted.length);
  const threshold = quantileOfSorted(sorted, 1 - Math.min(0.5, tail));
  const exceedances: number[] = [];
  for (let index = sorted.length - 1; index >= 0 && sorted[index]! > threshold; index -= 1)
    exceedances.push(sorted[index]! - threshold);
  if (exceedances.length < settings.minExceedances)
    return {
      threshold,
      fit: null,
      rate: exceedances.length / sorted.length,
      centre,
      spread,
      sorted,
    };
  // Sequential outlier test from the top, as in generalized ESD (Rosner 1983) but on the GPD: the
  // largest peak is held out while it is extreme under the tail fitted without it, so a sustained
  // anomaly that fills part of the tail does not make the tail heavy enough to hide itself (SPOT
  // likewise never updates its tail with alarms).
  let heldOut = 0;
  const limit = Math.min(exceedances.length >> 1, exceedances.length - settings.minExceedances);
  while (heldOut < limit) {
    const rest = exceedances.slice(heldOut + 1);
    // judged under an unbounded (exponential or heavier) tail, so that a bounded fit to the rest
    // cannot call the top peak impossible merely for lying past its end point
    const restFit = fitGpd(rest);
    const fit = { shape: Math.max(0, restFit.shape), scale: restFit.scale };
    const rate = rest.length / sorted.length;
    const probability = rate * gpdSurvival(exceedances[heldOut]!, fit);
    if (!(probability < Math.pow(10, -settings.holdOutScore))) break;
    heldOut += 1;
  }
  const kept = exceedances.slice(heldOut);
  return {
    threshold,
    fit: fitGpd(kept),
    rate: kept.length / sorted.length,
    centre,
    spread,
    sorted,
  };
}

/** -log10 P(X >= value) under the tail model (0 inside the body of the distribution). */
function tailScore(value: number, tail: TailModel): number {
  let probability: number;
  if (tail.fit !== null) {
    if (value <= tail.threshold) return 0;
    probability = tail.rate * gpdSurvival(value - tail.threshold, tail.fit);
  } else {
    if (value <= tail.centre) return 0;
    const z = tail.spread > 0 ? (value - tail.centre) / tail.spread : Infinity;
    // Mills-ratio bound of the normal tail, accurate in the far tail where it matters
    const normal = Math.exp(-0.5 * z * z) / (z * Math.sqrt(2 * Math.PI) + 1);
    // never below the sample's own frequency: with ties at the top (a square wave, a metric
    // pinned at its maximum) the normal calls values impossible that the series shows often
    probability = Math.max(normal, empiricalSurvival(value, tail.sorted));
  }
  return probability <= 0 ? LARGEST_SCORE : Math.min(LARGEST_SCORE, -Math.log10(probability));
}

/** The value beyond which a step scores `score` (the inverse of tailScore), for explanations. */
function tailBound(score: number, tail: TailModel): number {
  const probability = Math.pow(10, -score);
  if (tail.fit !== null && probability < tail.rate)
    return tail.threshold + gpdQuantile(probability / tail.rate, tail.fit);
  return tail.centre + score * 1.6 * tail.spread;
}

interface Channel {
  /** Value per step on the channel's scale; NaN where it cannot be scored. */
  values: Float64Array;
  /** What the step was expected to be in the data's units (the channel's zero). */
  expected: Float64Array;
}

/** The series with explained steps treated as missing, gaps carried forward (for expectations). */
function fillForward(series: Float64Array, explained: (index: number) => boolean, start: number) {
  const filled = new Float64Array(series.length);
  let last = start;
  for (let index = 0; index < series.length; index += 1) {
    const value = series[index]!;
    if (Number.isFinite(value) && !explained(index)) last = value;
    filled[index] = last;
  }
  return filled;
}

function buildChannels(
  series: Float64Array,
  explained: (index: number) => boolean,
  periods: readonly number[],
  settings: ExtremeValueSettings,
): Channel[] {
  const n = series.length;
  const overallMedian = (() => {
    const finite = series.filter((value) => Number.isFinite(value)).sort();
    return finite.length === 0 ? 0 : quantileOfSorted(finite, 0.5);
  })();
  const level: Channel = {
    values: Float64Array.from(series, (value) => value - overallMedian),
    expected: new Float64Array(n).fill(overallMedian),
  };
  const width = settings.localWindow(periods) | 1;
  const filled = fillForward(series, explained, overallMedian);
  const centred = runningMedian(filled, width);
  const half = width >> 1;
  const local: Channel = {
    values: new Float64Array(n).fill(Number.NaN),
    expected: new Float64Array(n).fill(Number.NaN),
  };
  for (let index = width; index < n; index += 1) {
    // the median of the `width` steps before this one is the centred median at index - 1 - half
    const expected = centred[index - 1 - half]!;
    local.expected[index] = expected;
    local.values[index] = series[index]! - expected;
  }
  const channels = [level, local];
  const cycles = settings.seasonalCycles;
  // the shortest cycle only: a weekly channel beside the daily one was measured to add nothing on NAB
  const period = periods[0];
  if (
    period !== undefined &&
    Number.isInteger(period) &&
    period >= 2 &&
    cycles > 0 &&
    n >= (cycles + 2) * period
  ) {
    const seasonal: Channel = {
      values: new Float64Array(n).fill(Number.NaN),
      expected: new Float64Array(n).fill(Number.NaN),
    };
    const same = new Float64Array(cycles);
    for (let index = cycles * period; index < n; index += 1) {
      // the median of the same phase in the previous cycles: the seasonal naive expectation
      for (let cycle = 1; cycle <= cycles; cycle += 1)
        same[cycle - 1] = filled[index - cycle * period]!;
      const expected = quantileOfSorted(Float64Array.from(same).sort(), 0.5);
      seasonal.expected[index] = expected;
      seasonal.values[index] = series[index]! - expected;
    }
    channels.push(seasonal);
  }
  return channels;
}

/**
 * Each step's score: -log10 of the smallest tail probability over the channels and both tails,
 * times the number of tests made (Bonferroni), so that on a series without anomalies a step scores
 * s or more with probability about 10^-s. Missing and explained steps score 0.
 */
export function scoreSteps(
  series: Float64Array,
  explained: (index: number) => boolean,
  periods: readonly number[],
  settings: ExtremeValueSettings = EXTREME_VALUE_SETTINGS,
): ScoredSteps {
  const n = series.length;
  const scores = new Float64Array(n);
  const channels = buildChannels(series, explained, periods, settings);
  const tests = channels.length * 2;
  const correction = Math.log10(tests);
  const direction = new Int8Array(n);
  const source = new Int8Array(n);
  const tails: Array<[TailModel | null, TailModel | null]> = [];
  channels.forEach((channel, channelIndex) => {
    const modelled: [TailModel | null, TailModel | null] = [null, null];
    for (const sign of [1, -1] as const) {
      const sample = channel.values
        .filter((value, index) => Number.isFinite(value) && !explained(index))
        .map((value) => sign * value);
      if (sample.length < MIN_LENGTH) continue;
      const tail = fitTail(sample, settings);
      modelled[sign > 0 ? 0 : 1] = tail;
      for (let index = 0; index < n; index += 1) {
        const value = channel.values[index]!;
        if (!Number.isFinite(value) || explained(index)) continue;
        const score = Math.max(0, tailScore(sign * value, tail) - correction);
        if (score > scores[index]!) {
          scores[index] = score;
          direction[index] = sign;
          source[index] = channelIndex;
        }
      }
    }
    tails.push(modelled);
  });
  return { channels, tails, scores, direction, source };
}

function detect(input: DetectorInput, settings: ExtremeValueSettings): DetectionResult {
  const n = input.values.length;
  const series = Float64Array.from(input.values, (value) =>
    Number.isFinite(value) ? value : Number.NaN,
  );
  const notes: string[] = [];
  const explained = (index: number) => input.explained?.[index] === true;
  let usable = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  series.forEach((value, index) => {
    if (Number.isNaN(value) || explained(index)) return;
    usable += 1;
    lowest = Math.min(lowest, value);
    highest = Math.max(highest, value);
  });
  if (usable < MIN_LENGTH) {
    notes.push(
      `too short to judge: ${usable} usable values (not missing, not explained); at least ${MIN_LENGTH} are needed`,
    );
    return { anomalies: [], scores: new Float64Array(n), notes };
  }
  if (lowest === highest) {
    notes.push(`constant series: every usable value is ${lowest}, so nothing stands out`);
    return { anomalies: [], scores: new Float64Array(n), notes };
  }
  const steps = scoreSteps(series, explained, input.periods, settings);
  const { scores } = steps;
  const correction = Math.log10(steps.channels.length * 2);
  const threshold = settings.thresholds[input.sensitivity];
  const gap = Math.max(1, settings.mergeGap(input.periods));
  const anomalies: DetectedAnomaly[] = [];
  let start = -1;
  let end = -1;
  const close = () => {
    if (start < 0) return;
    anomalies.push(
      describe(input.values, steps, start, end, {
        boundScore: threshold + correction,
        gap,
      }),
    );
    start = -1;
  };
  for (let index = 0; index < n; index += 1) {
    if (!(scores[index]! >= threshold)) continue;
    if (start >= 0 && index - end > gap) close();
    if (start < 0) start = index;
    end = index;
  }
  close();
  return { anomalies, scores: onsetScores(scores, gap), notes };
}

/**
 * The scores reported for sweeps: a step keeps its score only when it beats every score of the
 * `gap` steps before it, so an event is scored where it starts (and where it grows), not again
 * at each of its steps; a threshold swept over them then counts events, not their lengths.
 */
export function onsetScores(scores: Float64Array, gap: number): Float64Array {
  const onset = new Float64Array(scores.length);
  // indices of a sliding-window maximum, scores decreasing from the front
  const window = new Int32Array(scores.length);
  let head = 0;
  let tail = 0;
  for (let index = 0; index < scores.length; index += 1) {
    while (head < tail && window[head]! < index - gap) head += 1;
    const previous = head < tail ? scores[window[head]!]! : 0;
    const score = scores[index]!;
    onset[index] = score > previous ? score : 0;
    while (head < tail && scores[window[tail - 1]!]! <= score) tail -= 1;
    window[tail] = index;
    tail += 1;
  }
  return onset;
}

/** Every step's score and where it came from. */
interface ScoredSteps {
  channels: readonly Channel[];
  /** Upper and lower tail model of each channel (null where too few values to fit). */
  tails: ReadonlyArray<readonly [TailModel | null, TailModel | null]>;
  scores: Float64Array;
  /** +1 upper tail, -1 lower tail, of the step's best score. */
  direction: Int8Array;
  /** Channel index of the step's best score. */
  source: Int8Array;
}

function describe(
  values: readonly number[],
  { channels, tails, scores, direction, source }: ScoredSteps,
  start: number,
  end: number,
  { boundScore, gap }: { boundScore: number; gap: number },
): DetectedAnomaly {
  let peak = start;
  for (let index = start; index <= end; index += 1)
    if (scores[index]! > scores[peak]!) peak = index;
  const sign = direction[peak]!;
  const channel = channels[source[peak]!]!;
  const [upperTail, lowerTail] = tails[source[peak]!]!;
  let expected = 0;
  let observed = 0;
  let count = 0;
  for (let index = start; index <= end; index += 1) {
    if (!Number.isFinite(values[index]!) || !Number.isFinite(channel.expected[index]!)) continue;
    expected += channel.expected[index]!;
    observed += values[index]!;
    count += 1;
  }
  expected = count > 0 ? expected / count : channel.expected[peak]!;
  observed = count > 0 ? observed / count : values[peak]!;
  const kind: AnomalyKind = end - start >= gap ? 'level_shift' : sign > 0 ? 'spike' : 'drop';
  return {
    start,
    end,
    kind,
    score: scores[peak]!,
    expected,
    observed,
    expectedLower: lowerTail
      ? Math.min(expected, expected - tailBound(boundScore, lowerTail))
      : expected,
    expectedUpper: upperTail
      ? Math.max(expected, expected + tailBound(boundScore, upperTail))
      : expected,
    detector: 'evt',
  };
}

export function createExtremeValueDetector(
  settings: ExtremeValueSettings = EXTREME_VALUE_SETTINGS,
): Detector {
  return {
    name: 'evt',
    minLength: () => MIN_LENGTH,
    detect: (input) => detect(input, settings),
  };
}

export const extremeValueDetector = createExtremeValueDetector();
