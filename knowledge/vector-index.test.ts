import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VectorIndex } from './vector-index';

const settings = { m: 8, efConstruction: 50, efSearch: 20 };
let directory: string | undefined;

afterEach(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('VectorIndex (HNSW, cosine)', () => {
  it('returns the nearest labels by cosine similarity, best first', () => {
    const index = VectorIndex.create(3, settings, 2);
    index.add([1, 0, 0], 10);
    index.add([0.9, 0.1, 0], 11);
    index.add([0, 1, 0], 12);
    const hits = index.search([1, 0, 0], 2);
    expect(hits.map((hit) => hit.id)).toEqual([10, 11]);
    expect(hits[0]!.score).toBeCloseTo(1, 6);
    expect(hits[1]!.score).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 6);
  });

  it('stops returning a removed label and reuses its slot (the file would grow with every edit)', () => {
    const index = VectorIndex.create(2, settings, 2);
    index.add([1, 0], 1);
    index.add([0, 1], 2);
    index.remove(1);
    index.add([1, 0.1], 3);
    expect(index.search([1, 0], 5).map((hit) => hit.id)).toEqual([3, 2]);
    expect(index.size).toBe(2);
    expect(index.capacity).toBe(2);
    index.add([0.5, 0.5], 4);
    expect(index.capacity).toBeGreaterThan(2);
  });

  it('saves and loads with the same answers', async () => {
    directory = await mkdtemp(join(tmpdir(), 'ayni-vectors-'));
    const file = join(directory, 'vectors.hnsw');
    const index = VectorIndex.create(2, settings);
    index.add([1, 0], 1);
    index.add([0, 1], 2);
    await index.save(file);
    const loaded = await VectorIndex.load(file, 2, [1, 2], settings);
    expect(loaded.search([0.1, 1], 1).map((hit) => hit.id)).toEqual([2]);
  });

  it('rejects a vector of the wrong dimension, naming both sizes', () => {
    const index = VectorIndex.create(3, settings);
    expect(() => index.add([1, 0], 1)).toThrow(/2 numbers .* 3-dimension/);
    expect(() => index.search([1, 0], 1)).toThrow(/2 numbers/);
  });
});
