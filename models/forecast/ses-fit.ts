// Simple exponential smoothing fits used inside Theta and the intermittent-demand methods:
// l_t = l_{t-1} + alpha (y_t - l_{t-1}), one-step forecast l_{t-1} (Brown 1959; the ETS(A,N,N)
// form of Hyndman, Koehler, Ord & Snyder 2008). Not a Forecaster itself: the ETS engine owns
// the public SES/Holt/damped methods.
import { minimizeScalar } from '../stats/minimize-scalar';

export interface SesFit {
  alpha: number;
  initialLevel: number;
  /** Level after the last observation: the point forecast for every horizon. */
  level: number;
  /** One-step-ahead fitted values (fitted[0] is the initial level). */
  fitted: number[];
  residuals: number[];
  /** Sum of squared one-step residuals. */
  sse: number;
  /** One-step error variance used for intervals (see each fitting function). */
  variance: number;
  initialization: 'optimal' | 'simple';
}

function smooth(values: readonly number[], alpha: number, initialLevel: number) {
  const fitted = new Array<number>(values.length);
  const residuals = new Array<number>(values.length);
  let level = initialLevel;
  let sse = 0;
  values.forEach((value, index) => {
    fitted[index] = level;
    const error = value - level;
    residuals[index] = error;
    sse += error * error;
    level += alpha * error;
  });
  return { fitted, residuals, sse, level };
}

/** SES with a given alpha and initial level (default: the first value, R's initial = "simple"). */
export function sesFixed(values: readonly number[], alpha: number, initialLevel?: number): SesFit {
  if (values.length === 0) throw new RangeError('values: SES needs at least one value');
  if (!(alpha >= 0 && alpha <= 1))
    throw new RangeError(`alpha: ${String(alpha)} must be in [0, 1]`);
  const start = initialLevel ?? (values[0] as number);
  const run = smooth(values, alpha, start);
  return {
    alpha,
    initialLevel: start,
    ...run,
    variance: run.sse / values.length,
    initialization: 'simple',
  };
}

/**
 * Sum of squared errors at the best initial level for this alpha. The one-step forecasts are
 * linear in the initial level (f_t = (1 - alpha)^(t-1) l0 + c_t), so the optimum is closed-form.
 */
function profile(values: readonly number[], alpha: number): { sse: number; initialLevel: number } {
  let carried = 0;
  let weight = 1;
  let cross = 0;
  let squares = 0;
  for (const value of values) {
    cross += (value - carried) * weight;
    squares += weight * weight;
    carried = (1 - alpha) * carried + alpha * value;
    weight *= 1 - alpha;
  }
  const initialLevel = cross / squares;
  return { sse: smooth(values, alpha, initialLevel).sse, initialLevel };
}

const ALPHA_LOWER = 1e-4;
const ALPHA_UPPER = 0.9999;

/** Minimise a one-parameter criterion over [lower, upper]: coarse grid, then Brent near the best. */
export function gridThenBrent(
  objective: (parameter: number) => number,
  lower: number,
  upper: number,
  gridSize = 20,
): number {
  const grid = Array.from(
    { length: gridSize + 1 },
    (_, index) => lower + ((upper - lower) * index) / gridSize,
  );
  let best = 0;
  let bestValue = Infinity;
  grid.forEach((point, index) => {
    const value = objective(point);
    if (value < bestValue) {
      bestValue = value;
      best = index;
    }
  });
  const low = grid[Math.max(0, best - 1)] as number;
  const high = grid[Math.min(gridSize, best + 1)] as number;
  const refined = minimizeScalar(objective, low, high, { tolerance: 1e-9 });
  return refined.value <= bestValue ? refined.x : (grid[best] as number);
}

/**
 * SES with alpha and the initial level chosen to minimise the in-sample mean squared error, as
 * R's `ses(y)` (= `ets(y, "ANN", opt.crit = "mse")`, alpha in [1e-4, 0.9999]); variance
 * SSE / (n - 2). Like R's `ets`, a series of 6 or fewer values uses the first value as the
 * initial level, alpha in [0, 1] minimising SSE, and variance SSE / n (R's HoltWinters path).
 * R's optimiser stops near the optimum; this one solves the initial level exactly and
 * refines alpha by Brent's method, so its MSE is the same or lower.
 */
export function sesOptimal(values: readonly number[]): SesFit {
  const count = values.length;
  if (count < 2)
    throw new RangeError(`values: SES estimation needs at least 2 values, got ${count}`);
  if (count <= 6) {
    const first = values[0] as number;
    const alpha = gridThenBrent((candidate) => smooth(values, candidate, first).sse, 0, 1);
    return { ...sesFixed(values, alpha, first) };
  }
  const alpha = gridThenBrent(
    (candidate) => profile(values, candidate).sse,
    ALPHA_LOWER,
    ALPHA_UPPER,
  );
  const { initialLevel } = profile(values, alpha);
  const run = smooth(values, alpha, initialLevel);
  return {
    alpha,
    initialLevel,
    ...run,
    variance: run.sse / (count - 2),
    initialization: 'optimal',
  };
}

/** Forecast standard errors of ETS(A,N,N): sigma sqrt(1 + (h - 1) alpha^2), h = 1..steps. */
export function sesStandardErrors(fit: SesFit, steps: number): number[] {
  return Array.from({ length: steps }, (_, step) =>
    Math.sqrt(fit.variance * (1 + step * fit.alpha * fit.alpha)),
  );
}
