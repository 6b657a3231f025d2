import { describe, expect, it } from 'vitest';
import { fuseRankings } from './fuse-results';

describe('fuseRankings (reciprocal rank fusion, k = 60)', () => {
  it('scores each id by the sum of 1/(60 + rank) over the rankings that hold it', () => {
    const fused = fuseRankings([
      { source: 'lexical', ids: [7, 3, 9] },
      { source: 'vector', ids: [3, 5] },
    ]);
    const byId = new Map(fused.map((hit) => [hit.id, hit]));
    expect(byId.get(3)!.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(byId.get(7)!.score).toBeCloseTo(1 / 61, 12);
    expect(byId.get(5)!.score).toBeCloseTo(1 / 62, 12);
    expect(byId.get(9)!.score).toBeCloseTo(1 / 63, 12);
    expect(fused.map((hit) => hit.id)).toEqual([3, 7, 5, 9]);
  });

  it('says which rankings found each id (the UI shows how a source was matched)', () => {
    const fused = fuseRankings([
      { source: 'lexical', ids: [1, 2] },
      { source: 'vector', ids: [2, 3] },
    ]);
    expect(Object.fromEntries(fused.map((hit) => [hit.id, hit.matchedBy]))).toEqual({
      1: ['lexical'],
      2: ['lexical', 'vector'],
      3: ['vector'],
    });
  });

  it('breaks ties by id so results are reproducible', () => {
    const fused = fuseRankings([
      { source: 'lexical', ids: [4] },
      { source: 'vector', ids: [2] },
    ]);
    expect(fused.map((hit) => hit.id)).toEqual([2, 4]);
  });

  it('rejects a negative k', () => {
    expect(() => fuseRankings([], -1)).toThrow(/k: -1/);
  });
});
