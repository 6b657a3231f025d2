// One search over both indexes: the lexical and the vector ranking of the same candidate depth,
// fused by reciprocal rank. Shared by the knowledge index and its benchmark.
import { fuseRankings, type FusedHit, type RankingSource } from './fuse-results';
import type { LexicalIndex } from './lexical-index';
import type { VectorIndex } from './vector-index';

export interface HybridParts {
  lexical: LexicalIndex;
  /** absent in lexical-only mode */
  vectors?: VectorIndex;
  /** labels that still name a chunk (the vector file may hold labels the manifest dropped) */
  isKnown(label: number): boolean;
}

/** How deep each ranking is read before fusing: a passage ranked low by one index can still win. */
export function candidateDepth(limit: number): number {
  return Math.max(limit * 4, 20);
}

export function hybridSearch(
  parts: HybridParts,
  query: string,
  queryVector: readonly number[] | undefined,
  limit: number,
): FusedHit[] {
  const depth = candidateDepth(limit);
  const rankings: { source: RankingSource; ids: number[] }[] = [
    {
      source: 'lexical',
      ids: parts.lexical
        .search(query, depth)
        .map((hit) => hit.id)
        .filter(parts.isKnown),
    },
  ];
  if (parts.vectors && queryVector) {
    rankings.push({
      source: 'vector',
      ids: parts.vectors
        .search(queryVector, depth)
        .map((hit) => hit.id)
        .filter(parts.isKnown),
    });
  }
  return fuseRankings(rankings).slice(0, limit);
}
