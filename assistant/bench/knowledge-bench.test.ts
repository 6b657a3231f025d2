import { describe, expect, it } from 'vitest';
import { createRandom } from '../../models/stats/random';
import { runKnowledgeBench } from './knowledge-bench';
import { exactNearest, recallAtK, syntheticVectors } from './knowledge-bench-data';

describe('knowledge bench', () => {
  it('computes recall@k as the mean share of the exact top k found', () => {
    expect(recallAtK([[1, 2, 3, 4]], [[4, 9, 1, 8]], 4)).toBe(0.5);
    expect(
      recallAtK(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [2, 1],
          [5, 6],
        ],
        2,
      ),
    ).toBe(0.5);
    expect(() => recallAtK([[1]], [], 1)).toThrow(/approximate: 0 result lists for 1 queries/);
  });

  it('finds the exact nearest rows by cosine, best first', () => {
    const vectors = {
      dimension: 2,
      count: 4,
      data: new Float32Array([1, 0, 0, 1, Math.SQRT1_2, Math.SQRT1_2, -1, 0]),
    };
    expect(exactNearest(vectors, [2, 0.1], 3)).toEqual([0, 2, 1]);
  });

  it('makes seeded unit vectors (the same seed gives the same corpus)', () => {
    const first = syntheticVectors(50, 8, 'clustered', createRandom(3));
    const second = syntheticVectors(50, 8, 'clustered', createRandom(3));
    expect(first.data).toEqual(second.data);
    for (let row = 0; row < 50; row += 1) {
      const norm = Math.hypot(...first.data.subarray(row * 8, row * 8 + 8));
      expect(norm).toBeCloseTo(1, 5);
    }
  });

  it('reports recall 1 on a corpus small enough for HNSW to be exact, and every figure', async () => {
    const report = await runKnowledgeBench({
      chunks: 300,
      queries: 30,
      dimension: 16,
      seed: 1,
      efSearchSweep: [10],
    });
    expect(report.recallAt10).toBe(1);
    expect(report.sweep).toHaveLength(1);
    expect(report.hybridSearch.p50Ms).toBeGreaterThan(0);
    expect(report.hybridSearch.p95Ms).toBeGreaterThanOrEqual(report.hybridSearch.p50Ms);
    expect(report.buildSeconds.vectors).toBeGreaterThan(0);
  });

  it('rejects a corpus too small to measure recall@10 on', async () => {
    await expect(
      runKnowledgeBench({ chunks: 5, queries: 1, dimension: 4, seed: 1 }),
    ).rejects.toThrow(/chunks: 5/);
  });
});
