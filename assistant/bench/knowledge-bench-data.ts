// Synthetic corpus for the knowledge benchmark: seeded vectors (clustered like real embeddings,
// or uniform on the sphere) in one Float32Array, texts drawn from a Zipf vocabulary, and the
// exact (brute-force cosine) neighbours that HNSW's recall is measured against.
import { createRandom, type Random } from '../../models/stats/random';

export type VectorDistribution = 'clustered' | 'uniform';

export interface SyntheticVectors {
  dimension: number;
  count: number;
  /** row-major, each row of unit length */
  data: Float32Array;
}

function normaliseRow(data: Float32Array, offset: number, dimension: number): void {
  let norm = 0;
  for (let index = 0; index < dimension; index += 1) norm += data[offset + index]! ** 2;
  const scale = 1 / Math.sqrt(norm);
  for (let index = 0; index < dimension; index += 1) data[offset + index]! *= scale;
}

/**
 * `count` unit vectors. Clustered: sqrt(count) centres uniform on the sphere, each point its
 * centre plus isotropic noise of the same norm (cosine to its centre ~0.7), as documents on one
 * topic sit together; uniform: independent directions (no structure at all).
 */
export function syntheticVectors(
  count: number,
  dimension: number,
  distribution: VectorDistribution,
  random: Random,
): SyntheticVectors {
  const data = new Float32Array(count * dimension);
  const noiseSd = 1 / Math.sqrt(dimension);
  if (distribution === 'uniform') {
    for (let index = 0; index < data.length; index += 1) data[index] = random.normal();
  } else {
    const centres = syntheticVectors(
      Math.max(1, Math.round(Math.sqrt(count))),
      dimension,
      'uniform',
      random,
    );
    for (let row = 0; row < count; row += 1) {
      const centre = random.int(0, centres.count - 1) * dimension;
      for (let index = 0; index < dimension; index += 1) {
        data[row * dimension + index] = centres.data[centre + index]! + random.normal(0, noiseSd);
      }
    }
  }
  for (let row = 0; row < count; row += 1) normaliseRow(data, row * dimension, dimension);
  return { dimension, count, data };
}

export function rowOf(vectors: SyntheticVectors, row: number): number[] {
  return Array.from(vectors.data.subarray(row * vectors.dimension, (row + 1) * vectors.dimension));
}

/** The exact `k` nearest rows by cosine (rows are unit length, so by dot product), best first. */
export function exactNearest(
  vectors: SyntheticVectors,
  query: readonly number[],
  k: number,
): number[] {
  const { data, dimension, count } = vectors;
  const bestIds: number[] = [];
  const bestScores: number[] = [];
  let queryNorm = 0;
  for (const value of query) queryNorm += value * value;
  const scale = 1 / Math.sqrt(queryNorm);
  for (let row = 0; row < count; row += 1) {
    let dot = 0;
    const offset = row * dimension;
    for (let index = 0; index < dimension; index += 1) dot += data[offset + index]! * query[index]!;
    dot *= scale;
    if (bestIds.length === k && dot <= bestScores[k - 1]!) continue;
    let position = bestIds.length === k ? k - 1 : bestIds.length;
    while (position > 0 && bestScores[position - 1]! < dot) position -= 1;
    bestIds.splice(position, 0, row);
    bestScores.splice(position, 0, dot);
    if (bestIds.length > k) {
      bestIds.pop();
      bestScores.pop();
    }
  }
  return bestIds;
}

/** Mean over queries of |approximate top-k ∩ exact top-k| / k. */
export function recallAtK(
  exact: readonly (readonly number[])[],
  approximate: readonly (readonly number[])[],
  k: number,
): number {
  if (exact.length !== approximate.length || exact.length === 0) {
    throw new RangeError(
      `approximate: ${approximate.length} result lists for ${exact.length} queries; pass one per query`,
    );
  }
  let total = 0;
  exact.forEach((truth, query) => {
    const wanted = new Set(truth.slice(0, k));
    const found = approximate[query]!.slice(0, k).filter((id) => wanted.has(id)).length;
    total += found / Math.min(k, wanted.size);
  });
  return total / exact.length;
}

/** Texts of `words` pseudo-words drawn from a Zipf(1) vocabulary, as natural language is. */
export function syntheticTexts(
  count: number,
  words: number,
  vocabulary: number,
  random: Random,
): string[] {
  const cumulative = new Float64Array(vocabulary);
  let sum = 0;
  for (let rank = 0; rank < vocabulary; rank += 1) {
    sum += 1 / (rank + 1);
    cumulative[rank] = sum;
  }
  const draw = () => {
    const target = random.next() * sum;
    let low = 0;
    let high = vocabulary - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return `termino${low}`;
  };
  return Array.from({ length: count }, () => Array.from({ length: words }, draw).join(' '));
}

export { createRandom };
