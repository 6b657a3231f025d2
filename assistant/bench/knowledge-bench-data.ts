// Synthetic corpus for the knowledge benchmark: seeded vectors (clustered like real embeddings,
// or uniform on the sphere) in one Float32Array, texts drawn from a Zipf vocabulary, and the
// exact (brute-force cosine) neighbours that HNSW's recall is measured against.
import { createRandom, type Random } from '../../models/stats/random';

export type VectorDistribution = 'latent' | 'clustered' | 'uniform';

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

function gaussianRows(rows: number, dimension: number, random: Random, sd = 1): Float32Array {
  const data = new Float32Array(rows * dimension);
  for (let index = 0; index < data.length; index += 1) data[index] = random.normal(0, sd);
  return data;
}

/** Draws unit vectors; corpus and queries come from the same model. */
export interface VectorModel {
  dimension: number;
  sample(count: number, random: Random): SyntheticVectors;
}

export const latentDimension = 32;

/**
 * The vector distributions of the benchmark, each with `topics` topics:
 * - latent: topics are Gaussian clusters in a 32-dimension space, embedded in `dimension` by a
 *   random linear map plus 10 % isotropic noise: low intrinsic dimension, as text embeddings have
 *   (what HNSW is built for);
 * - clustered: topic centres uniform on the sphere, each point its centre plus isotropic noise of
 *   the same norm in all `dimension` coordinates (cosine to its centre ~0.7);
 * - uniform: independent directions, no structure at all: every point is almost equally far from
 *   every other (Beyer et al., "When is nearest neighbor meaningful?", 1999), the worst case.
 */
export function vectorModel(
  dimension: number,
  distribution: VectorDistribution,
  topics: number,
  random: Random,
): VectorModel {
  const sample = (count: number, draw: (row: Float32Array, offset: number) => void) => {
    const data = new Float32Array(count * dimension);
    for (let row = 0; row < count; row += 1) {
      draw(data, row * dimension);
      normaliseRow(data, row * dimension, dimension);
    }
    return { dimension, count, data };
  };
  if (distribution === 'uniform') {
    return {
      dimension,
      sample: (count, from) =>
        sample(count, (data, offset) => {
          for (let index = 0; index < dimension; index += 1) data[offset + index] = from.normal();
        }),
    };
  }
  if (distribution === 'clustered') {
    const centres = gaussianRows(topics, dimension, random);
    for (let row = 0; row < topics; row += 1) normaliseRow(centres, row * dimension, dimension);
    const noiseSd = 1 / Math.sqrt(dimension);
    return {
      dimension,
      sample: (count, from) =>
        sample(count, (data, offset) => {
          const centre = from.int(0, topics - 1) * dimension;
          for (let index = 0; index < dimension; index += 1) {
            data[offset + index] = centres[centre + index]! + from.normal(0, noiseSd);
          }
        }),
    };
  }
  const centres = gaussianRows(topics, latentDimension, random);
  const projection = gaussianRows(
    latentDimension,
    dimension,
    random,
    1 / Math.sqrt(latentDimension),
  );
  const latent = new Float32Array(latentDimension);
  return {
    dimension,
    sample: (count, from) =>
      sample(count, (data, offset) => {
        const centre = from.int(0, topics - 1) * latentDimension;
        for (let index = 0; index < latentDimension; index += 1) {
          latent[index] = centres[centre + index]! + from.normal(0, 0.5);
        }
        for (let index = 0; index < dimension; index += 1) data[offset + index] = 0;
        for (let axis = 0; axis < latentDimension; axis += 1) {
          const weight = latent[axis]!;
          const base = axis * dimension;
          for (let index = 0; index < dimension; index += 1) {
            data[offset + index]! += weight * projection[base + index]!;
          }
        }
        normaliseRow(data, offset, dimension);
        const noiseSd = 0.1 / Math.sqrt(dimension);
        for (let index = 0; index < dimension; index += 1) {
          data[offset + index]! += from.normal(0, noiseSd);
        }
      }),
  };
}

/** `count` seeded unit vectors from the named distribution with sqrt(count) topics. */
export function syntheticVectors(
  count: number,
  dimension: number,
  distribution: VectorDistribution,
  random: Random,
): SyntheticVectors {
  const topics = Math.max(1, Math.round(Math.sqrt(count)));
  return vectorModel(dimension, distribution, topics, random.fork('model')).sample(
    count,
    random.fork('sample'),
  );
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
