// Brings the stored vector index in line with the documents: documents whose content hash is
// unchanged keep their vectors, changed and removed ones are marked deleted, new and changed
// ones are embedded. A different embedding model, dimension or chunking rebuilds everything.
import { join } from 'node:path';
import type { DocumentChunk, ChunkingOptions } from './chunk-documents';
import { mkdir } from 'node:fs/promises';
import {
  noIndexYet,
  readManifest,
  writeManifest,
  type IndexManifest,
  type ManifestChunk,
} from './index-manifest';
import type { Embedder } from './types';
import { VectorIndex, type HnswSettings } from './vector-index';

export interface ChunkedDocument {
  path: string;
  hash: string;
  chunks: DocumentChunk[];
}

export interface LabelledChunk extends DocumentChunk {
  label: number;
}

export interface VectorSyncResult {
  /** undefined when there is nothing to index */
  vectors: VectorIndex | undefined;
  chunks: LabelledChunk[];
  embeddedChunks: number;
  reusedChunks: number;
  removedChunks: number;
  /** why the whole index was built anew, when it was */
  rebuiltBecause?: string;
}

export interface VectorSyncOptions {
  indexDir: string;
  documents: readonly ChunkedDocument[];
  embedder: Embedder;
  hnsw: HnswSettings;
  chunking: ChunkingOptions;
  signal?: AbortSignal;
  /** texts per embedding request */
  batchSize?: number;
}

export const manifestFileName = 'manifest.json';
export const vectorFileName = 'vectors.hnsw';

/** What the embedding model reads for a chunk: where it sits, then its text. */
export function embeddingText(chunk: DocumentChunk): string {
  const place = chunk.heading === chunk.title ? chunk.title : `${chunk.title} > ${chunk.heading}`;
  return `${place}\n\n${chunk.text}`;
}

function sameChunks(stored: readonly ManifestChunk[], current: readonly DocumentChunk[]): boolean {
  return (
    stored.length === current.length &&
    stored.every(
      (chunk, index) =>
        chunk.heading === current[index]!.heading &&
        chunk.lineStart === current[index]!.lineStart &&
        chunk.lineEnd === current[index]!.lineEnd,
    )
  );
}

function incompatibility(manifest: IndexManifest, options: VectorSyncOptions): string | undefined {
  if (manifest.embeddingModel !== options.embedder.model) {
    return `the embedding model changed from ${manifest.embeddingModel} to ${options.embedder.model}`;
  }
  if (
    manifest.chunking.chunkSize !== options.chunking.chunkSize ||
    manifest.chunking.chunkOverlap !== options.chunking.chunkOverlap
  ) {
    return 'the chunking settings changed';
  }
  if (
    manifest.hnsw.m !== options.hnsw.m ||
    manifest.hnsw.efConstruction !== options.hnsw.efConstruction
  ) {
    return 'the HNSW settings changed';
  }
  return undefined;
}

async function embedAll(texts: readonly string[], options: VectorSyncOptions): Promise<number[][]> {
  const batchSize = options.batchSize ?? 32;
  const vectors: number[][] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    options.signal?.throwIfAborted();
    const batch = texts.slice(start, start + batchSize);
    const result = await options.embedder.embed(batch, options.signal);
    if (result.length !== batch.length) {
      throw new Error(
        `embedding model ${options.embedder.model} returned ${result.length} vectors for ${batch.length} texts`,
      );
    }
    vectors.push(...result);
  }
  return vectors;
}

async function loadCompatible(options: VectorSyncOptions) {
  const read = await readManifest(join(options.indexDir, manifestFileName));
  if ('problem' in read) return { problem: read.problem === noIndexYet ? undefined : read.problem };
  const problem = incompatibility(read.manifest, options);
  if (problem) return { problem };
  const live = Object.values(read.manifest.documents).flatMap((document) =>
    document.chunks.map((chunk) => chunk.label),
  );
  try {
    const vectors = await VectorIndex.load(
      join(options.indexDir, vectorFileName),
      read.manifest.dimension,
      live,
      options.hnsw,
    );
    return { manifest: read.manifest, vectors };
  } catch (error) {
    return { problem: `the vector file could not be read (${(error as Error).message})` };
  }
}

export async function syncVectors(options: VectorSyncOptions): Promise<VectorSyncResult> {
  const loaded = await loadCompatible(options);
  let vectors = 'vectors' in loaded ? loaded.vectors : undefined;
  const stored = 'manifest' in loaded ? loaded.manifest : undefined;
  let rebuiltBecause = 'problem' in loaded ? loaded.problem : undefined;
  let nextLabel = stored?.nextLabel ?? 0;

  const kept = new Map<string, number[]>();
  const toEmbed: ChunkedDocument[] = [];
  for (const document of options.documents) {
    const previous = stored?.documents[document.path];
    if (
      previous &&
      previous.hash === document.hash &&
      sameChunks(previous.chunks, document.chunks)
    ) {
      kept.set(
        document.path,
        previous.chunks.map((chunk) => chunk.label),
      );
    } else {
      toEmbed.push(document);
    }
  }
  let removedChunks = 0;
  for (const [path, document] of Object.entries(stored?.documents ?? {})) {
    if (kept.has(path)) continue;
    for (const chunk of document.chunks) vectors?.remove(chunk.label);
    removedChunks += document.chunks.length;
  }

  const pending = toEmbed.flatMap((document) => document.chunks);
  let embedded = await embedAll(pending.map(embeddingText), options);
  const dimension = embedded[0]?.length;
  if (vectors && dimension !== undefined && dimension !== vectors.dimension) {
    // same model name, other vector size (a re-pulled model): nothing stored can be compared
    rebuiltBecause = `the embedding dimension changed from ${vectors.dimension} to ${dimension}`;
    vectors = undefined;
    kept.clear();
    toEmbed.splice(0, toEmbed.length, ...options.documents);
    embedded = await embedAll(
      options.documents.flatMap((document) => document.chunks).map(embeddingText),
      options,
    );
  }
  const newLabels = new Map<string, number[]>();
  if (vectors === undefined) nextLabel = 0;
  let cursor = 0;
  for (const document of toEmbed) {
    const labels: number[] = [];
    for (let index = 0; index < document.chunks.length; index += 1) {
      const vector = embedded[cursor]!;
      cursor += 1;
      vectors ??= VectorIndex.create(vector.length, options.hnsw);
      vectors.add(vector, nextLabel);
      labels.push(nextLabel);
      nextLabel += 1;
    }
    newLabels.set(document.path, labels);
  }

  const chunks: LabelledChunk[] = [];
  const manifestDocuments: IndexManifest['documents'] = {};
  for (const document of options.documents) {
    const labels = kept.get(document.path) ?? newLabels.get(document.path) ?? [];
    document.chunks.forEach((chunk, index) => chunks.push({ ...chunk, label: labels[index]! }));
    manifestDocuments[document.path] = {
      hash: document.hash,
      chunks: document.chunks.map((chunk, index) => ({
        label: labels[index]!,
        heading: chunk.heading,
        lineStart: chunk.lineStart,
        lineEnd: chunk.lineEnd,
      })),
    };
  }
  const changed = pending.length > 0 || removedChunks > 0 || rebuiltBecause !== undefined;
  if (vectors && changed) {
    await mkdir(options.indexDir, { recursive: true });
    await vectors.save(join(options.indexDir, vectorFileName));
    await writeManifest(join(options.indexDir, manifestFileName), {
      version: 1,
      embeddingModel: options.embedder.model,
      dimension: vectors.dimension,
      chunking: { ...options.chunking },
      hnsw: { m: options.hnsw.m, efConstruction: options.hnsw.efConstruction },
      nextLabel,
      documents: manifestDocuments,
    });
  }
  return {
    vectors,
    chunks,
    embeddedChunks: embedded.length,
    reusedChunks: [...kept.values()].reduce((total, labels) => total + labels.length, 0),
    removedChunks,
    ...(rebuiltBecause !== undefined && { rebuiltBecause }),
  };
}
