// The ETS engine's entry points: fitEts (validation, missing values, constant and short
// series, the automatic or fixed choice of form) and forecastEts. Follows R forecast 8.x's
// ets() defaults (Hyndman & Khandakar 2008; Hyndman et al. 2008) so that fits and forecasts
// match R's.
import type { EtsModel, FitSettings } from './fit';
import { type EtsForecast, type ForecastOptions, forecastModel } from './intervals';
import {
  type BoundsRule,
  type ModelPattern,
  DEFAULT_LOWER,
  DEFAULT_UPPER,
  isRestrictedForm,
  parseModelCode,
} from './model-spec';
import { type CandidateScore, type InformationCriterion, selectModel } from './select';
import { constantModel, fitSimpleSmoothing } from './short-series';

/** Largest seasonal period ETS models (R: "I can't handle data with frequency greater than 24"). */
export const MAX_SEASONAL_PERIOD = 24;

export interface EtsOptions {
  /** Model code: three letters error/trend/season, Z = choose ("ZZZ", default), "AAN", "AAdN", "MAM"... */
  model?: string;
  /** Fix damping (true/false); undefined tries both where a trend is possible. */
  damped?: boolean;
  /** Criterion for the automatic choice; default 'aicc'. */
  ic?: InformationCriterion;
  /** Allow multiplicative trends in the search; default false (as R). */
  allowMultiplicativeTrend?: boolean;
  /** Only additive components; default false. */
  additiveOnly?: boolean;
  /** Exclude forms with infinite forecast variance; default true (as R). */
  restrict?: boolean;
  /** Parameter region: 'both' (default), 'usual' or 'admissible'. */
  bounds?: BoundsRule;
  /** Lower bounds for alpha, beta, gamma, phi; default [1e-4, 1e-4, 1e-4, 0.8]. */
  lower?: readonly number[];
  /** Upper bounds; default [0.9999, 0.9999, 0.9999, 0.98]. */
  upper?: readonly number[];
  /** Most likelihood evaluations per form (R's maxit); default 2000. */
  maxEvaluations?: number;
}

export interface EtsFit {
  model: EtsModel;
  /** 'likelihood' (maximum likelihood), 'simple' (short series: simple initial values, least squares), 'constant'. */
  estimation: 'likelihood' | 'simple' | 'constant';
  /** The forms tried and their criterion values (likelihood estimation only). */
  candidates: CandidateScore[];
  /** Plain-language notes: missing values, fallbacks, forms excluded. */
  notes: string[];
  /** values[start..end) is the stretch the model was fitted to (the longest without missing values). */
  start: number;
  end: number;
}

/** The longest run of non-missing values (R's na.contiguous; the first one on ties). */
export function longestStretch(values: readonly number[]): { start: number; end: number } {
  let bestStart = 0;
  let bestEnd = 0;
  let runStart = -1;
  for (let index = 0; index <= values.length; index += 1) {
    const present = index < values.length && !Number.isNaN(values[index]);
    if (present && runStart < 0) runStart = index;
    if (!present && runStart >= 0) {
      if (index - runStart > bestEnd - bestStart) {
        bestStart = runStart;
        bestEnd = index;
      }
      runStart = -1;
    }
  }
  return { start: bestStart, end: bestEnd };
}

/** R's is.constant: all.equal to the first value (mean relative difference below 1.5e-8). */
function isConstant(y: Float64Array): boolean {
  const first = y[0] as number;
  let difference = 0;
  for (let t = 0; t < y.length; t += 1) difference += Math.abs((y[t] as number) - first);
  const scale = Math.abs(first) * y.length;
  return scale > 0 ? difference / scale < 1.5e-8 : difference < 1.5e-8 * y.length;
}

function checkOptions(options: EtsOptions): void {
  const { lower = DEFAULT_LOWER, upper = DEFAULT_UPPER } = options;
  if (lower.length !== 4 || upper.length !== 4) {
    throw new RangeError('lower/upper: give four bounds each, for alpha, beta, gamma and phi');
  }
  lower.forEach((value, index) => {
    if (!(value <= (upper[index] as number))) {
      throw new RangeError(
        `lower[${index}] = ${value} exceeds upper[${index}] = ${String(upper[index])}`,
      );
    }
  });
  if (options.ic !== undefined && !['aicc', 'aic', 'bic'].includes(options.ic)) {
    throw new RangeError(`ic: ${JSON.stringify(options.ic)} must be 'aicc', 'aic' or 'bic'`);
  }
  if (options.bounds !== undefined && !['both', 'usual', 'admissible'].includes(options.bounds)) {
    throw new RangeError(
      `bounds: ${JSON.stringify(options.bounds)} must be 'both', 'usual' or 'admissible'`,
    );
  }
  const maxEvaluations = options.maxEvaluations ?? 2000;
  if (!Number.isInteger(maxEvaluations) || maxEvaluations < 1) {
    throw new RangeError(`maxEvaluations: ${String(maxEvaluations)} must be a whole number >= 1`);
  }
}

/** R's rule: a form with npars parameters needs more than npars + 4 observations. */
function parameterFloor(pattern: ModelPattern, period: number): number {
  let count = 2;
  if (pattern.trend === 'A' || pattern.trend === 'M') count += 2;
  if (pattern.season === 'A' || pattern.season === 'M') count += period;
  if (pattern.damped === true) count += 1;
  return count;
}

/**
 * Fits an ETS model to `values` (NaN = missing; the longest stretch without gaps is used) with
 * seasonal `period` (1 = none). Throws RangeError/TypeError naming the argument on bad input.
 */
export function fitEts(
  values: readonly number[],
  period: number,
  options: EtsOptions = {},
): EtsFit {
  if (!Array.isArray(values))
    throw new TypeError('values: expected an array of numbers (NaN for missing)');
  values.forEach((value: unknown, index) => {
    if (typeof value !== 'number')
      throw new TypeError(`values[${index}]: ${String(value)} is not a number`);
    if (value === Infinity || value === -Infinity) {
      throw new RangeError(`values[${index}]: ${value} is not finite; use NaN for a missing value`);
    }
  });
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`period: ${String(period)} must be a whole number >= 1`);
  }
  checkOptions(options);
  const pattern = parseModelCode(options.model ?? 'ZZZ', options.damped);
  const notes: string[] = [];
  const { start, end } = longestStretch(values);
  if (end - start < 1) throw new RangeError('values: no observations (empty or all missing)');
  if (end - start < values.length) {
    const present = values.filter((value) => !Number.isNaN(value)).length;
    if (present > end - start) {
      notes.push(
        `Missing values: fitted the longest stretch without gaps, positions ${start + 1} to ${end} (${end - start} of ${present} observations), as R's ets does.`,
      );
    }
  }
  const y = Float64Array.from(values.slice(start, end));
  const n = y.length;
  const positive = y.every((value) => value > 0);

  if (n >= 2 && isConstant(y)) {
    notes.push('The series is constant: its forecasts repeat that value.');
    return { model: constantModel(y), estimation: 'constant', candidates: [], notes, start, end };
  }
  if (pattern.error === 'M' && !positive) {
    throw new RangeError(
      'model: multiplicative errors need strictly positive values; use error A or Z',
    );
  }
  if ((options.restrict ?? true) && isRestrictedForm(pattern)) {
    throw new RangeError(
      `model: ${options.model} has infinite forecast variance (forbidden while restrict = true)`,
    );
  }
  if (n < 3) {
    throw new RangeError(`values: ${n} observations in a row; ETS needs at least 3 (without gaps)`);
  }
  let m = period;
  let seasonalAllowed = period > 1;
  if (period > 1 && n <= period) {
    seasonalAllowed = false;
    notes.push(
      `Only ${n} observations for period ${period}: seasonal forms need more than one full cycle, so none were fitted.`,
    );
  }
  if (period > MAX_SEASONAL_PERIOD) {
    if (pattern.season === 'A' || pattern.season === 'M') {
      throw new RangeError(
        `period: ${period} exceeds ${MAX_SEASONAL_PERIOD}, the largest seasonal period ETS handles; use season N or Z`,
      );
    }
    seasonalAllowed = false;
    notes.push(
      `Seasonal period ${period} exceeds ${MAX_SEASONAL_PERIOD}, the most ETS handles: seasonality was ignored (as R's ets).`,
    );
  }
  if (period === 1 && (pattern.season === 'A' || pattern.season === 'M')) {
    throw new RangeError(`model: ${options.model} has a season but period is 1`);
  }
  if (!seasonalAllowed) m = 1;
  const effective: ModelPattern = seasonalAllowed ? pattern : { ...pattern, season: 'N' };

  if (n <= parameterFloor(effective, m) + 4) {
    return fitShort(y, effective, notes, start, end);
  }
  if (!positive && pattern.error === 'Z') {
    notes.push('Some values are zero or negative: multiplicative forms were not considered.');
  }
  const settings: FitSettings = {
    lower: options.lower ?? DEFAULT_LOWER,
    upper: options.upper ?? DEFAULT_UPPER,
    bounds: options.bounds ?? 'both',
    maxEvaluations: options.maxEvaluations ?? 2000,
  };
  const selection = selectModel(
    y,
    m,
    effective,
    {
      positive,
      seasonal: seasonalAllowed,
      allowMultiplicativeTrend: options.allowMultiplicativeTrend ?? false,
      restrict: options.restrict ?? true,
      additiveOnly: options.additiveOnly ?? false,
    },
    settings,
    options.ic ?? 'aicc',
  );
  if (selection.model === undefined) {
    notes.push(
      'No ETS form could be estimated by maximum likelihood: used smoothing with simple initial values.',
    );
    return { ...fitShort(y, effective, notes, start, end), candidates: selection.candidates };
  }
  return {
    model: selection.model,
    estimation: 'likelihood',
    candidates: selection.candidates,
    notes,
    start,
    end,
  };
}

/** Short series: R's HoltWintersZZ fits (Holt if the trend may be used and fits better, else SES). */
function fitShort(
  y: Float64Array,
  pattern: ModelPattern,
  notes: string[],
  start: number,
  end: number,
): EtsFit {
  const n = y.length;
  const trendPossible = pattern.trend !== 'N' && n >= 3;
  const ses = fitSimpleSmoothing(y, false);
  let model = ses;
  if (trendPossible) {
    const holt = fitSimpleSmoothing(y, true);
    if (pattern.trend !== 'Z' || holt.sigma2 < ses.sigma2) model = holt;
  }
  const method = model.spec.trend === 'N' ? 'simple exponential smoothing' : "Holt's linear method";
  notes.push(
    `Only ${n} observations: too few to estimate the ETS form by maximum likelihood, so ${method} with simple initial values was used${pattern.damped ? ' (without damping)' : ''}${pattern.season !== 'N' && pattern.season !== 'Z' ? ' (without the seasonal component)' : ''}.`,
  );
  return { model, estimation: 'simple', candidates: [], notes, start, end };
}

/** Forecasts `horizon` steps after the end of the fitted stretch, with intervals at `levels` (percent). */
export function forecastEts(
  fit: EtsFit | EtsModel,
  horizon: number,
  levels: readonly number[] = [],
  options: ForecastOptions = {},
): EtsForecast {
  const model = 'model' in fit ? fit.model : fit;
  return forecastModel(model, horizon, levels, options);
}
