// Derivative-free minimisation by the Nelder-Mead simplex method (Nelder & Mead 1965, "A simplex
// method for function minimization", Computer Journal 7:308-313; convergence behaviour in
// Lagarias, Reeds, Wright & Wright 1998, SIAM J. Optim. 9:112-147), in the variant of Nash
// (1990, "Compact Numerical Methods", Algorithm 19) that R's optim() uses by default: the same
// start simplex, reflection/contraction/expansion rules, shrink step and stopping test, so that
// fits ported from R land where R's do.

export interface NelderMeadOptions {
  /** Most objective evaluations (R's `maxit`); default 500. */
  maxEvaluations?: number;
  /** Stop once the best value is at or below this (R's `abstol`); default -Infinity. */
  absoluteTolerance?: number;
  /** Stop when the simplex values span less than this relative amount (R's `reltol`); default sqrt(machine epsilon). */
  relativeTolerance?: number;
  /** Reflection factor; default 1. */
  reflection?: number;
  /** Contraction (and shrink) factor; default 0.5. */
  contraction?: number;
  /** Expansion factor; default 2. */
  expansion?: number;
  /** Lower bounds per coordinate (-Infinity for none). Points outside are not evaluated: they count as infeasible. */
  lower?: ArrayLike<number>;
  /** Upper bounds per coordinate (+Infinity for none). */
  upper?: ArrayLike<number>;
  /** Start-simplex step per coordinate; default (as R) a tenth of the largest |start| coordinate for all. */
  steps?: ArrayLike<number>;
  /**
   * Whether to pass the cutoff (see NelderMeadObjective); default true. With false the objective
   * always gets +Infinity: for objectives that never exit early, which spares boxing a number
   * for each call.
   */
  passCutoff?: boolean;
}

export type NelderMeadStatus = 'converged' | 'max-evaluations' | 'shrink-failed';

export interface NelderMeadResult {
  /** The best point found. */
  x: Float64Array;
  /** The objective at x. */
  value: number;
  /** Objective evaluations used (infeasible points included). */
  evaluations: number;
  status: NelderMeadStatus;
}

/** The bound arrays of an unbounded search (never read: no point is tested against them). */
const NO_BOUNDS = new Float64Array(0);

/** Stand-in value for infeasible points and non-finite objective values (as R's optim). */
const BIG = 1.0e35;

function checkBounds(bounds: ArrayLike<number> | undefined, size: number, name: string): void {
  if (bounds === undefined) return;
  if (bounds.length !== size) {
    throw new RangeError(`${name}: has ${bounds.length} entries, start has ${size}`);
  }
  for (let index = 0; index < size; index += 1) {
    if (Number.isNaN(bounds[index])) throw new RangeError(`${name}[${index}] is NaN`);
  }
}

/**
 * The function to minimise. `point` is a reused buffer the function must not keep. `cutoff`
 * allows early exit: when the function can tell that its value is >= cutoff it may return
 * +Infinity instead of finishing (the search only needed to know the point is no better);
 * it is +Infinity where the exact value is needed. NaN or +-Infinity mark points where the
 * function is undefined (treated as infeasible, like points outside the bounds).
 */
export type NelderMeadObjective = (point: Float64Array, cutoff: number) => number;

/**
 * Minimise `objective` from `start`. Throws RangeError when the objective is not finite at
 * `start`.
 */
export function nelderMead(
  objective: NelderMeadObjective,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  if (typeof objective !== 'function') throw new TypeError('objective: expected a function');
  const size = start.length;
  if (size < 1) throw new RangeError('start: needs at least one coordinate');
  for (let index = 0; index < size; index += 1) {
    if (!Number.isFinite(start[index])) {
      throw new RangeError(`start[${index}]: ${String(start[index])} is not a finite number`);
    }
  }
  const maxEvaluations = options.maxEvaluations ?? 500;
  if (!Number.isInteger(maxEvaluations) || maxEvaluations < 1) {
    throw new RangeError(`maxEvaluations: ${String(maxEvaluations)} must be a whole number >= 1`);
  }
  const absoluteTolerance = options.absoluteTolerance ?? Number.NEGATIVE_INFINITY;
  const relativeTolerance = options.relativeTolerance ?? Math.sqrt(Number.EPSILON);
  const reflection = options.reflection ?? 1;
  const contraction = options.contraction ?? 0.5;
  const expansion = options.expansion ?? 2;
  if (!(reflection > 0)) throw new RangeError(`reflection: ${reflection} must be > 0`);
  if (!(contraction > 0 && contraction < 1)) {
    throw new RangeError(`contraction: ${contraction} must be in (0, 1)`);
  }
  if (!(expansion > 1)) throw new RangeError(`expansion: ${expansion} must be > 1`);
  const { lower, upper } = options;
  checkBounds(lower, size, 'lower');
  checkBounds(upper, size, 'upper');

  const bounded = lower !== undefined || upper !== undefined;
  // Without bounds no point is ever tested against them: no arrays to fill.
  const low = bounded ? new Float64Array(size).fill(Number.NEGATIVE_INFINITY) : NO_BOUNDS;
  const high = bounded ? new Float64Array(size).fill(Number.POSITIVE_INFINITY) : NO_BOUNDS;
  for (let index = 0; bounded && index < size; index += 1) {
    if (lower !== undefined) low[index] = lower[index] as number;
    if (upper !== undefined) high[index] = upper[index] as number;
  }
  const trial = new Float64Array(size);
  for (let index = 0; index < size; index += 1) trial[index] = start[index] as number;
  if (bounded && !inside(trial, low, high, size))
    throw new RangeError('start: lies outside lower/upper');
  const first = objective(trial, Number.POSITIVE_INFINITY);
  if (!Number.isFinite(first)) {
    throw new RangeError(`objective: not finite at the start (${String(first)})`);
  }
  const steps = options.steps;
  if (steps !== undefined && steps.length !== size) {
    throw new RangeError(`steps: has ${steps.length} entries, start has ${size}`);
  }
  return search(objective, trial, first, {
    size,
    maxEvaluations,
    absoluteTolerance,
    relativeTolerance,
    reflection,
    contraction,
    expansion,
    bounded,
    low,
    high,
    steps,
    passCutoff: options.passCutoff ?? true,
  });
}

function inside(point: Float64Array, low: Float64Array, high: Float64Array, size: number): boolean {
  for (let index = 0; index < size; index += 1) {
    const value = point[index] as number;
    if (value < (low[index] as number) || value > (high[index] as number)) return false;
  }
  return true;
}

interface SearchSettings {
  size: number;
  maxEvaluations: number;
  absoluteTolerance: number;
  relativeTolerance: number;
  reflection: number;
  contraction: number;
  expansion: number;
  bounded: boolean;
  low: Float64Array;
  high: Float64Array;
  steps: ArrayLike<number> | undefined;
  passCutoff: boolean;
}

/** The search proper (Nash 1990, Algorithm 19): `trial` holds the start, `first` its value. */
function search(
  objective: NelderMeadObjective,
  trial: Float64Array,
  first: number,
  settings: SearchSettings,
): NelderMeadResult {
  const {
    size,
    maxEvaluations,
    absoluteTolerance,
    reflection,
    contraction,
    expansion,
    bounded,
    low,
    high,
    passCutoff,
  } = settings;
  // Vertices 0..size, then slot size+1 for the centroid; coordinates row-major per vertex.
  const vertexCount = size + 1;
  const centroid = (size + 1) * size;
  const points = new Float64Array((size + 2) * size);
  const values = new Float64Array(size + 2);
  let evaluations = 1;
  const convergenceTolerance =
    settings.relativeTolerance * (Math.abs(first) + settings.relativeTolerance);
  for (let index = 0; index < size; index += 1) points[index] = trial[index] as number;
  values[0] = first;

  // Start simplex: one step along each axis, by default a tenth of the largest coordinate.
  let step = 0;
  for (let index = 0; index < size; index += 1)
    step = Math.max(step, 0.1 * Math.abs(trial[index] as number));
  if (step === 0) step = 0.1;
  let simplexSize = 0;
  for (let vertex = 1; vertex <= size; vertex += 1) {
    const offset = vertex * size;
    for (let index = 0; index < size; index += 1) points[offset + index] = trial[index] as number;
    const axis = vertex - 1;
    let tryStep = settings.steps !== undefined ? (settings.steps[axis] as number) : step;
    while (points[offset + axis] === trial[axis]) {
      points[offset + axis] = (trial[axis] as number) + tryStep;
      tryStep *= 10;
    }
    simplexSize += tryStep;
  }
  let oldSize = simplexSize;
  let recompute = true;
  const sums = new Float64Array(size);
  let sumsValid = false;
  let best = 0;
  let status: NelderMeadStatus = 'max-evaluations';

  do {
    if (recompute) {
      for (let vertex = 0; vertex < vertexCount; vertex += 1) {
        if (vertex === best) continue;
        const offset = vertex * size;
        for (let index = 0; index < size; index += 1)
          trial[index] = points[offset + index] as number;
        let value = BIG;
        if (!bounded || inside(trial, low, high, size)) {
          value = objective(trial, Number.POSITIVE_INFINITY);
          // Finite check without a call: NaN and +-Infinity fail it.
          if (!(value - value === 0)) value = BIG;
        }
        values[vertex] = value;
        evaluations += 1;
      }
      recompute = false;
    }
    let lowest = values[best] as number;
    let highest = lowest;
    let worst = best;
    for (let vertex = 0; vertex < vertexCount; vertex += 1) {
      if (vertex === best) continue;
      const value = values[vertex] as number;
      if (value < lowest) {
        best = vertex;
        lowest = value;
      }
      if (value > highest) {
        worst = vertex;
        highest = value;
      }
    }
    if (highest <= lowest + convergenceTolerance || lowest <= absoluteTolerance) {
      status = 'converged';
      break;
    }
    // Centroid of all vertices but the worst, from running coordinate sums (refreshed after
    // every full re-evaluation) instead of R's fresh sum each time: O(size), not O(size^2).
    const worstOffset = worst * size;
    if (!sumsValid) {
      sums.fill(0);
      for (let vertex = 0; vertex < vertexCount; vertex += 1) {
        const offset = vertex * size;
        for (let index = 0; index < size; index += 1)
          sums[index] = (sums[index] as number) + (points[offset + index] as number);
      }
      sumsValid = true;
    }
    // The centroid and the reflected point in one pass.
    for (let index = 0; index < size; index += 1) {
      const worstCoordinate = points[worstOffset + index] as number;
      const middle = ((sums[index] as number) - worstCoordinate) / size;
      points[centroid + index] = middle;
      trial[index] = (1 + reflection) * middle - reflection * worstCoordinate;
    }
    // Beyond the worst value only the comparison matters: the worst value is the cutoff.
    let reflected = BIG;
    if (!bounded || inside(trial, low, high, size)) {
      reflected = objective(trial, passCutoff ? highest : Number.POSITIVE_INFINITY);
      if (!(reflected - reflected === 0)) reflected = BIG;
    }
    evaluations += 1;
    if (reflected < lowest) {
      // Keep the reflected point in the centroid slot and try expanding further.
      values[size + 1] = reflected;
      for (let index = 0; index < size; index += 1) {
        const expanded =
          expansion * (trial[index] as number) +
          (1 - expansion) * (points[centroid + index] as number);
        points[centroid + index] = trial[index] as number;
        trial[index] = expanded;
      }
      let expandedValue = BIG;
      if (!bounded || inside(trial, low, high, size)) {
        expandedValue = objective(trial, passCutoff ? reflected : Number.POSITIVE_INFINITY);
        if (!(expandedValue - expandedValue === 0)) expandedValue = BIG;
      }
      evaluations += 1;
      if (expandedValue < reflected) {
        for (let index = 0; index < size; index += 1) {
          sums[index] =
            (sums[index] as number) +
            (trial[index] as number) -
            (points[worstOffset + index] as number);
          points[worstOffset + index] = trial[index] as number;
        }
        values[worst] = expandedValue;
      } else {
        for (let index = 0; index < size; index += 1) {
          const replacement = points[centroid + index] as number;
          sums[index] =
            (sums[index] as number) + replacement - (points[worstOffset + index] as number);
          points[worstOffset + index] = replacement;
        }
        values[worst] = reflected;
      }
    } else {
      if (reflected < highest) {
        for (let index = 0; index < size; index += 1) {
          sums[index] =
            (sums[index] as number) +
            (trial[index] as number) -
            (points[worstOffset + index] as number);
          points[worstOffset + index] = trial[index] as number;
        }
        values[worst] = reflected;
      }
      for (let index = 0; index < size; index += 1) {
        trial[index] =
          (1 - contraction) * (points[worstOffset + index] as number) +
          contraction * (points[centroid + index] as number);
      }
      let contracted = BIG;
      if (!bounded || inside(trial, low, high, size)) {
        contracted = objective(
          trial,
          passCutoff ? (values[worst] as number) : Number.POSITIVE_INFINITY,
        );
        if (!(contracted - contracted === 0)) contracted = BIG;
      }
      evaluations += 1;
      if (contracted < (values[worst] as number)) {
        for (let index = 0; index < size; index += 1) {
          sums[index] =
            (sums[index] as number) +
            (trial[index] as number) -
            (points[worstOffset + index] as number);
          points[worstOffset + index] = trial[index] as number;
        }
        values[worst] = contracted;
      } else if (reflected >= highest) {
        // Shrink every vertex towards the best one.
        recompute = true;
        sumsValid = false;
        simplexSize = 0;
        const bestOffset = best * size;
        for (let vertex = 0; vertex < vertexCount; vertex += 1) {
          if (vertex === best) continue;
          const offset = vertex * size;
          for (let index = 0; index < size; index += 1) {
            const anchor = points[bestOffset + index] as number;
            points[offset + index] =
              contraction * ((points[offset + index] as number) - anchor) + anchor;
            simplexSize += Math.abs((points[offset + index] as number) - anchor);
          }
        }
        if (simplexSize < oldSize) {
          oldSize = simplexSize;
        } else {
          status = 'shrink-failed';
          break;
        }
      }
    }
  } while (evaluations <= maxEvaluations);

  const bestOffset = best * size;
  return {
    x: points.slice(bestOffset, bestOffset + size),
    value: values[best] as number,
    evaluations,
    status,
  };
}
