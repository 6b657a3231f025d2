import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random.js';
import reference from './fixtures/sklearn-isolation-forest.json' with { type: 'json' };
import {
  averagePathLength,
  fitIsolationForest,
  isolationScores,
  meanPathLengths,
  type IsolationForest,
} from './isolation-forest.js';

/** Ranks 1..n with ties given their average rank. */
function ranks(values: ArrayLike<number>): number[] {
  const order = Array.from(values, (_, index) => index).sort(
    (a, b) => (values[a] as number) - (values[b] as number),
  );
  const result = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end += 1;
    for (let position = start; position <= end; position += 1) {
      result[order[position]!] = (start + end) / 2 + 1;
    }
    start = end + 1;
  }
  return result;
}

function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const rankA = ranks(a);
  const rankB = ranks(b);
  const n = rankA.length;
  const meanRank = (n + 1) / 2;
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let index = 0; index < n; index += 1) {
    const da = rankA[index]! - meanRank;
    const db = rankB[index]! - meanRank;
    covariance += da * db;
    varianceA += da * da;
    varianceB += db * db;
  }
  return covariance / Math.sqrt(varianceA * varianceB);
}

function topIndices(values: ArrayLike<number>, count: number): Set<number> {
  const order = Array.from(values, (_, index) => index).sort(
    (a, b) => (values[b] as number) - (values[a] as number),
  );
  return new Set(order.slice(0, count));
}

function gaussianCloud(seed: number, rows: number, columns: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => random.normal()));
}

function median(values: ArrayLike<number>): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe('averagePathLength', () => {
  it("follows the paper's c(n) = 2H(n-1) - 2(n-1)/n with H(i) = ln i + Euler's constant (else the normaliser is wrong)", () => {
    const euler = 0.5772156649015329;
    for (const n of [3, 7, 64, 256, 4096]) {
      const expected = 2 * (Math.log(n - 1) + euler) - (2 * (n - 1)) / n;
      expect(averagePathLength(n)).toBeCloseTo(expected, 12);
    }
  });

  it("matches scikit-learn's _average_path_length, including c(0) = c(1) = 0 and c(2) = 1 (else scores differ from the reference at small leaves)", () => {
    const { n, c } = reference.averagePathLength;
    n.forEach((size, index) => {
      expect(averagePathLength(size)).toBeCloseTo(c[index]!, 10);
    });
  });

  it('rejects a negative or non-finite n with a RangeError naming n (else garbage leaks into scores)', () => {
    expect(() => averagePathLength(-1)).toThrow(/^n:/);
    expect(() => averagePathLength(Number.NaN)).toThrow(RangeError);
  });
});

describe('fitIsolationForest and isolationScores', () => {
  it('scores a planted outlier in a Gaussian cloud highest and above 0.6, with inliers near 0.5 or below (else the forest does not isolate)', () => {
    const rows = gaussianCloud(11, 600, 3);
    rows.push([6, -6, 6]);
    const forest = fitIsolationForest(rows, { random: createRandom(5) });
    const scores = isolationScores(forest, rows);
    const outlier = scores[600]!;
    expect(outlier).toBeGreaterThan(0.6);
    expect(Math.max(...scores.subarray(0, 600))).toBeLessThan(outlier);
    expect(median(scores.subarray(0, 600))).toBeLessThan(0.5);
    expect(median(scores.subarray(0, 600))).toBeGreaterThan(0.35);
  });

  it('gives identical forests and scores for the same seed and different ones for another seed (else runs are not reproducible)', () => {
    const rows = gaussianCloud(3, 400, 4);
    const first = isolationScores(fitIsolationForest(rows, { random: createRandom(42) }), rows);
    const second = isolationScores(fitIsolationForest(rows, { random: createRandom(42) }), rows);
    const other = isolationScores(fitIsolationForest(rows, { random: createRandom(43) }), rows);
    expect(Array.from(second)).toEqual(Array.from(first));
    expect(Array.from(other)).not.toEqual(Array.from(first));
  });

  for (const dataset of reference.datasets) {
    it(`ranks rows like scikit-learn's score_samples on "${dataset.name}" (Spearman > 0.9, planted top-k shared; else the splits or path lengths differ from the paper)`, () => {
      // scikit-learn's reference is averaged over 10 forests of 100 trees; 1000 trees here match it
      const forest = fitIsolationForest(dataset.rows, {
        trees: 1000,
        sampleSize: dataset.sampleSize,
        random: createRandom(2008),
      });
      const scores = isolationScores(forest, dataset.rows);
      expect(spearman(scores, dataset.meanScore)).toBeGreaterThan(0.9);
      const k = dataset.planted.length;
      const ours = topIndices(scores, k);
      const theirs = topIndices(dataset.meanScore, k);
      const shared = [...ours].filter((index) => theirs.has(index)).length;
      expect(shared).toBeGreaterThanOrEqual(Math.ceil(0.8 * k));
      // and the score scale agrees, not just the order
      for (let row = 0; row < scores.length; row += 1) {
        expect(Math.abs(scores[row]! - dataset.meanScore[row]!)).toBeLessThan(0.03);
      }
    });
  }

  it('gives a mean path length near c(psi) on uniform data with no anomalies (else the leaf adjustment or height limit is off)', () => {
    const random = createRandom(99);
    const rows = Array.from({ length: 2000 }, () => [random.next(), random.next()]);
    const forest = fitIsolationForest(rows, { trees: 200, sampleSize: 256, random });
    const lengths = meanPathLengths(forest, rows);
    const average = lengths.reduce((total, value) => total + value, 0) / lengths.length;
    expect(Math.abs(average - averagePathLength(256)) / averagePathLength(256)).toBeLessThan(0.1);
  });

  it('keeps node sizes consistent, leaves summing to psi and depths within ceil(log2 psi) (else the trees are malformed)', () => {
    const rows = gaussianCloud(8, 300, 2);
    const forest = fitIsolationForest(rows, {
      trees: 20,
      sampleSize: 100,
      random: createRandom(1),
    });
    expect(forest.heightLimit).toBe(7);
    const visit = (tree: IsolationForest, node: number, depth: number): number => {
      expect(depth).toBeLessThanOrEqual(tree.heightLimit);
      if (tree.splitFeature[node]! < 0) {
        expect(tree.pathLength[node]).toBeCloseTo(
          depth + averagePathLength(tree.nodeSize[node]!),
          12,
        );
        return tree.nodeSize[node]!;
      }
      const left = visit(tree, tree.leftChild[node]!, depth + 1);
      const right = visit(tree, tree.rightChild[node]!, depth + 1);
      expect(left).toBeGreaterThan(0);
      expect(right).toBeGreaterThan(0);
      expect(left + right).toBe(tree.nodeSize[node]);
      return left + right;
    };
    for (const root of forest.roots) expect(visit(forest, root, 0)).toBe(100);
  });

  it('scores every row 0.5 (to 12 digits) when all rows are identical, without NaN (else a node that cannot split crashes or divides by zero)', () => {
    const rows = Array.from({ length: 50 }, () => [3, 3, 3]);
    const scores = isolationScores(fitIsolationForest(rows, { random: createRandom(2) }), rows);
    for (const score of scores) expect(score).toBeCloseTo(0.5, 12);
  });

  it('never splits on a constant feature and still isolates the outlier (else constant features waste splits or make empty nodes)', () => {
    const rows = gaussianCloud(4, 300, 2).map((row) => [row[0]!, 7, row[1]!]);
    rows.push([8, 7, 8]);
    const forest = fitIsolationForest(rows, { random: createRandom(3) });
    expect(Array.from(forest.splitFeature).includes(1)).toBe(false);
    const scores = isolationScores(forest, rows);
    expect(scores.every((score) => Number.isFinite(score))).toBe(true);
    expect(topIndices(scores, 1).has(300)).toBe(true);
  });

  it('scores 0.5 everywhere when only one row is available (c(1) = 0 gives no scale, as scikit-learn)', () => {
    const forest = fitIsolationForest([[1, 2]], { random: createRandom(1) });
    expect(forest.sampleSize).toBe(1);
    expect(
      Array.from(
        isolationScores(forest, [
          [1, 2],
          [50, 50],
        ]),
      ),
    ).toEqual([0.5, 0.5]);
  });

  it('accepts a row-major matrix and gives the same result as arrays of rows (else the two input forms disagree)', () => {
    const rows = gaussianCloud(6, 120, 3);
    const matrix = { values: Float64Array.from(rows.flat()), rows: 120, columns: 3 };
    const fromRows = isolationScores(fitIsolationForest(rows, { random: createRandom(9) }), rows);
    const fromMatrix = isolationScores(
      fitIsolationForest(matrix, { random: createRandom(9) }),
      matrix,
    );
    expect(Array.from(fromMatrix)).toEqual(Array.from(fromRows));
  });

  it('caps the subsample at the number of rows (else sampling without replacement runs out)', () => {
    const rows = gaussianCloud(2, 40, 2);
    const forest = fitIsolationForest(rows, { random: createRandom(1) });
    expect(forest.sampleSize).toBe(40);
    expect(forest.heightLimit).toBe(6);
  });

  it('rejects bad input with errors naming the field (else callers cannot fix their data)', () => {
    const random = createRandom(1);
    expect(() => fitIsolationForest([], { random })).toThrow(/^rows:/);
    expect(() => fitIsolationForest([[1, 2], [3]], { random })).toThrow(/^rows\[1\]: expected 2/);
    expect(() => fitIsolationForest([[1, Number.NaN]], { random })).toThrow(/^rows\[0\]\[1\]/);
    expect(() => fitIsolationForest([[1, Infinity]], { random })).toThrow(RangeError);
    expect(() => fitIsolationForest([[1]], { trees: 0, random })).toThrow(/^options\.trees/);
    expect(() => fitIsolationForest([[1]], { sampleSize: 2.5, random })).toThrow(
      /^options\.sampleSize/,
    );
    const badMatrix = { values: new Float64Array(5), rows: 2, columns: 3 };
    expect(() => fitIsolationForest(badMatrix, { random })).toThrow(/^rows\.values/);
    const forest = fitIsolationForest(
      [
        [1, 2],
        [2, 3],
      ],
      { random },
    );
    expect(() => isolationScores(forest, [[1, 2, 3]])).toThrow(/fitted on 2 features/);
  });
});
