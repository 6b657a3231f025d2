// The ETS state-space recursions for every error/trend/season combination (Hyndman, Koehler,
// Ord & Snyder 2008, "Forecasting with Exponential Smoothing", Tables 2.2 and 2.3), written in
// the error-free updating form that R forecast's etscalc uses: level, slope and seasonal
// updates depend on the observation, not on the error type; the error type only decides the
// residual (additive y - f, multiplicative (y - f) / f) and the likelihood.
//
// Seasonal states live in a ring of length m: ring[k] holds the seasonal index for the next
// time whose position in the cycle is k, so one step reads ring[k], writes the update back to
// ring[k] and moves k on; nothing is copied per step. R orders the seasonal states s_1 (most
// recent) ... s_m (oldest); with the ring position k, s_j = ring[(k - j) mod m].
import { ADDITIVE, MULTIPLICATIVE, NONE } from './model-spec';

const TOLERANCE = 1e-10;
const HUGE = 1e10;

/** Outputs of a recursion run, allocated once by the caller. */
export interface EtsTrace {
  /** One-step forecasts, length >= n. */
  fitted: Float64Array;
  /** Residuals (additive y - f, or relative (y - f) / f), length >= n. */
  residuals: Float64Array;
  /** Final level and slope, written at the end. */
  level: number;
  slope: number;
  /** Ring position after the last step. */
  position: number;
}

/**
 * Runs the recursion over y[0..n) from level0/slope0 and the seasonal ring (updated in place;
 * position 0 holds the index for y[0]). Returns R's likelihood criterion
 * n log(sum e^2) (+ 2 sum log|f| for multiplicative errors), or NaN when a multiplicative
 * trend turns negative. No allocation: the hot loop of the fit.
 */
export function runEts(
  y: Float64Array,
  n: number,
  m: number,
  error: number,
  trend: number,
  season: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  level0: number,
  slope0: number,
  ring: Float64Array,
  trace?: EtsTrace,
): number {
  let level = level0;
  let slope = slope0;
  // Additive trends carry the damped slope phi b (as the kernels): level' = (1 - alpha) base +
  // alpha adjusted and phi b' = phi (phi b) + phi beta (adjusted - base), R's updates rearranged.
  let damped = phi * slope0;
  const keep = 1 - alpha;
  const phiBeta = phi * beta;
  let sumSquares = 0;
  let logSum = 0;
  let product = 1;
  let position = 0;
  const ratio = beta / alpha;
  const exactPhi = Math.abs(phi - 1) < TOLERANCE;
  // Plain locals: imported bindings can cost a getter call per access under some loaders.
  const multiplicativeError = error === MULTIPLICATIVE;
  const trendNone = trend === NONE;
  const trendAdditive = trend === ADDITIVE;
  const trendMultiplicative = trend === MULTIPLICATIVE;
  const seasonNone = season === NONE;
  const seasonAdditive = season === ADDITIVE;
  const seasonMultiplicative = season === MULTIPLICATIVE;
  for (let index = 0; index < n; index += 1) {
    const observation = y[index] as number;
    let base: number;
    let damping: number;
    if (trendNone) {
      base = level;
      damping = 0;
    } else if (trendAdditive) {
      damping = damped;
      base = level + damping;
    } else {
      if (slope < 0) return Number.NaN;
      damping = exactPhi ? slope : Math.pow(slope, phi);
      base = level * damping;
    }
    let seasonal = 0;
    let forecast = base;
    if (seasonAdditive) {
      seasonal = ring[position] as number;
      forecast = base + seasonal;
    } else if (seasonMultiplicative) {
      seasonal = ring[position] as number;
      forecast = base * seasonal;
    }
    const residual = multiplicativeError
      ? (observation - forecast) / forecast
      : observation - forecast;
    sumSquares += residual * residual;
    if (multiplicativeError) {
      // Sum of log|f| through a running product, renormalised before it can overflow.
      product *= Math.abs(forecast);
      if (product > 1e100 || product < 1e-100) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    if (trace !== undefined) {
      trace.fitted[index] = forecast;
      trace.residuals[index] = residual;
    }
    let adjusted: number;
    if (seasonNone) adjusted = observation;
    else if (seasonAdditive) adjusted = observation - seasonal;
    else adjusted = Math.abs(seasonal) < TOLERANCE ? HUGE : observation / seasonal;
    let newLevel: number;
    if (trendMultiplicative) {
      newLevel = base + alpha * (adjusted - base);
      const growth = Math.abs(level) < TOLERANCE ? HUGE : newLevel / level;
      slope = damping + ratio * (growth - damping);
    } else {
      newLevel = keep * base + alpha * adjusted;
      if (trendAdditive) {
        const surprise = adjusted - base;
        damped = phi * damped + phiBeta * surprise;
        slope = phi * slope + beta * surprise;
      }
    }
    if (!seasonNone) {
      let target: number;
      if (seasonAdditive) target = observation - base;
      else target = Math.abs(base) < TOLERANCE ? HUGE : observation / base;
      ring[position] = seasonal + gamma * (target - seasonal);
      position += 1;
      if (position === m) position = 0;
    }
    level = newLevel;
  }
  if (trace !== undefined) {
    trace.level = level;
    trace.slope = slope;
    trace.position = position;
  }
  let criterion = n * Math.log(sumSquares);
  if (multiplicativeError) criterion += 2 * (logSum + Math.log(product));
  return criterion;
}

/** Writes R-ordered seasonal states s_1..s_m into ring order for a run starting at position 0. */
export function seasonalToRing(
  states: ArrayLike<number>,
  offset: number,
  m: number,
  ring: Float64Array,
): void {
  for (let j = 1; j <= m; j += 1) ring[(m - j) % m] = states[offset + j - 1] as number;
}

/** Reads the ring (at `position`) back into R order s_1..s_m. */
export function ringToSeasonal(ring: Float64Array, position: number, m: number): number[] {
  const states: number[] = [];
  for (let j = 1; j <= m; j += 1) states.push(ring[(((position - j) % m) + m) % m] as number);
  return states;
}

/** A model's state in R's order: [level, slope?, s_1..s_m?]. */
export interface StateLayout {
  trend: number;
  season: number;
  m: number;
}

/**
 * Point forecasts h steps ahead from a state in R's order (R forecast's etsforecast): level,
 * damped slope sum phi + ... + phi^h, seasonal index from the matching cycle position. NaN
 * where a multiplicative slope is negative.
 */
export function pointForecasts(
  state: readonly number[],
  layout: StateLayout,
  phi: number,
  horizon: number,
): number[] {
  const { trend, season, m } = layout;
  const level = state[0] as number;
  const slope = trend === NONE ? 0 : (state[1] as number);
  const seasonOffset = trend === NONE ? 1 : 2;
  const forecasts: number[] = [];
  let damping = phi;
  for (let step = 0; step < horizon; step += 1) {
    let value: number;
    if (trend === NONE) value = level;
    else if (trend === ADDITIVE) value = level + damping * slope;
    else value = slope < 0 ? Number.NaN : level * Math.pow(slope, damping);
    if (season !== NONE) {
      // s_{m - (step mod m)} in R's order.
      const seasonal = state[seasonOffset + m - 1 - (step % m)] as number;
      value = season === ADDITIVE ? value + seasonal : value * seasonal;
    }
    forecasts.push(value);
    damping += Math.abs(phi - 1) < TOLERANCE ? 1 : Math.pow(phi, step + 2);
  }
  return forecasts;
}

/** Parameters and final state a simulation continues from. */
export interface SimulationModel extends StateLayout {
  error: number;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  /** Final state in R's order. */
  state: readonly number[];
}

/**
 * One simulated future path (R forecast's etssimulate): y = f + e or f (1 + e) with the given
 * innovations, the state updated as in the fit. Writes innovations.length values into `path`;
 * uses `ring` (length >= m) as scratch. Returns false if a multiplicative slope turned negative.
 */
export function simulatePath(
  model: SimulationModel,
  innovations: Float64Array,
  path: Float64Array,
  ring: Float64Array,
): boolean {
  const { trend, season, m, alpha, beta, gamma, phi } = model;
  let level = model.state[0] as number;
  let slope = trend === NONE ? 0 : (model.state[1] as number);
  if (season !== NONE) seasonalToRing(model.state, trend === NONE ? 1 : 2, m, ring);
  let position = 0;
  const exactPhi = Math.abs(phi - 1) < TOLERANCE;
  const trendNone = trend === NONE;
  const trendAdditive = trend === ADDITIVE;
  const seasonNone = season === NONE;
  const seasonAdditive = season === ADDITIVE;
  const additiveError = model.error === ADDITIVE;
  for (let index = 0; index < innovations.length; index += 1) {
    let base: number;
    let damping = 0;
    if (trendNone) base = level;
    else if (trendAdditive) {
      damping = phi * slope;
      base = level + damping;
    } else {
      if (slope < 0) return false;
      damping = exactPhi ? slope : Math.pow(slope, phi);
      base = level * damping;
    }
    const seasonal = seasonNone ? 0 : (ring[position] as number);
    const forecast = seasonNone ? base : seasonAdditive ? base + seasonal : base * seasonal;
    const shock = innovations[index] as number;
    const observation = additiveError ? forecast + shock : forecast * (1 + shock);
    path[index] = observation;
    let adjusted = observation;
    if (seasonAdditive) adjusted = observation - seasonal;
    else if (!seasonNone) adjusted = Math.abs(seasonal) < TOLERANCE ? HUGE : observation / seasonal;
    const newLevel = base + alpha * (adjusted - base);
    if (trendAdditive) slope = damping + beta * (adjusted - base);
    else if (!trendNone) {
      const growth = Math.abs(level) < TOLERANCE ? HUGE : newLevel / level;
      slope = damping + (beta / alpha) * (growth - damping);
    }
    if (!seasonNone) {
      let target = observation - base;
      if (!seasonAdditive) target = Math.abs(base) < TOLERANCE ? HUGE : observation / base;
      ring[position] = seasonal + gamma * (target - seasonal);
      position += 1;
      if (position === m) position = 0;
    }
    level = newLevel;
  }
  return true;
}
