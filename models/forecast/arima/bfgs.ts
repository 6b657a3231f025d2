// Variable-metric (BFGS) minimiser with central-difference gradients, following Nash's
// Algorithm 21 (Compact Numerical Methods for Computers, 2nd ed. 1990) as R's optim(method =
// "BFGS") runs it: parameters scaled by `parscale`, gradient steps of 1e-3 in scaled units,
// backtracking by 0.2 with an Armijo test of 1e-4, restarts when the update loses descent.
// The same finite differences give the Hessian R's optimhess() reports.

export interface BfgsOptions {
  /** Scale of each parameter (R's parscale); the search runs on parameters / parscale. */
  parscale: Float64Array;
  /** Iteration limit (R's maxit, default 100); 0 only evaluates the start. */
  maxIterations?: number;
  /** Relative tolerance on the objective (default sqrt(machine epsilon)). */
  relativeTolerance?: number;
  /** Finite-difference step in scaled units (default 1e-3). */
  step?: number;
  /** Computes the same central differences faster where the objective's structure allows. */
  gradient?: GradientFunction;
}

/**
 * Fills `gradient` with (f((b + step e_i) parscale) - f((b - step e_i) parscale)) / (2 step)
 * for the scaled point b; throws NonFiniteObjectiveError for a non-finite value.
 */
export type GradientFunction = (
  scaled: Float64Array,
  parscale: Float64Array,
  step: number,
  gradient: Float64Array,
) => void;

export interface BfgsResult {
  parameters: Float64Array;
  value: number;
  /** False when the iteration limit was reached (R's convergence code 1). */
  converged: boolean;
  evaluations: number;
}

/** Thrown when the objective is not finite where a finite value is required. */
export class NonFiniteObjectiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonFiniteObjectiveError';
  }
}

const STEP_REDUCTION = 0.2;
const ACCEPTANCE = 1e-4;
const RELATIVE_TEST = 10;

/** Central-difference gradient with respect to the scaled parameters. */
function scaledGradient(
  objective: (parameters: Float64Array) => number,
  scaled: Float64Array,
  parscale: Float64Array,
  step: number,
  point: Float64Array,
  gradient: Float64Array,
  hook?: GradientFunction,
): number {
  const n = scaled.length;
  if (hook) {
    hook(scaled, parscale, step, gradient);
    return 2 * n;
  }
  for (let i = 0; i < n; i += 1) point[i] = scaled[i]! * parscale[i]!;
  for (let i = 0; i < n; i += 1) {
    point[i] = (scaled[i]! + step) * parscale[i]!;
    const upper = objective(point);
    point[i] = (scaled[i]! - step) * parscale[i]!;
    const lower = objective(point);
    const value = (upper - lower) / (2 * step);
    if (!Number.isFinite(value)) {
      throw new NonFiniteObjectiveError(`non-finite finite-difference value [${i + 1}]`);
    }
    gradient[i] = value;
    point[i] = scaled[i]! * parscale[i]!;
  }
  return 2 * n;
}

/** Minimises `objective` from `start` (unscaled parameters). */
export function minimizeBfgs(
  objective: (parameters: Float64Array) => number,
  start: Float64Array,
  options: BfgsOptions,
): BfgsResult {
  const n = start.length;
  const parscale = options.parscale;
  const maxIterations = options.maxIterations ?? 100;
  const relativeTolerance = options.relativeTolerance ?? 1.4901161193847656e-8;
  const step = options.step ?? 1e-3;
  const b = new Float64Array(n);
  for (let i = 0; i < n; i += 1) b[i] = start[i]! / parscale[i]!;
  const point = new Float64Array(n);
  const evaluate = (scaled: Float64Array): number => {
    for (let i = 0; i < n; i += 1) point[i] = scaled[i]! * parscale[i]!;
    return objective(point);
  };
  let value = evaluate(b);
  let evaluations = 1;
  const unscale = (): Float64Array => {
    const result = new Float64Array(n);
    for (let i = 0; i < n; i += 1) result[i] = b[i]! * parscale[i]!;
    return result;
  };
  if (maxIterations <= 0) return { parameters: unscale(), value, converged: true, evaluations };
  if (!Number.isFinite(value))
    throw new NonFiniteObjectiveError("initial value in 'vmmin' is not finite");
  if (n === 0) return { parameters: unscale(), value, converged: true, evaluations };

  const gradient = new Float64Array(n);
  const direction = new Float64Array(n);
  const previous = new Float64Array(n);
  const gradientChange = new Float64Array(n);
  const work = new Float64Array(n);
  const inverseHessian = new Float64Array(n * n);
  const gradientPoint = new Float64Array(n);
  let minimum = value;
  let gradientCount = 1;
  evaluations += scaledGradient(
    objective,
    b,
    parscale,
    step,
    gradientPoint,
    gradient,
    options.gradient,
  );
  let iteration = 1;
  let lastReset = gradientCount;
  let unchanged: number;
  do {
    if (lastReset === gradientCount) {
      inverseHessian.fill(0);
      for (let i = 0; i < n; i += 1) inverseHessian[i * n + i] = 1;
    }
    for (let i = 0; i < n; i += 1) {
      previous[i] = b[i]!;
      gradientChange[i] = gradient[i]!;
    }
    let slope = 0;
    for (let i = 0; i < n; i += 1) {
      let sum = 0;
      for (let j = 0; j < n; j += 1) sum -= inverseHessian[i * n + j]! * gradient[j]!;
      direction[i] = sum;
      slope += sum * gradient[i]!;
    }
    if (slope < 0) {
      let stepLength = 1;
      let accepted = false;
      do {
        unchanged = 0;
        for (let i = 0; i < n; i += 1) {
          b[i] = previous[i]! + stepLength * direction[i]!;
          if (RELATIVE_TEST + previous[i]! === RELATIVE_TEST + b[i]!) unchanged += 1;
        }
        if (unchanged < n) {
          value = evaluate(b);
          evaluations += 1;
          accepted = Number.isFinite(value) && value <= minimum + slope * stepLength * ACCEPTANCE;
          if (!accepted) stepLength *= STEP_REDUCTION;
        }
      } while (!(unchanged === n || accepted));
      const enough =
        Math.abs(value - minimum) > relativeTolerance * (Math.abs(minimum) + relativeTolerance);
      if (!enough) {
        unchanged = n;
        minimum = value;
      }
      if (unchanged < n) {
        minimum = value;
        evaluations += scaledGradient(
          objective,
          b,
          parscale,
          step,
          gradientPoint,
          gradient,
          options.gradient,
        );
        gradientCount += 1;
        iteration += 1;
        let curvature = 0;
        for (let i = 0; i < n; i += 1) {
          direction[i] = stepLength * direction[i]!;
          gradientChange[i] = gradient[i]! - gradientChange[i]!;
          curvature += direction[i]! * gradientChange[i]!;
        }
        if (curvature > 0) {
          let weight = 0;
          for (let i = 0; i < n; i += 1) {
            let sum = 0;
            for (let j = 0; j < n; j += 1) sum += inverseHessian[i * n + j]! * gradientChange[j]!;
            work[i] = sum;
            weight += sum * gradientChange[i]!;
          }
          weight = 1 + weight / curvature;
          for (let i = 0; i < n; i += 1) {
            for (let j = 0; j <= i; j += 1) {
              const update =
                (weight * direction[i]! * direction[j]! -
                  work[i]! * direction[j]! -
                  direction[i]! * work[j]!) /
                curvature;
              inverseHessian[i * n + j]! += update;
              if (j !== i) inverseHessian[j * n + i]! += update;
            }
          }
        } else {
          lastReset = gradientCount;
        }
      } else if (lastReset < gradientCount) {
        unchanged = 0;
        lastReset = gradientCount;
      }
    } else {
      unchanged = 0;
      if (lastReset === gradientCount) unchanged = n;
      else lastReset = gradientCount;
    }
    if (iteration >= maxIterations) break;
    if (gradientCount - lastReset > 2 * n) lastReset = gradientCount;
  } while (unchanged !== n || lastReset !== gradientCount);
  // R reports the last accepted point; b holds it unless the final search left b unchanged.
  return {
    parameters: unscale(),
    value: minimum,
    converged: iteration < maxIterations,
    evaluations,
  };
}

/**
 * Hessian of `objective` at `parameters` (unscaled) from central differences of the
 * central-difference gradient, symmetrised, as R's optimhess(): row-major n x n.
 */
export function numericalHessian(
  objective: (parameters: Float64Array) => number,
  parameters: Float64Array,
  parscale: Float64Array,
  step = 1e-3,
  hook?: GradientFunction,
): Float64Array {
  const n = parameters.length;
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i += 1) scaled[i] = parameters[i]! / parscale[i]!;
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const point = new Float64Array(n);
  const hessian = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    const epsilon = step / parscale[i]!;
    scaled[i]! += epsilon;
    scaledGradient(objective, scaled, parscale, step, point, upper, hook);
    scaled[i]! -= 2 * epsilon;
    scaledGradient(objective, scaled, parscale, step, point, lower, hook);
    for (let j = 0; j < n; j += 1) {
      hessian[i * n + j] = (upper[j]! - lower[j]!) / (2 * epsilon * parscale[i]! * parscale[j]!);
    }
    scaled[i]! += epsilon;
  }
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < i; j += 1) {
      const average = 0.5 * (hessian[i * n + j]! + hessian[j * n + i]!);
      hessian[i * n + j] = average;
      hessian[j * n + i] = average;
    }
  }
  return hessian;
}
