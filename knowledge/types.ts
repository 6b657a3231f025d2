// The knowledge index's contract: what search_knowledge (tools/) and the server (readyz) use.
// knowledge/ imports nothing from the repo; the embedder is passed in (ARCHITECTURE.md 1).

/** Turns texts into vectors (the embedding model through the LLM client, or a test double). */
export interface Embedder {
  /** model name, stored with the index so a model change forces a rebuild */
  readonly model: string;
  embed(texts: readonly string[], signal?: AbortSignal): Promise<number[][]>;
}

export interface KnowledgePassage {
  /** document path relative to knowledge/docs, e.g. "politica-sop.md" */
  document: string;
  /** the document's title (its first # heading) */
  title: string;
  /** the heading path of the section, e.g. "Niveles de servicio > Lácteos" */
  heading: string;
  /** 1-based inclusive line range in the document */
  lineStart: number;
  lineEnd: number;
  text: string;
  /** fused score (reciprocal rank fusion); higher is better */
  score: number;
  /** which indexes found it */
  matchedBy: ('lexical' | 'vector')[];
}

export interface KnowledgeSearchOptions {
  /** default 5 */
  limit?: number;
  signal?: AbortSignal;
}

export interface KnowledgeStatus {
  documents: number;
  chunks: number;
  /** 'hybrid' when vectors are available, 'lexical' when no embedding model is */
  mode: 'hybrid' | 'lexical';
  /** why the index is lexical only, with the fix */
  message?: string;
}

export interface KnowledgeIndex {
  search(query: string, options?: KnowledgeSearchOptions): Promise<KnowledgePassage[]>;
  status(): KnowledgeStatus;
}
