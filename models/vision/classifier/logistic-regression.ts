// L2-regularised logistic regression, binary and multinomial, fitted by Newton's method with
// step halving (Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 2nd ed.,
// 4.4.1 and 18.3). Minimises  sum_i -log p(y_i | x_i) + (l2 / 2) ||W||^2  with intercepts not
// penalised: the same objective as scikit-learn's LogisticRegression with C = 1 / l2.
import { choleskyFactor, choleskySolve } from '../../stats/linear-algebra';

export interface LogisticModel {
  kind: 'logistic';
  classCount: number;
  /** Binary: one row (the log-odds of class 1); multinomial: one row per class. */
  weights: number[][];
  intercepts: number[];
}

export interface LogisticOptions {
  l2?: number;
  maxIterations?: number;
  tolerance?: number;
}

/** Linear scores of a row: one per weight row. */
function scoresOf(
  model: Pick<LogisticModel, 'weights' | 'intercepts'>,
  row: Float64Array,
): number[] {
  return model.weights.map((weights, k) => {
    let score = model.intercepts[k]!;
    for (let j = 0; j < weights.length; j += 1) score += weights[j]! * row[j]!;
    return score;
  });
}

function softmax(scores: readonly number[]): Float64Array {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return Float64Array.from(exps, (value) => value / total);
}

/** Class probabilities of one row (length classCount). */
export function logisticProbabilities(model: LogisticModel, row: Float64Array): Float64Array {
  const scores = scoresOf(model, row);
  if (model.classCount === 2) {
    const p = 1 / (1 + Math.exp(-scores[0]!));
    return Float64Array.of(1 - p, p);
  }
  return softmax(scores);
}

function checkData(
  rows: readonly Float64Array[],
  labels: readonly number[],
  classCount: number,
): number {
  if (!Number.isInteger(classCount) || classCount < 2)
    throw new RangeError(`classCount: need an integer >= 2, got ${classCount}`);
  if (rows.length === 0 || rows.length !== labels.length)
    throw new RangeError(
      `rows, labels: need the same non-zero count, got ${rows.length} and ${labels.length}`,
    );
  const width = rows[0]!.length;
  labels.forEach((label, index) => {
    if (!Number.isInteger(label) || label < 0 || label >= classCount)
      throw new RangeError(`labels[${index}]: ${label} is not a class index 0..${classCount - 1}`);
    if (rows[index]!.length !== width)
      throw new RangeError(`rows[${index}]: has ${rows[index]!.length} values, expected ${width}`);
  });
  return width;
}

/** Fits the model; labels are class indices 0..classCount-1. */
export function fitLogisticRegression(
  rows: readonly Float64Array[],
  labels: readonly number[],
  classCount: number,
  options: LogisticOptions = {},
): LogisticModel {
  const width = checkData(rows, labels, classCount);
  const l2 = options.l2 ?? 1;
  if (!(l2 > 0)) throw new RangeError(`options.l2: need a penalty > 0, got ${l2}`);
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10; // on the largest parameter change
  const outputs = classCount === 2 ? 1 : classCount;
  const block = width + 1; // intercept first, then the weights
  const size = outputs * block;
  const parameters = new Float64Array(size);
  const modelOf = (theta: Float64Array): LogisticModel => ({
    kind: 'logistic',
    classCount,
    weights: Array.from({ length: outputs }, (_, k) =>
      Array.from(theta.subarray(k * block + 1, (k + 1) * block)),
    ),
    intercepts: Array.from({ length: outputs }, (_, k) => theta[k * block]!),
  });
  const objective = (theta: Float64Array): number => {
    const model = modelOf(theta);
    let loss = 0;
    rows.forEach((row, i) => {
      loss -= Math.log(Math.max(1e-300, logisticProbabilities(model, row)[labels[i]!]!));
    });
    for (let k = 0; k < outputs; k += 1)
      for (let j = 1; j < block; j += 1) loss += (l2 / 2) * theta[k * block + j]! ** 2;
    return loss;
  };
  let current = objective(parameters);
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    const model = modelOf(parameters);
    const gradient = new Float64Array(size);
    const hessian = new Float64Array(size * size);
    const x = new Float64Array(block);
    rows.forEach((row, i) => {
      x[0] = 1;
      x.set(row, 1);
      const probabilities = logisticProbabilities(model, row);
      // the binary case keeps only class 1's log-odds: p(1-p) is its curvature
      const p = outputs === 1 ? Float64Array.of(probabilities[1]!) : probabilities;
      const target = (k: number) =>
        outputs === 1 ? (labels[i] === 1 ? 1 : 0) : labels[i] === k ? 1 : 0;
      for (let k = 0; k < outputs; k += 1) {
        const residual = p[k]! - target(k);
        for (let a = 0; a < block; a += 1) gradient[k * block + a]! += residual * x[a]!;
        for (let l = 0; l < outputs; l += 1) {
          const curvature =
            outputs === 1 ? p[0]! * (1 - p[0]!) : p[k]! * ((k === l ? 1 : 0) - p[l]!);
          if (curvature === 0) continue;
          for (let a = 0; a < block; a += 1) {
            const rowOffset = (k * block + a) * size + l * block;
            const scaled = curvature * x[a]!;
            for (let b = 0; b < block; b += 1) hessian[rowOffset + b]! += scaled * x[b]!;
          }
        }
      }
    });
    for (let k = 0; k < outputs; k += 1) {
      for (let j = 1; j < block; j += 1) {
        gradient[k * block + j]! += l2 * parameters[k * block + j]!;
        hessian[(k * block + j) * size + k * block + j]! += l2;
      }
      // the softmax's intercepts can all move together at no cost: a tiny ridge makes the
      // Newton system solvable without moving along that direction (the gradient has no part in it)
      hessian[k * block * size + k * block]! += 1e-9 * rows.length;
    }
    const factor = choleskyFactor(hessian, size);
    if (factor === undefined) throw new Error('internal: logistic Hessian not positive definite');
    const step = choleskySolve(factor, size, gradient);
    let scale = 1;
    let next = parameters.map((value, index) => value - step[index]!);
    let nextObjective = objective(next);
    while (nextObjective > current && scale > 1e-8) {
      scale /= 2;
      next = parameters.map((value, index) => value - scale * step[index]!);
      nextObjective = objective(next);
    }
    if (nextObjective > current) break; // no step lowers the objective: at the optimum to rounding
    parameters.set(next);
    current = nextObjective;
    let largestStep = 0;
    for (const value of step) largestStep = Math.max(largestStep, Math.abs(scale * value));
    if (largestStep < tolerance) break;
  }
  return modelOf(parameters);
}
