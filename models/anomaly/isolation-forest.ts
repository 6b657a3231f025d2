// Isolation Forest: Liu, Ting & Zhou (2008), "Isolation Forest", ICDM, and (2012) "Isolation-based
// anomaly detection", ACM TKDD 6(1). Trees are grown on random subsamples of size psi with random
// axis-parallel splits up to height ceil(log2 psi); the anomaly score of x is
// s(x, psi) = 2^(-E(h(x)) / c(psi)), where h(x) is the path length with the c(size) adjustment at
// the external node (the papers' PathLength algorithm). All trees live in one set of flat typed
// arrays so scoring is a tight loop with no allocation per row.

import type { Random } from '../stats/random.js';

/** Euler-Mascheroni constant, for the harmonic-number approximation H(i) ~ ln(i) + gamma. */
const EULER_GAMMA = 0.5772156649015329;

/** A dense row-major matrix: `values[row * columns + column]`. */
export interface FeatureMatrix {
  values: Float64Array;
  rows: number;
  columns: number;
}

/** Rows of features: an array of equal-length rows, or a row-major matrix. */
export type FeatureRows = readonly ArrayLike<number>[] | FeatureMatrix;

export interface IsolationForestOptions {
  /** Number of isolation trees (default 100, as in the paper and scikit-learn). */
  trees?: number;
  /** Subsample size psi per tree (default 256, capped at the number of rows). */
  sampleSize?: number;
  /** Seeded generator (models/stats/random.ts): the only source of randomness. */
  random: Random;
}

/**
 * A fitted forest. Node arrays are shared by all trees; `roots[t]` is tree t's root node. A node
 * with `splitFeature[node] === -1` is external: `pathLength[node]` is its depth plus c(size).
 * Internal nodes send a row left when `row[splitFeature] <= splitValue`, right otherwise.
 */
export interface IsolationForest {
  readonly columns: number;
  readonly sampleSize: number;
  readonly heightLimit: number;
  readonly roots: Int32Array;
  readonly splitFeature: Int32Array;
  readonly splitValue: Float64Array;
  readonly leftChild: Int32Array;
  readonly rightChild: Int32Array;
  /** Number of subsample rows that reached the node. */
  readonly nodeSize: Int32Array;
  /** For external nodes: depth + c(nodeSize); 0 for internal nodes. */
  readonly pathLength: Float64Array;
}

/**
 * c(n), the average path length of an unsuccessful binary-search-tree search among n points (the
 * paper's normaliser): 2H(n-1) - 2(n-1)/n with H(i) = ln(i) + Euler's constant; c(2) = 1 and
 * c(1) = c(0) = 0, as scikit-learn's `_average_path_length`.
 */
export function averagePathLength(n: number): number {
  if (typeof n !== 'number' || !(n >= 0) || !Number.isFinite(n)) {
    throw new RangeError(`n: expected a finite number >= 0, got ${String(n)}`);
  }
  if (n <= 1) return 0;
  if (n <= 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

function isFeatureMatrix(rows: FeatureRows): rows is FeatureMatrix {
  return !Array.isArray(rows) && typeof rows === 'object' && rows !== null && 'values' in rows;
}

/** Checks the rows (copying arrays of rows) into a row-major matrix; every value must be finite. */
export function toFeatureMatrix(rows: FeatureRows, name = 'rows'): FeatureMatrix {
  if (isFeatureMatrix(rows)) {
    const { values, rows: count, columns } = rows;
    if (!(values instanceof Float64Array)) {
      throw new TypeError(`${name}.values: expected a Float64Array`);
    }
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`${name}.rows: expected an integer >= 0, got ${String(count)}`);
    }
    if (!Number.isInteger(columns) || columns < 1) {
      throw new RangeError(`${name}.columns: expected an integer >= 1, got ${String(columns)}`);
    }
    if (values.length !== count * columns) {
      throw new RangeError(
        `${name}.values: expected rows x columns = ${count * columns} values, got ${values.length}`,
      );
    }
    for (let index = 0; index < values.length; index += 1) {
      if (!Number.isFinite(values[index])) {
        const row = Math.floor(index / columns);
        throw new RangeError(
          `${name}[${row}][${index - row * columns}]: must be a finite number, got ${String(values[index])}; fill or drop missing features first`,
        );
      }
    }
    return { values, rows: count, columns };
  }
  if (!Array.isArray(rows)) throw new TypeError(`${name}: expected an array of rows or a matrix`);
  const count = rows.length;
  const first = rows[0];
  const columns = first === undefined ? 0 : first.length;
  if (count > 0 && columns < 1)
    throw new RangeError(`${name}[0]: a row needs at least one feature`);
  const values = new Float64Array(count * columns);
  for (let row = 0; row < count; row += 1) {
    const current = rows[row];
    if (current === undefined || typeof current.length !== 'number') {
      throw new TypeError(`${name}[${row}]: expected an array of numbers`);
    }
    if (current.length !== columns) {
      throw new RangeError(
        `${name}[${row}]: expected ${columns} features like ${name}[0], got ${current.length}`,
      );
    }
    for (let column = 0; column < columns; column += 1) {
      const value = current[column];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(
          `${name}[${row}][${column}]: must be a finite number, got ${String(value)}; fill or drop missing features first`,
        );
      }
      values[row * columns + column] = value;
    }
  }
  return { values, rows: count, columns: count === 0 ? 0 : columns };
}

function checkPositiveInteger(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name}: expected an integer >= 1, got ${String(value)}`);
  }
}

/** Growing state for one forest: node arrays sized for the worst case (2 psi - 1 nodes a tree). */
interface Builder {
  matrix: FeatureMatrix;
  random: Random;
  heightLimit: number;
  splitFeature: Int32Array;
  splitValue: Float64Array;
  leftChild: Int32Array;
  rightChild: Int32Array;
  nodeSize: Int32Array;
  pathLength: Float64Array;
  nodeCount: number;
  /** Scratch: features still untried at the current node (the random splitter's candidates). */
  candidates: Int32Array;
}

function makeExternal(builder: Builder, node: number, size: number, depth: number): void {
  builder.splitFeature[node] = -1;
  builder.nodeSize[node] = size;
  builder.pathLength[node] = depth + averagePathLength(size);
}

/**
 * Grows the subtree over sample[from, to) at `depth` and returns its node index (the paper's
 * iTree). The split feature is drawn among features not constant on the node (drawing without
 * replacement, as scikit-learn's random splitter), so a node on which every feature is constant
 * becomes external instead of splitting off an empty side.
 */
function growNode(builder: Builder, sample: Int32Array, from: number, to: number, depth: number) {
  const node = builder.nodeCount;
  builder.nodeCount += 1;
  const size = to - from;
  if (depth >= builder.heightLimit || size <= 1) {
    makeExternal(builder, node, size, depth);
    return node;
  }
  const { values, columns } = builder.matrix;
  const candidates = builder.candidates;
  for (let column = 0; column < columns; column += 1) candidates[column] = column;
  let remaining = columns;
  let feature = -1;
  let low = 0;
  let high = 0;
  while (remaining > 0) {
    const pick = builder.random.int(0, remaining - 1);
    const column = candidates[pick] as number;
    candidates[pick] = candidates[remaining - 1] as number;
    candidates[remaining - 1] = column;
    remaining -= 1;
    low = Infinity;
    high = -Infinity;
    for (let position = from; position < to; position += 1) {
      const value = values[(sample[position] as number) * columns + column] as number;
      if (value < low) low = value;
      if (value > high) high = value;
    }
    if (high > low) {
      feature = column;
      break;
    }
  }
  if (feature < 0) {
    makeExternal(builder, node, size, depth);
    return node;
  }
  let threshold = low + (high - low) * builder.random.next();
  // rounding can land on `high` when the two are adjacent doubles; `low` keeps both sides non-empty
  if (threshold >= high) threshold = low;
  // partition: rows with value <= threshold first
  let split = from;
  for (let position = from; position < to; position += 1) {
    const row = sample[position] as number;
    if ((values[row * columns + feature] as number) <= threshold) {
      sample[position] = sample[split] as number;
      sample[split] = row;
      split += 1;
    }
  }
  builder.splitFeature[node] = feature;
  builder.splitValue[node] = threshold;
  builder.nodeSize[node] = size;
  builder.leftChild[node] = growNode(builder, sample, from, split, depth + 1);
  builder.rightChild[node] = growNode(builder, sample, split, to, depth + 1);
  return node;
}

/**
 * Fits an isolation forest (the paper's iForest algorithm): each tree is grown on a subsample of
 * `sampleSize` distinct rows drawn without replacement. Deterministic for a given generator state.
 */
export function fitIsolationForest(
  rows: FeatureRows,
  options: IsolationForestOptions,
): IsolationForest {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options: expected { trees?, sampleSize?, random }');
  }
  const matrix = toFeatureMatrix(rows);
  if (matrix.rows < 1) throw new RangeError('rows: an isolation forest needs at least one row');
  const trees = options.trees ?? 100;
  checkPositiveInteger(trees, 'options.trees');
  const requestedSize = options.sampleSize ?? 256;
  checkPositiveInteger(requestedSize, 'options.sampleSize');
  const random = options.random;
  if (typeof random !== 'object' || random === null || typeof random.int !== 'function') {
    throw new TypeError('options.random: expected a seeded generator from createRandom(seed)');
  }
  const sampleSize = Math.min(requestedSize, matrix.rows);
  const heightLimit = Math.ceil(Math.log2(Math.max(sampleSize, 2)));
  const capacity = trees * (2 * sampleSize - 1);
  const builder: Builder = {
    matrix,
    random,
    heightLimit,
    splitFeature: new Int32Array(capacity),
    splitValue: new Float64Array(capacity),
    leftChild: new Int32Array(capacity).fill(-1),
    rightChild: new Int32Array(capacity).fill(-1),
    nodeSize: new Int32Array(capacity),
    pathLength: new Float64Array(capacity),
    nodeCount: 0,
    candidates: new Int32Array(matrix.columns),
  };
  const roots = new Int32Array(trees);
  const permutation = new Int32Array(matrix.rows);
  for (let row = 0; row < matrix.rows; row += 1) permutation[row] = row;
  const sample = new Int32Array(sampleSize);
  for (let tree = 0; tree < trees; tree += 1) {
    // partial Fisher-Yates: the first sampleSize slots become a uniform subsample
    for (let slot = 0; slot < sampleSize; slot += 1) {
      const other = random.int(slot, matrix.rows - 1);
      const held = permutation[slot] as number;
      permutation[slot] = permutation[other] as number;
      permutation[other] = held;
      sample[slot] = permutation[slot] as number;
    }
    roots[tree] = growNode(builder, sample, 0, sampleSize, 0);
  }
  const used = builder.nodeCount;
  return {
    columns: matrix.columns,
    sampleSize,
    heightLimit,
    roots,
    splitFeature: builder.splitFeature.slice(0, used),
    splitValue: builder.splitValue.slice(0, used),
    leftChild: builder.leftChild.slice(0, used),
    rightChild: builder.rightChild.slice(0, used),
    nodeSize: builder.nodeSize.slice(0, used),
    pathLength: builder.pathLength.slice(0, used),
  };
}

function checkForest(forest: IsolationForest): void {
  if (typeof forest !== 'object' || forest === null || !(forest.roots instanceof Int32Array)) {
    throw new TypeError('forest: expected a forest from fitIsolationForest');
  }
}

/** E(h(x)): each row's path length averaged over the trees (with the c(size) leaf adjustment). */
export function meanPathLengths(forest: IsolationForest, rows: FeatureRows): Float64Array {
  checkForest(forest);
  const matrix = toFeatureMatrix(rows);
  if (matrix.rows > 0 && matrix.columns !== forest.columns) {
    throw new RangeError(
      `rows: the forest was fitted on ${forest.columns} features, got rows with ${matrix.columns}`,
    );
  }
  const { values, columns } = matrix;
  const { roots, splitFeature, splitValue, leftChild, rightChild, pathLength } = forest;
  const result = new Float64Array(matrix.rows);
  const trees = roots.length;
  // tree by tree (not row by row): one tree's nodes stay in cache across all rows, measured ~1.4x
  // faster on 30,000 x 6 rows
  for (let tree = 0; tree < trees; tree += 1) {
    const root = roots[tree] as number;
    for (let row = 0; row < matrix.rows; row += 1) {
      const offset = row * columns;
      let node = root;
      let feature = splitFeature[node] as number;
      while (feature >= 0) {
        node =
          (values[offset + feature] as number) <= (splitValue[node] as number)
            ? (leftChild[node] as number)
            : (rightChild[node] as number);
        feature = splitFeature[node] as number;
      }
      result[row] = (result[row] as number) + (pathLength[node] as number);
    }
  }
  for (let row = 0; row < matrix.rows; row += 1) result[row] = (result[row] as number) / trees;
  return result;
}

/**
 * The paper's anomaly score s(x, psi) = 2^(-E(h(x)) / c(psi)) in (0, 1]: near 1 is isolated early
 * (anomalous), about 0.5 or below is ordinary. scikit-learn's `score_samples` is its negative. With
 * a subsample of one row c(psi) = 0 and nothing can be told apart: every score is 0.5, as there.
 */
export function isolationScores(forest: IsolationForest, rows: FeatureRows): Float64Array {
  const lengths = meanPathLengths(forest, rows);
  const normaliser = averagePathLength(forest.sampleSize);
  for (let row = 0; row < lengths.length; row += 1) {
    lengths[row] = normaliser > 0 ? Math.pow(2, -(lengths[row] as number) / normaliser) : 0.5;
  }
  return lengths;
}
