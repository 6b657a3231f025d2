// The knowledge index the server and search_knowledge use: chunks of the docs folder in a BM25
// index and, when an embedding model answers, in an HNSW vector index stored under `indexDir`;
// searches fuse both. Without a working embedding model it serves lexical results and says why.
import {
  chunkDocument,
  defaultChunking,
  type ChunkingOptions,
  type DocumentChunk,
} from './chunk-documents';
import { hybridSearch } from './hybrid-search';
import { LexicalIndex } from './lexical-index';
import { readDocuments } from './read-documents';
import { syncVectors, type ChunkedDocument } from './sync-vectors';
import type {
  Embedder,
  KnowledgeIndex,
  KnowledgePassage,
  KnowledgeSearchOptions,
  KnowledgeStatus,
} from './types';
import { defaultHnswSettings, type HnswSettings, type VectorIndex } from './vector-index';

export interface KnowledgeLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface OpenKnowledgeIndexOptions {
  /** folder of the markdown documents (the repository's knowledge/docs) */
  docsDir: string;
  /** folder for the vector file and its manifest (e.g. <dataDir>/knowledge) */
  indexDir: string;
  /** absent: lexical search only */
  embedder?: Embedder;
  logger?: KnowledgeLogger;
  signal?: AbortSignal;
  /** after an embedding failure, how long searches stay lexical before trying again (60 s) */
  retryIntervalMs?: number;
  /** milliseconds clock for the retry interval (Date.now) */
  now?: () => number;
  hnsw?: HnswSettings;
  chunking?: ChunkingOptions;
}

export interface RebuildReport extends KnowledgeStatus {
  embeddedChunks: number;
  reusedChunks: number;
  removedChunks: number;
}

export interface OpenKnowledgeIndex extends KnowledgeIndex {
  /** Re-reads the docs folder and re-embeds only documents whose content changed. */
  rebuild(signal?: AbortSignal): Promise<RebuildReport>;
}

export const maxSearchLimit = 50;

interface IndexState {
  documents: number;
  chunks: Map<number, DocumentChunk>;
  lexical: LexicalIndex;
  vectors: VectorIndex | undefined;
}

const silentLogger: KnowledgeLogger = { info() {}, warn() {} };

function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class KnowledgeBase implements OpenKnowledgeIndex {
  private state: IndexState = {
    documents: 0,
    chunks: new Map(),
    lexical: new LexicalIndex(),
    vectors: undefined,
  };
  /** the last embedding failure; searches stay lexical until retryIntervalMs after it */
  private failure: { message: string; at: number } | undefined;
  private building: Promise<RebuildReport> | undefined;
  private readonly logger: KnowledgeLogger;
  private readonly now: () => number;
  private readonly retryIntervalMs: number;

  constructor(private readonly options: OpenKnowledgeIndexOptions) {
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
    this.retryIntervalMs = options.retryIntervalMs ?? 60_000;
  }

  status(): KnowledgeStatus {
    const base = { documents: this.state.documents, chunks: this.state.chunks.size };
    const embedder = this.options.embedder;
    if (!embedder) {
      return {
        ...base,
        mode: 'lexical',
        message:
          'no embedding model is configured, so knowledge search is lexical (BM25) only; set AYNI_EMBED_MODEL (e.g. bge-m3) and run "ollama pull bge-m3"',
      };
    }
    if (this.failure) {
      return {
        ...base,
        mode: 'lexical',
        message: `the embedding model ${embedder.model} is not available (${this.failure.message}), so knowledge search is lexical (BM25) only; run "ollama pull ${embedder.model}" and check that Ollama is running`,
      };
    }
    if (!this.state.vectors) {
      return {
        ...base,
        mode: 'lexical',
        message: `there are no documents to embed yet; add markdown files to ${this.options.docsDir}`,
      };
    }
    return { ...base, mode: 'hybrid' };
  }

  rebuild(signal?: AbortSignal): Promise<RebuildReport> {
    this.building ??= this.build(signal).finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private async build(signal: AbortSignal | undefined): Promise<RebuildReport> {
    const chunking = this.options.chunking ?? defaultChunking;
    const sources = await readDocuments(this.options.docsDir);
    const documents: ChunkedDocument[] = [];
    for (const source of sources) {
      documents.push({
        path: source.path,
        hash: source.hash,
        chunks: await chunkDocument(source.path, source.content, chunking),
      });
    }
    const counts = { embeddedChunks: 0, reusedChunks: 0, removedChunks: 0 };
    let labelled: { label: number; chunk: DocumentChunk }[] | undefined;
    let vectors: VectorIndex | undefined;
    const embedder = this.options.embedder;
    if (embedder) {
      try {
        const synced = await syncVectors({
          indexDir: this.options.indexDir,
          documents,
          embedder,
          hnsw: this.options.hnsw ?? defaultHnswSettings,
          chunking,
          ...(signal && { signal }),
        });
        vectors = synced.vectors;
        labelled = synced.chunks.map(({ label, ...chunk }) => ({ label, chunk }));
        counts.embeddedChunks = synced.embeddedChunks;
        counts.reusedChunks = synced.reusedChunks;
        counts.removedChunks = synced.removedChunks;
        this.failure = undefined;
        if (synced.rebuiltBecause) {
          this.logger.info({ reason: synced.rebuiltBecause }, 'knowledge vectors rebuilt');
        }
      } catch (error) {
        if (signal?.aborted) throw error;
        this.failure = { message: failureMessage(error), at: this.now() };
        this.logger.warn(
          { model: embedder.model, error: this.failure.message },
          'knowledge search is lexical only: the embedding model failed',
        );
      }
    }
    labelled ??= documents
      .flatMap((document) => document.chunks)
      .map((chunk, index) => ({ label: index, chunk }));
    const chunks = new Map(labelled.map((item) => [item.label, item.chunk]));
    const lexical = new LexicalIndex(
      labelled.map(({ label, chunk }) => ({
        id: label,
        title: chunk.title,
        heading: chunk.heading,
        text: chunk.text,
      })),
    );
    this.state = { documents: documents.length, chunks, lexical, vectors };
    const status = this.status();
    this.logger.info(
      { documents: status.documents, chunks: status.chunks, mode: status.mode, ...counts },
      'knowledge index ready',
    );
    return { ...status, ...counts };
  }

  private async queryVector(
    query: string,
    signal: AbortSignal | undefined,
  ): Promise<number[] | undefined> {
    const embedder = this.options.embedder;
    if (!embedder) return undefined;
    if (this.failure) {
      if (this.now() - this.failure.at < this.retryIntervalMs) return undefined;
      // the model may be back: vectors never built are built now, once
      if (!this.state.vectors) await this.rebuild(signal);
      if (!this.state.vectors) return undefined;
    }
    try {
      const [vector] = await embedder.embed([query], signal);
      this.failure = undefined;
      return vector;
    } catch (error) {
      if (signal?.aborted) throw error;
      this.failure = { message: failureMessage(error), at: this.now() };
      this.logger.warn(
        { model: embedder.model, error: this.failure.message },
        'knowledge search fell back to lexical: the embedding model failed',
      );
      return undefined;
    }
  }

  async search(query: string, options: KnowledgeSearchOptions = {}): Promise<KnowledgePassage[]> {
    if (query.trim() === '') {
      throw new RangeError('query: is empty; pass the words to look for');
    }
    const limit = options.limit ?? 5;
    if (!Number.isInteger(limit) || limit < 1 || limit > maxSearchLimit) {
      throw new RangeError(`limit: ${limit} must be a whole number from 1 to ${maxSearchLimit}`);
    }
    options.signal?.throwIfAborted();
    const vector = await this.queryVector(query, options.signal);
    const state = this.state;
    const hits = hybridSearch(
      {
        lexical: state.lexical,
        ...(vector && state.vectors && { vectors: state.vectors }),
        isKnown: (label) => state.chunks.has(label),
      },
      query,
      vector,
      limit,
    );
    return hits.map((hit) => {
      const chunk = state.chunks.get(hit.id)!;
      return {
        document: chunk.document,
        title: chunk.title,
        heading: chunk.heading,
        lineStart: chunk.lineStart,
        lineEnd: chunk.lineEnd,
        text: chunk.text,
        score: hit.score,
        matchedBy: hit.matchedBy,
      };
    });
  }
}

/**
 * Reads and indexes the docs folder (re-embedding only changed documents) and returns the index.
 * Throws only when the docs folder cannot be read; embedding failures leave it lexical.
 */
export async function openKnowledgeIndex(
  options: OpenKnowledgeIndexOptions,
): Promise<OpenKnowledgeIndex> {
  const index = new KnowledgeBase(options);
  await index.rebuild(options.signal);
  return index;
}
