// Approximate nearest neighbours in cosine space with hnswlib-node (HNSW: Malkov & Yashunin,
// IEEE TPAMI 2020). Labels are the chunk ids the manifest holds; deleted labels' slots are reused.
import { rename } from 'node:fs/promises';
import hnswlib from 'hnswlib-node';
import type { RankedHit } from './lexical-index';

export interface HnswSettings {
  /** graph degree: links per node per layer */
  m: number;
  /** candidate list size while inserting */
  efConstruction: number;
  /** candidate list size while searching (at least the number of results asked for) */
  efSearch: number;
}

// Chosen with assistant/bench/knowledge-bench.ts on 100,000 vectors of 1,024 dimensions (bge-m3's
// size): with M = 16, efConstruction = 200, recall@10 against exact search was 0.96-0.995 at
// efSearch 32 and at least 0.999 from 64 up (topic-structured vectors), at ~0.7 ms a search;
// 100 leaves a margin for real embeddings being less tidy than synthetic ones. M = 32 doubles
// recall on structureless (uniform) vectors but costs 1.6x the build time and memory.
export const defaultHnswSettings: HnswSettings = { m: 16, efConstruction: 200, efSearch: 100 };

const initialCapacity = 1024;
const randomSeed = 100;

export class VectorIndex {
  readonly dimension: number;
  private readonly index: hnswlib.HierarchicalNSW;
  private readonly labels = new Set<number>();
  private efSearch: number;

  private constructor(
    dimension: number,
    index: hnswlib.HierarchicalNSW,
    settings: HnswSettings,
    labels: Iterable<number>,
  ) {
    this.dimension = dimension;
    this.index = index;
    this.efSearch = settings.efSearch;
    for (const label of labels) this.labels.add(label);
    index.setEf(settings.efSearch);
  }

  static create(
    dimension: number,
    settings: HnswSettings = defaultHnswSettings,
    capacity: number = initialCapacity,
  ): VectorIndex {
    if (!Number.isInteger(dimension) || dimension < 1) {
      throw new RangeError(`dimension: ${dimension} must be a positive integer`);
    }
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    index.initIndex({
      maxElements: Math.max(1, capacity),
      m: settings.m,
      efConstruction: settings.efConstruction,
      randomSeed,
      allowReplaceDeleted: true,
    });
    return new VectorIndex(dimension, index, settings, []);
  }

  /** Reads an index written by save(); `labels` are the live ones (the rest were deleted). */
  static async load(
    file: string,
    dimension: number,
    labels: Iterable<number>,
    settings: HnswSettings = defaultHnswSettings,
  ): Promise<VectorIndex> {
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    await index.readIndex(file, true);
    return new VectorIndex(dimension, index, settings, labels);
  }

  get size(): number {
    return this.labels.size;
  }

  /** slots allocated in the HNSW file (live + deleted + free) */
  get capacity(): number {
    return this.index.getMaxElements();
  }

  /** Trades speed for recall at search time (no rebuild needed). */
  setEfSearch(efSearch: number): void {
    if (!Number.isInteger(efSearch) || efSearch < 1) {
      throw new RangeError(`efSearch: ${efSearch} must be a positive integer`);
    }
    this.efSearch = efSearch;
  }

  has(label: number): boolean {
    return this.labels.has(label);
  }

  add(vector: readonly number[], label: number): void {
    if (vector.length !== this.dimension) {
      throw new RangeError(
        `vector: has ${vector.length} numbers but the index holds ${this.dimension}-dimension vectors`,
      );
    }
    if (this.labels.has(label)) throw new RangeError(`label: ${label} is already in the index`);
    const slots = this.index.getMaxElements();
    // a deleted slot is reused when there is one; otherwise grow by half
    if (this.index.getCurrentCount() >= slots && this.labels.size >= slots) {
      this.index.resizeIndex(Math.ceil(slots * 1.5) + 1);
    }
    this.index.addPoint(vector as number[], label, this.index.getCurrentCount() >= slots);
    this.labels.add(label);
  }

  remove(label: number): void {
    if (!this.labels.delete(label)) return;
    this.index.markDelete(label);
  }

  /** The nearest `limit` labels by cosine similarity, best first (score = cosine similarity). */
  search(vector: readonly number[], limit: number): RankedHit[] {
    if (vector.length !== this.dimension) {
      throw new RangeError(
        `vector: has ${vector.length} numbers but the index holds ${this.dimension}-dimension vectors`,
      );
    }
    const count = Math.min(limit, this.labels.size);
    if (count === 0) return [];
    this.index.setEf(Math.max(this.efSearch, count));
    const result = this.index.searchKnn(vector as number[], count);
    return result.neighbors.map((id, position) => ({
      id,
      score: 1 - result.distances[position]!,
    }));
  }

  /** Writes the index to `file` atomically (a temporary file renamed over it). */
  async save(file: string): Promise<void> {
    const temporary = `${file}.tmp-${process.pid}`;
    await this.index.writeIndex(temporary);
    await rename(temporary, file);
  }
}
