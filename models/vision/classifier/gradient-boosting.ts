// Gradient-boosted regression trees for classification (Friedman 2001, "Greedy function
// approximation: a gradient boosting machine", Ann. Statist. 29(5), algorithms 5 (two-class
// logistic, L2_TreeBoost) and 6 (K-class, LK_TreeBoost)), with shrinkage and row subsampling
// (Friedman 2002, "Stochastic gradient boosting", CSDA 38(4)). Trees are least-squares fits to
// the residuals; each leaf then takes Friedman's one-step Newton value.
import type { Random } from '../../stats/random';

/** A regression tree in flat arrays; node 0 is the root, feature -1 marks a leaf. */
export interface RegressionTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export interface BoostingModel {
  kind: 'boosting';
  classCount: number;
  /** Initial scores: one (log-odds) for two classes, else one per class. */
  initial: number[];
  /** trees[round][output]. */
  trees: RegressionTree[][];
  learningRate: number;
}

export interface BoostingOptions {
  random: Random;
  rounds?: number;
  learningRate?: number;
  maxDepth?: number;
  minSamplesLeaf?: number;
  subsample?: number;
}

function treeValue(tree: RegressionTree, row: Float64Array): number {
  let node = 0;
  while (tree.feature[node]! >= 0)
    node =
      row[tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  return tree.value[node]!;
}

function scoresOf(model: BoostingModel, row: Float64Array): number[] {
  const scores = [...model.initial];
  for (const round of model.trees)
    round.forEach((tree, k) => {
      scores[k]! += model.learningRate * treeValue(tree, row);
    });
  return scores;
}

function softmax(scores: readonly number[]): Float64Array {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return Float64Array.from(exps, (value) => value / total);
}

export function boostingProbabilities(model: BoostingModel, row: Float64Array): Float64Array {
  const scores = scoresOf(model, row);
  if (model.classCount === 2) {
    const p = 1 / (1 + Math.exp(-scores[0]!));
    return Float64Array.of(1 - p, p);
  }
  return softmax(scores);
}

interface TreeInput {
  rows: readonly Float64Array[];
  residuals: Float64Array;
  /** Newton leaf value of a set of sample indices. */
  leafValue: (indices: readonly number[]) => number;
  maxDepth: number;
  minSamplesLeaf: number;
}

/** The least-squares split of `indices` with the largest drop in squared error, if any. */
function bestSplit(
  input: TreeInput,
  indices: number[],
): { feature: number; threshold: number } | undefined {
  const { rows, residuals, minSamplesLeaf } = input;
  let total = 0;
  for (const index of indices) total += residuals[index]!;
  const n = indices.length;
  let bestGain = 1e-12;
  let best: { feature: number; threshold: number } | undefined;
  for (let feature = 0; feature < rows[0]!.length; feature += 1) {
    const sorted = [...indices].sort((a, b) => rows[a]![feature]! - rows[b]![feature]!);
    let leftSum = 0;
    for (let cut = 1; cut < n; cut += 1) {
      leftSum += residuals[sorted[cut - 1]!]!;
      const below = rows[sorted[cut - 1]!]![feature]!;
      const above = rows[sorted[cut]!]![feature]!;
      if (cut < minSamplesLeaf || n - cut < minSamplesLeaf || below === above) continue;
      // reduction of the sum of squares = nL*meanL^2 + nR*meanR^2 - n*mean^2
      const gain = leftSum ** 2 / cut + (total - leftSum) ** 2 / (n - cut) - total ** 2 / n;
      if (gain > bestGain) {
        bestGain = gain;
        best = { feature, threshold: (below + above) / 2 };
      }
    }
  }
  return best;
}

function growTree(input: TreeInput, indices: number[]): RegressionTree {
  const tree: RegressionTree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const grow = (nodeIndices: number[], depth: number): number => {
    const node = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(0);
    const split =
      depth < input.maxDepth && nodeIndices.length >= 2 * input.minSamplesLeaf
        ? bestSplit(input, nodeIndices)
        : undefined;
    if (split === undefined) {
      tree.value[node] = input.leafValue(nodeIndices);
      return node;
    }
    const leftIndices = nodeIndices.filter(
      (index) => input.rows[index]![split.feature]! <= split.threshold,
    );
    const rightIndices = nodeIndices.filter(
      (index) => input.rows[index]![split.feature]! > split.threshold,
    );
    tree.feature[node] = split.feature;
    tree.threshold[node] = split.threshold;
    tree.left[node] = grow(leftIndices, depth + 1);
    tree.right[node] = grow(rightIndices, depth + 1);
    return node;
  };
  grow(indices, 0);
  return tree;
}

/** `count` distinct indices of 0..n-1 (partial Fisher-Yates), in increasing order. */
function sampleIndices(n: number, count: number, random: Random): number[] {
  const pool = Array.from({ length: n }, (_, index) => index);
  for (let index = 0; index < count; index += 1) {
    const pick = random.int(index, n - 1);
    [pool[index], pool[pick]] = [pool[pick]!, pool[index]!];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}

export function fitGradientBoosting(
  rows: readonly Float64Array[],
  labels: readonly number[],
  classCount: number,
  options: BoostingOptions,
): BoostingModel {
  if (!Number.isInteger(classCount) || classCount < 2)
    throw new RangeError(`classCount: need an integer >= 2, got ${classCount}`);
  if (rows.length < 2 || rows.length !== labels.length)
    throw new RangeError(
      `rows, labels: need the same count (>= 2), got ${rows.length} and ${labels.length}`,
    );
  labels.forEach((label, index) => {
    if (!Number.isInteger(label) || label < 0 || label >= classCount)
      throw new RangeError(`labels[${index}]: ${label} is not a class index 0..${classCount - 1}`);
  });
  const rounds = options.rounds ?? 150;
  const learningRate = options.learningRate ?? 0.05;
  const maxDepth = options.maxDepth ?? 2;
  const minSamplesLeaf = options.minSamplesLeaf ?? 5;
  const subsample = options.subsample ?? 0.8;
  if (!(subsample > 0 && subsample <= 1))
    throw new RangeError(`options.subsample: need (0, 1], got ${subsample}`);
  if (!(learningRate > 0))
    throw new RangeError(`options.learningRate: need > 0, got ${learningRate}`);
  const n = rows.length;
  const outputs = classCount === 2 ? 1 : classCount;
  // class frequencies with one pseudo-count each, so an absent class gets a finite score
  const counts = new Array<number>(classCount).fill(1);
  for (const label of labels) counts[label]! += 1;
  const total = n + classCount;
  const initial =
    outputs === 1
      ? [Math.log(counts[1]! / counts[0]!)]
      : counts.map((count) => Math.log(count / total));
  const model: BoostingModel = { kind: 'boosting', classCount, initial, trees: [], learningRate };
  const scores = Array.from({ length: n }, () => [...initial]);
  const sampleSize = Math.max(2, Math.round(subsample * n));
  for (let round = 0; round < rounds; round += 1) {
    const indices =
      sampleSize >= n
        ? Array.from({ length: n }, (_, i) => i)
        : sampleIndices(n, sampleSize, options.random);
    const probabilities = scores.map((score) =>
      outputs === 1 ? Float64Array.of(1 / (1 + Math.exp(-score[0]!))) : softmax(score),
    );
    const trees: RegressionTree[] = [];
    for (let k = 0; k < outputs; k += 1) {
      const target = (i: number) => ((outputs === 1 ? labels[i] === 1 : labels[i] === k) ? 1 : 0);
      const residuals = Float64Array.from(
        { length: n },
        (_, i) => target(i) - probabilities[i]![k]!,
      );
      const factor = outputs === 1 ? 1 : (classCount - 1) / classCount;
      const leafValue = (leaf: readonly number[]) => {
        let numerator = 0;
        let denominator = 0;
        for (const i of leaf) {
          const r = residuals[i]!;
          numerator += r;
          denominator += Math.abs(r) * (1 - Math.abs(r));
        }
        return denominator < 1e-12 ? 0 : (factor * numerator) / denominator;
      };
      trees.push(growTree({ rows, residuals, leafValue, maxDepth, minSamplesLeaf }, indices));
    }
    model.trees.push(trees);
    for (let i = 0; i < n; i += 1)
      trees.forEach((tree, k) => {
        scores[i]![k]! += learningRate * treeValue(tree, rows[i]!);
      });
  }
  return model;
}
