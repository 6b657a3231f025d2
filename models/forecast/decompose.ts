// Classical decomposition by moving averages (as R's `decompose`, Kendall & Stuart 1983) and
// the 90% autocorrelation seasonality test of the M4 benchmarks (Makridakis, Spiliotis &
// Assimakopoulos 2020; M4 Competitor's Guide), used to seasonally adjust Naive2 and Theta.
import { autocorrelations } from '../stats/descriptive';
import { normalQuantile } from '../stats/normal';

export type DecompositionType = 'multiplicative' | 'additive';

export interface Decomposition {
  type: DecompositionType;
  /** Centred moving average, NaN where the window does not fit (the first and last m/2). */
  trend: number[];
  /** Seasonal component per position (length n). */
  seasonal: number[];
  /** Seasonal indices by position in the cycle; index 0 is the position of the first value. */
  figure: number[];
  /** values / (trend * seasonal) or values - trend - seasonal. */
  remainder: number[];
}

function checkSeries(values: readonly number[], period: number): void {
  if (!Number.isInteger(period) || period < 2) {
    throw new RangeError(`period: ${String(period)} must be a whole number of at least 2`);
  }
  if (values.length < 2 * period) {
    throw new RangeError(
      `values: a decomposition with period ${period} needs at least ${2 * period} values (two full cycles), got ${values.length}`,
    );
  }
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) {
      throw new RangeError(
        `values[${index}]: ${String(value)} is not a finite number; fill gaps first`,
      );
    }
  });
}

/** Centred moving average of order `period` (a 2 x m average when the period is even). */
export function centredMovingAverage(values: readonly number[], period: number): number[] {
  const half = Math.floor(period / 2);
  const even = period % 2 === 0;
  const trend = new Array<number>(values.length).fill(Number.NaN);
  for (let centre = half; centre + half < values.length; centre += 1) {
    let total = 0;
    for (let offset = -half; offset <= half; offset += 1) {
      const weight = even && Math.abs(offset) === half ? 0.5 : 1;
      total += weight * (values[centre + offset] as number);
    }
    trend[centre] = total / period;
  }
  return trend;
}

/** Classical decomposition, identical to R's `decompose(x, type)` for complete series. */
export function classicalDecomposition(
  values: readonly number[],
  period: number,
  type: DecompositionType = 'multiplicative',
): Decomposition {
  checkSeries(values, period);
  if (type !== 'multiplicative' && type !== 'additive') {
    throw new RangeError(`type: "${String(type)}" must be "multiplicative" or "additive"`);
  }
  const multiplicative = type === 'multiplicative';
  const trend = centredMovingAverage(values, period);
  const totals = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  values.forEach((value, index) => {
    const level = trend[index] as number;
    if (Number.isNaN(level)) return;
    const ratio = multiplicative ? value / level : value - level;
    if (Number.isNaN(ratio)) return;
    totals[index % period] = (totals[index % period] as number) + ratio;
    counts[index % period] = (counts[index % period] as number) + 1;
  });
  const raw = totals.map((total, index) => total / (counts[index] as number));
  const average = raw.reduce((sum, value) => sum + value, 0) / period;
  const figure = raw.map((value) => (multiplicative ? value / average : value - average));
  const seasonal = values.map((_, index) => figure[index % period] as number);
  const remainder = values.map((value, index) => {
    const level = trend[index] as number;
    const season = seasonal[index] as number;
    return multiplicative ? value / season / level : value - season - level;
  });
  return { type, trend, seasonal, figure, remainder };
}

/**
 * Which length rule and critical value the seasonality test uses:
 * - 'm4': the M4 benchmarks' `SeasonalityTest` (n >= 3m, critical value 1.645);
 * - 'thetaf': R forecast's `thetaf` (n > 2m, non-constant series, critical value qnorm(0.95)).
 */
export type SeasonalityRule = 'm4' | 'thetaf';

export interface SeasonalityTestResult {
  seasonal: boolean;
  /** r_m, the autocorrelation at the seasonal lag (NaN when not computed). */
  autocorrelation: number;
  /** The 90% limit 1.645 * sqrt((1 + 2 sum_{k<m} r_k^2) / n) (NaN when not computed). */
  limit: number;
  /** Why the test was not run, when it was not. */
  skipped?: string;
}

/** Is the series seasonal at lag m? |r_m| > 1.645 sqrt((1 + 2 sum_{k=1}^{m-1} r_k^2) / n). */
export function seasonalityTest(
  values: readonly number[],
  period: number,
  rule: SeasonalityRule = 'm4',
): SeasonalityTestResult {
  const count = values.length;
  const none = { seasonal: false, autocorrelation: Number.NaN, limit: Number.NaN };
  if (period <= 1) return { ...none, skipped: 'period 1 has no seasonality' };
  const enough = rule === 'm4' ? count >= 3 * period : count > 2 * period;
  if (!enough) {
    const needed = rule === 'm4' ? `at least ${3 * period}` : `more than ${2 * period}`;
    return { ...none, skipped: `the seasonality test needs ${needed} values, got ${count}` };
  }
  const first = values[0] as number;
  if (values.every((value) => value === first))
    return { ...none, skipped: 'the series is constant' };
  const correlations = autocorrelations(values, period);
  let squares = 0;
  for (let lag = 1; lag < period; lag += 1) squares += (correlations[lag - 1] as number) ** 2;
  const critical = rule === 'm4' ? 1.645 : normalQuantile(0.95);
  const limit = critical * Math.sqrt((1 + 2 * squares) / count);
  const autocorrelation = correlations[period - 1] as number;
  return { seasonal: Math.abs(autocorrelation) > limit, autocorrelation, limit };
}

export interface SeasonalAdjustment {
  /** Seasonally adjusted values (the input itself when not seasonal). */
  adjusted: number[];
  seasonal: boolean;
  /** Multiplicative indices per input position (all 1 when not seasonal). */
  indices: number[];
  /** The indices for the `steps` positions after the series. */
  future: (steps: number) => number[];
  test: SeasonalityTestResult;
  notes: string[];
}

/**
 * M4-style seasonal adjustment: when the 90% test finds seasonality, divide by the indices of
 * a classical multiplicative decomposition; otherwise leave the series as it is.
 */
export function seasonallyAdjust(
  values: readonly number[],
  period: number,
  rule: SeasonalityRule = 'm4',
): SeasonalAdjustment {
  const test = seasonalityTest(values, period, rule);
  const unadjusted = (notes: string[]): SeasonalAdjustment => ({
    adjusted: [...values],
    seasonal: false,
    indices: values.map(() => 1),
    future: (steps) => new Array<number>(steps).fill(1),
    test,
    notes,
  });
  if (!test.seasonal) {
    return unadjusted(
      period > 1 && test.skipped ? [`Not seasonally adjusted: ${test.skipped}.`] : [],
    );
  }
  if (values.some((value) => value <= 0)) {
    return unadjusted([
      'Not seasonally adjusted: the multiplicative decomposition needs positive values and the series has zeros or negatives.',
    ]);
  }
  const decomposition = classicalDecomposition(values, period, 'multiplicative');
  // As R's thetaf: indices near zero would blow the adjusted series up.
  if (decomposition.figure.some((index) => Math.abs(index) < 1e-4)) {
    return unadjusted(['Not seasonally adjusted: seasonal indices close to zero.']);
  }
  const figure = decomposition.figure;
  const count = values.length;
  return {
    adjusted: values.map((value, index) => value / (decomposition.seasonal[index] as number)),
    seasonal: true,
    indices: decomposition.seasonal,
    future: (steps) =>
      Array.from({ length: steps }, (_, step) => figure[(count + step) % period] as number),
    test,
    notes: [
      `Seasonal at lag ${period} (r = ${test.autocorrelation.toFixed(3)} > ${test.limit.toFixed(3)}): adjusted by a classical multiplicative decomposition.`,
    ],
  };
}
