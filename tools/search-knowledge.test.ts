import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashedEmbedder } from '../knowledge/hashed-embedder.fixture';
import { openKnowledgeIndex, type OpenKnowledgeIndex } from '../knowledge/open-knowledge-index';
import { runTool } from './index';
import { createMemoryToolContext } from './memory-tool-context';
import { searchKnowledgeInput, searchKnowledgeTool } from './search-knowledge';

const standard = [
  '# Estándar de calidad de envases',
  '',
  '## Defectos críticos',
  '',
  'Fuga, sello abierto o cuerpo extraño: se rechaza el lote completo.',
  '',
  '## Defectos menores',
  '',
  'Etiqueta torcida: se acepta hasta 2,5 % de unidades por lote.',
].join('\n');

let root: string;
let index: OpenKnowledgeIndex;
const base = createMemoryToolContext({ products: [], locations: [], sales: [] });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ayni-search-knowledge-'));
  await writeFile(join(root, 'calidad-envases.md'), standard);
  index = await openKnowledgeIndex({
    docsDir: root,
    indexDir: join(root, '.index'),
    embedder: new HashedEmbedder(),
  });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('search_knowledge', () => {
  it('returns passages with document, heading, line range and a citation label', async () => {
    const outcome = await runTool(
      'search_knowledge',
      { query: 'tolerancia etiqueta torcida', limit: 1 },
      { ...base, knowledge: index },
      [searchKnowledgeTool],
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result).toMatchObject({
      query: 'tolerancia etiqueta torcida',
      mode: 'hybrid',
      passages: [
        {
          document: 'calidad-envases.md',
          title: 'Estándar de calidad de envases',
          heading: 'Defectos menores',
          lineStart: 7,
          lineEnd: 9,
          citation: '[calidad-envases.md#L7-L9]',
        },
      ],
    });
  });

  it('gives the model compact passages with their source labels and an instruction to cite them', async () => {
    const outcome = await runTool(
      'search_knowledge',
      { query: 'sello abierto' },
      { ...base, knowledge: index },
      [searchKnowledgeTool],
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    const model = outcome.modelOutput as {
      instruction: string;
      passages: { source: string; section: string; text: string }[];
    };
    expect(model.instruction).toMatch(/cite each fact .*\[calidad-envases\.md#L3-L5\]/);
    expect(model.passages[0]).toEqual({
      source: '[calidad-envases.md#L3-L5]',
      section: 'Estándar de calidad de envases > Defectos críticos',
      text: '## Defectos críticos\n\nFuga, sello abierto o cuerpo extraño: se rechaza el lote completo.',
    });
  });

  it('tells the model when nothing matched instead of handing it an empty list silently', async () => {
    const outcome = await runTool(
      'search_knowledge',
      { query: 'zzzz qqqq' },
      { ...base, knowledge: new LexicalOnly() },
      [searchKnowledgeTool],
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.modelOutput).toMatchObject({
      instruction: expect.stringMatching(/No passage matched/),
      passages: [],
      note: 'no embedding model',
    });
  });

  it('fails as data saying the knowledge base is not available when the context has none', async () => {
    const outcome = await runTool('search_knowledge', { query: 'lote' }, base, [
      searchKnowledgeTool,
    ]);
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'failed', message: expect.stringMatching(/knowledge base is not available/) },
    });
  });

  it('rejects an empty query and a limit above 10 with the field named', () => {
    const empty = searchKnowledgeInput.safeParse({ query: ' ' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.path).toEqual(['query']);
    const many = searchKnowledgeInput.safeParse({ query: 'lote', limit: 11 });
    expect(many.error?.issues[0]?.path).toEqual(['limit']);
    expect(searchKnowledgeInput.parse({ query: 'lote' }).limit).toBe(5);
  });
});

class LexicalOnly {
  async search() {
    return [];
  }
  status() {
    return { documents: 0, chunks: 0, mode: 'lexical' as const, message: 'no embedding model' };
  }
}
