// Maximum-likelihood estimation of one ETS form: smoothing parameters and initial states
// together by Nelder-Mead from R's starting values (Hyndman et al. 2002 section 3; R forecast's
// etsmodel), then the information criteria with the parameter count R uses.
import { nelderMead } from '../../stats/optimize';
import { initialParameters, initialStates } from './initialise';
import { createObjective, fillSeasonalRing, parameterLayout } from './likelihood';
import {
  type BoundsRule,
  type EtsSpec,
  componentCode,
  formatSpec,
  isAdmissible,
  withinUsualBounds,
} from './model-spec';
import { type EtsTrace, ringToSeasonal, runEts } from './state-space';

/** A fitted ETS model (R's `ets` object, in plain numbers). */
export interface EtsModel {
  spec: EtsSpec;
  /** "ETS(M,Ad,N)". */
  method: string;
  /** Seasonal period of the form (1 when non-seasonal). */
  period: number;
  alpha: number;
  /** 0 without trend. */
  beta: number;
  /** 0 without season. */
  gamma: number;
  /** 1 without damping. */
  phi: number;
  /** [level, slope?, s_1..s_m?] at time 0 (s_1 the most recent seasonal index). */
  initialState: number[];
  /** The same after the last observation: forecasts start from here. */
  finalState: number[];
  /** As R's ets: -0.5 n log(sum e^2) (- sum log|yhat| for multiplicative errors); a constant apart from the Gaussian log-likelihood. */
  logLikelihood: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Innovation variance: sum e^2 / (n - parameters) (e relative for multiplicative errors). */
  sigma2: number;
  /** Mean squared one-step error on the data scale. */
  mse: number;
  /** One-step forecasts, one per observation used. */
  fitted: number[];
  /** Residuals: y - yhat, or (y - yhat) / yhat for multiplicative errors. */
  residuals: number[];
  /** Smoothing parameters and free initial states estimated. */
  parameterCount: number;
  /** Observations the model was fitted to. */
  observations: number;
  /** Objective evaluations spent by the optimiser (0 for fixed fits). */
  evaluations: number;
}

export interface FitSettings {
  lower: readonly number[];
  upper: readonly number[];
  bounds: BoundsRule;
  /** Most objective evaluations (R's maxit); default 2000. */
  maxEvaluations: number;
}

export type FitOutcome = { model: EtsModel } | { failure: string };

/** values[from..] as a plain array (a loop: Array.from on a typed array goes through its iterator, far slower). */
function toArray(values: Float64Array, from: number): number[] {
  const result: number[] = [];
  for (let index = from; index < values.length; index += 1) result.push(values[index] as number);
  return result;
}

/** AIC, AICc and BIC from R's criterion (-2 log-likelihood) with k = parameterCount + 1 (sigma^2 counted, as R). */
function informationCriteria(
  criterion: number,
  parameterCount: number,
  n: number,
): { aic: number; aicc: number; bic: number } {
  const k = parameterCount + 1;
  const aic = criterion + 2 * k;
  const denominator = n - k - 1;
  return {
    aic,
    aicc: denominator > 0 ? aic + (2 * k * (k + 1)) / denominator : Number.POSITIVE_INFINITY,
    bic: criterion + Math.log(n) * k,
  };
}

/** The recursion's criterion alone (no fitted values kept): the value evaluateModel reports, at less cost. */
function criterionAt(
  y: Float64Array,
  spec: EtsSpec,
  period: number,
  smoothing: { alpha: number; beta: number; gamma: number; phi: number },
  state: readonly number[],
): number {
  const m = spec.season === 'N' ? 1 : period;
  const offset = spec.trend === 'N' ? 1 : 2;
  const ring = new Float64Array(m);
  if (spec.season !== 'N') fillSeasonalRing(state, offset, m, spec.season === 'M', ring);
  return runEts(
    y,
    y.length,
    m,
    componentCode(spec.error),
    componentCode(spec.trend),
    componentCode(spec.season),
    smoothing.alpha,
    smoothing.beta,
    smoothing.gamma,
    smoothing.phi,
    state[0] as number,
    spec.trend === 'N' ? 0 : (state[1] as number),
    ring,
  );
}

/** Runs the recursion once with full outputs and packs an EtsModel (information criteria with k free quantities). */
export function evaluateModel(
  y: Float64Array,
  spec: EtsSpec,
  period: number,
  smoothing: { alpha: number; beta: number; gamma: number; phi: number },
  state: readonly number[],
  parameterCount: number,
  evaluations: number,
): EtsModel {
  const n = y.length;
  const m = spec.season === 'N' ? 1 : period;
  const offset = spec.trend === 'N' ? 1 : 2;
  const ring = new Float64Array(m);
  const freeState = spec.season === 'N' ? [...state] : state.slice(0, offset + m - 1);
  if (spec.season !== 'N') fillSeasonalRing(state, offset, m, spec.season === 'M', ring);
  const initialState = spec.season === 'N' ? freeState : [...freeState, ring[0] as number];
  const trace: EtsTrace = {
    fitted: new Float64Array(n),
    residuals: new Float64Array(n),
    level: Number.NaN,
    slope: Number.NaN,
    position: 0,
  };
  const { alpha, beta, gamma, phi } = smoothing;
  const trend = componentCode(spec.trend);
  const season = componentCode(spec.season);
  const slope0 = spec.trend === 'N' ? 0 : (state[1] as number);
  const criterion = runEts(
    y,
    n,
    m,
    componentCode(spec.error),
    trend,
    season,
    alpha,
    beta,
    gamma,
    phi,
    state[0] as number,
    slope0,
    ring,
    trace,
  );
  const finalState = [trace.level];
  if (spec.trend !== 'N') finalState.push(trace.slope);
  if (spec.season !== 'N') finalState.push(...ringToSeasonal(ring, trace.position, m));
  let sumSquares = 0;
  let squaredErrors = 0;
  for (let t = 0; t < n; t += 1) {
    sumSquares += (trace.residuals[t] as number) ** 2;
    squaredErrors += ((y[t] as number) - (trace.fitted[t] as number)) ** 2;
  }
  const { aic, aicc, bic } = informationCriteria(criterion, parameterCount, n);
  return {
    spec,
    method: formatSpec(spec),
    period: m,
    alpha,
    beta,
    gamma,
    phi,
    initialState,
    finalState,
    logLikelihood: -0.5 * criterion,
    aic,
    aicc,
    bic,
    sigma2: n > parameterCount ? sumSquares / (n - parameterCount) : Number.NaN,
    mse: squaredErrors / n,
    fitted: toArray(trace.fitted, 0),
    residuals: toArray(trace.residuals, 0),
    parameterCount,
    observations: n,
    evaluations,
  };
}

/** One form's maximum-likelihood estimate and criteria, before the full model is built. */
export interface SpecEstimate {
  spec: EtsSpec;
  period: number;
  smoothing: { alpha: number; beta: number; gamma: number; phi: number };
  /** Free initial states: level, slope?, s_1..s_{m-1}?. */
  state: number[];
  parameterCount: number;
  evaluations: number;
  aic: number;
  aicc: number;
  bic: number;
}

export type EstimateOutcome = { estimate: SpecEstimate } | { failure: string };

/**
 * Estimates one form on y (finite values; positive for multiplicative forms) and scores it,
 * without building the model: the automatic search builds only the chosen one (modelOf).
 */
export function estimateSpec(
  y: Float64Array,
  spec: EtsSpec,
  period: number,
  settings: FitSettings,
): EstimateOutcome {
  const m = spec.season === 'N' ? 1 : period;
  const { lower, upper, bounds } = settings;
  const start = initialParameters(spec, m, lower, upper);
  const alpha = start[0] as number;
  const layout = parameterLayout(spec, m);
  const beta = layout.beta >= 0 ? (start[layout.beta] as number) : 0;
  const gamma = layout.gamma >= 0 ? (start[layout.gamma] as number) : 0;
  const phi = layout.phi >= 0 ? (start[layout.phi] as number) : 1;
  const usualOk =
    bounds === 'admissible' || withinUsualBounds(spec, alpha, beta, gamma, phi, lower, upper);
  if (
    !usualOk ||
    (bounds !== 'usual' &&
      !isAdmissible(alpha, beta, gamma, phi, m, spec.trend !== 'N', spec.season !== 'N'))
  ) {
    return { failure: `${formatSpec(spec)}: starting parameters out of range` };
  }
  let states: number[];
  try {
    states = initialStates(y, spec, m);
  } catch (error) {
    return { failure: `${formatSpec(spec)}: ${(error as Error).message}` };
  }
  const vector = [...start, ...states];
  if (vector.length >= y.length - 1) {
    return {
      failure: `${formatSpec(spec)}: ${vector.length} parameters need more than ${y.length} observations`,
    };
  }
  const objective = createObjective(y, spec, m, { lower, upper, bounds });
  let result;
  try {
    // The likelihood never stops early (likelihood.ts), so it needs no cutoff.
    result = nelderMead(objective, vector, {
      maxEvaluations: settings.maxEvaluations,
      passCutoff: false,
    });
  } catch (error) {
    return { failure: `${formatSpec(spec)}: ${(error as Error).message}` };
  }
  const best = result.x;
  const smoothing = {
    alpha: best[0] as number,
    beta: layout.beta >= 0 ? (best[layout.beta] as number) : 0,
    gamma: layout.gamma >= 0 ? (best[layout.gamma] as number) : 0,
    phi: layout.phi >= 0 ? (best[layout.phi] as number) : 1,
  };
  const state = toArray(best, layout.level);
  const criterion = criterionAt(y, spec, period, smoothing, state);
  // A perfect fit has log-likelihood +Infinity and is kept (as R); NaN means the fit failed.
  if (Number.isNaN(criterion)) {
    return { failure: `${formatSpec(spec)}: the likelihood is undefined at the optimum` };
  }
  return {
    estimate: {
      spec,
      period,
      smoothing,
      state,
      parameterCount: vector.length,
      evaluations: result.evaluations,
      ...informationCriteria(criterion, vector.length, y.length),
    },
  };
}

/** The full model (fitted values, residuals, final state...) of an estimate on the same y. */
export function modelOf(y: Float64Array, estimate: SpecEstimate): EtsModel {
  return evaluateModel(
    y,
    estimate.spec,
    estimate.period,
    estimate.smoothing,
    estimate.state,
    estimate.parameterCount,
    estimate.evaluations,
  );
}

/** Estimates one form on y (finite values; positive for multiplicative forms) and builds its model. */
export function fitSpec(
  y: Float64Array,
  spec: EtsSpec,
  period: number,
  settings: FitSettings,
): FitOutcome {
  const outcome = estimateSpec(y, spec, period, settings);
  return 'failure' in outcome ? outcome : { model: modelOf(y, outcome.estimate) };
}
