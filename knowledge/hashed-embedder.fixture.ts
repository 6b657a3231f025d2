// A deterministic test embedder: hashed bag of index terms (feature hashing, Weinberger et al.
// 2009), so texts that share words are near in cosine. It counts its calls and texts, and can be
// told to fail like an embedding model that is not pulled or a server that is down.
import { termsOf } from './spanish-text';
import type { Embedder } from './types';

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export class HashedEmbedder implements Embedder {
  readonly model: string;
  readonly dimension: number;
  calls = 0;
  texts: string[] = [];
  /** when set, embed() rejects with it */
  failure: Error | undefined;

  constructor(options: { model?: string; dimension?: number } = {}) {
    this.model = options.model ?? 'hashed-test';
    this.dimension = options.dimension ?? 128;
  }

  vectorOf(text: string): number[] {
    const vector = new Array<number>(this.dimension).fill(0);
    for (const term of termsOf(text)) {
      const hash = fnv1a(term);
      vector[hash % this.dimension]! += hash & 0x80000000 ? -1 : 1;
    }
    const norm = Math.hypot(...vector);
    // an empty text still needs a valid (non-zero) vector for cosine space
    return norm === 0
      ? vector.map((_, index) => (index === 0 ? 1 : 0))
      : vector.map((value) => value / norm);
  }

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<number[][]> {
    signal?.throwIfAborted();
    this.calls += 1;
    if (this.failure) throw this.failure;
    this.texts.push(...texts);
    return texts.map((text) => this.vectorOf(text));
  }
}
