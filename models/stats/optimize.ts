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
 * Minimise `objective` from `start`. The objective receives a reused Float64Array that it must
 * not keep; it may return NaN or +-Infinity where it is undefined (treated as infeasible, like
 * points outside the bounds). Throws RangeError when the objective is not finite at `start`.
 */
export function nelderMead(
  objective: (point: Float64Array) => number,
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

  const inBounds = (point: Float64Array): boolean => {
    for (let index = 0; index < size; index += 1) {
      const value = point[index] as number;
      if (lower !== undefined && value < (lower[index] as number)) return false;
      if (upper !== undefined && value > (upper[index] as number)) return false;
    }
    return true;
  };
  const evaluate = (point: Float64Array): number => {
    if (!inBounds(point)) return BIG;
    const value = objective(point);
    return Number.isFinite(value) ? value : BIG;
  };

  const trial = Float64Array.from(start);
  if (!inBounds(trial)) throw new RangeError('start: lies outside lower/upper');
  const first = objective(trial);
  if (!Number.isFinite(first)) {
    throw new RangeError(`objective: not finite at the start (${String(first)})`);
  }
  // Vertices 0..size, then slot size+1 for the centroid; coordinates row-major per vertex.
  const vertexCount = size + 1;
  const centroidSlot = size + 1;
  const points = new Float64Array((size + 2) * size);
  const values = new Float64Array(size + 2);
  let evaluations = 1;
  const convergenceTolerance = relativeTolerance * (Math.abs(first) + relativeTolerance);
  for (let index = 0; index < size; index += 1) points[index] = trial[index] as number;
  values[0] = first;

  // Start simplex: one step along each axis, the step a tenth of the largest coordinate.
  let step = 0;
  for (let index = 0; index < size; index += 1)
    step = Math.max(step, 0.1 * Math.abs(trial[index] as number));
  if (step === 0) step = 0.1;
  let simplexSize = 0;
  for (let vertex = 1; vertex <= size; vertex += 1) {
    const offset = vertex * size;
    for (let index = 0; index < size; index += 1) points[offset + index] = trial[index] as number;
    const axis = vertex - 1;
    let tryStep = step;
    while (points[offset + axis] === trial[axis]) {
      points[offset + axis] = (trial[axis] as number) + tryStep;
      tryStep *= 10;
    }
    simplexSize += tryStep;
  }
  let oldSize = simplexSize;
  let recompute = true;
  let best = 0;
  let status: NelderMeadStatus = 'max-evaluations';

  const load = (vertex: number): void => {
    const offset = vertex * size;
    for (let index = 0; index < size; index += 1) trial[index] = points[offset + index] as number;
  };
  const store = (vertex: number, value: number): void => {
    const offset = vertex * size;
    for (let index = 0; index < size; index += 1) points[offset + index] = trial[index] as number;
    values[vertex] = value;
  };

  do {
    if (recompute) {
      for (let vertex = 0; vertex < vertexCount; vertex += 1) {
        if (vertex !== best) {
          load(vertex);
          values[vertex] = evaluate(trial);
          evaluations += 1;
        }
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
    // Centroid of all vertices but the worst.
    const centroid = centroidSlot * size;
    const worstOffset = worst * size;
    for (let index = 0; index < size; index += 1) {
      let total = -(points[worstOffset + index] as number);
      for (let vertex = 0; vertex < vertexCount; vertex += 1)
        total += points[vertex * size + index] as number;
      points[centroid + index] = total / size;
    }
    for (let index = 0; index < size; index += 1) {
      trial[index] =
        (1 + reflection) * (points[centroid + index] as number) -
        reflection * (points[worstOffset + index] as number);
    }
    const reflected = evaluate(trial);
    evaluations += 1;
    if (reflected < lowest) {
      // Keep the reflected point in the centroid slot and try expanding further.
      values[centroidSlot] = reflected;
      for (let index = 0; index < size; index += 1) {
        const expanded =
          expansion * (trial[index] as number) +
          (1 - expansion) * (points[centroid + index] as number);
        points[centroid + index] = trial[index] as number;
        trial[index] = expanded;
      }
      const expandedValue = evaluate(trial);
      evaluations += 1;
      if (expandedValue < reflected) {
        store(worst, expandedValue);
      } else {
        for (let index = 0; index < size; index += 1)
          points[worstOffset + index] = points[centroid + index] as number;
        values[worst] = reflected;
      }
    } else {
      if (reflected < highest) store(worst, reflected);
      for (let index = 0; index < size; index += 1) {
        trial[index] =
          (1 - contraction) * (points[worstOffset + index] as number) +
          contraction * (points[centroid + index] as number);
      }
      const contracted = evaluate(trial);
      evaluations += 1;
      if (contracted < (values[worst] as number)) {
        store(worst, contracted);
      } else if (reflected >= highest) {
        // Shrink every vertex towards the best one.
        recompute = true;
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

  load(best);
  return { x: Float64Array.from(trial), value: values[best] as number, evaluations, status };
}
