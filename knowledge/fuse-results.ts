// Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): score(d) = sum over the
// rankings r of 1 / (k + rank_r(d)), rank 1-based, k = 60 as in the paper.

export type RankingSource = 'lexical' | 'vector';

export interface FusedHit {
  id: number;
  score: number;
  matchedBy: RankingSource[];
}

export const rrfK = 60;

/** Fuses rankings (each best first) into one list, best first; ties keep the lower id first. */
export function fuseRankings(
  rankings: readonly { source: RankingSource; ids: readonly number[] }[],
  k: number = rrfK,
): FusedHit[] {
  if (!(k >= 0)) throw new RangeError(`k: ${k} must be a non-negative number (the paper uses 60)`);
  const fused = new Map<number, FusedHit>();
  for (const ranking of rankings) {
    ranking.ids.forEach((id, index) => {
      const hit = fused.get(id) ?? { id, score: 0, matchedBy: [] };
      hit.score += 1 / (k + index + 1);
      if (!hit.matchedBy.includes(ranking.source)) hit.matchedBy.push(ranking.source);
      fused.set(id, hit);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || a.id - b.id);
}
