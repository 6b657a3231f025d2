// The knowledge index without an embedding model: BM25 over the docs folder, nothing written to
// disk. `ayni eval` uses it so that knowledge answers do not depend on an embedding model.
import { join } from 'node:path';
import { openKnowledgeIndex } from '../knowledge/open-knowledge-index';
import type { KnowledgeIndex } from '../knowledge/types';
import { defaultDocsDir } from './services';

export type { KnowledgeIndex } from '../knowledge/types';

export function openLexicalKnowledge(docsDir: string = defaultDocsDir): Promise<KnowledgeIndex> {
  // without an embedder the index directory is never read or written
  return openKnowledgeIndex({ docsDir, indexDir: join(docsDir, '.lexical-unused') });
}
