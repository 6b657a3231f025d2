import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HashedEmbedder } from './hashed-embedder.fixture';
import { openKnowledgeIndex } from './open-knowledge-index';

const policy = [
  '# Política de S&OP',
  '',
  'La reunión ejecutiva de S&OP se realiza el tercer jueves de cada mes.',
  '',
  '## Niveles de servicio',
  '',
  '### Lácteos',
  '',
  'El nivel de servicio objetivo para lácteos es 98 % (fill rate por línea).',
  '',
  '### Granos',
  '',
  'El nivel de servicio objetivo para granos es 95 %; la quinua GRA-005 es prioritaria.',
].join('\n');

const quality = [
  '# Estándar de calidad de envases',
  '',
  '## Defectos críticos',
  '',
  'Fuga, sello abierto o cuerpo extraño: se rechaza el lote completo.',
  '',
  '## Defectos menores',
  '',
  'Etiqueta torcida o arrugas en el empaque: se acepta hasta 2,5 % de unidades.',
].join('\n');

const glossary = [
  '# Glosario',
  '',
  '## MAPE',
  '',
  'Error porcentual absoluto medio del pronóstico de demanda.',
].join('\n');

let root: string;
let docsDir: string;
let indexDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ayni-knowledge-'));
  docsDir = join(root, 'docs');
  indexDir = join(root, 'data', 'knowledge');
  await mkdir(join(docsDir, 'calidad'), { recursive: true });
  await writeFile(join(docsDir, 'politica-sop.md'), policy);
  await writeFile(join(docsDir, 'calidad', 'envases.md'), quality);
  await writeFile(join(docsDir, 'glosario.md'), glossary);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('openKnowledgeIndex', () => {
  it('finds passages by meaning and words, with document, heading and line citations', async () => {
    const index = await openKnowledgeIndex({ docsDir, indexDir, embedder: new HashedEmbedder() });
    expect(index.status()).toEqual({ documents: 3, chunks: 6, mode: 'hybrid' });
    const [best] = await index.search('¿Cuál es el nivel de servicio de los lácteos?', {
      limit: 3,
    });
    expect(best).toMatchObject({
      document: 'politica-sop.md',
      title: 'Política de S&OP',
      heading: 'Niveles de servicio > Lácteos',
      lineStart: 7,
      lineEnd: 9,
    });
    expect(best!.matchedBy).toEqual(['lexical', 'vector']);
    expect(policy.split('\n').slice(6, 9).join('\n')).toBe(best!.text);
    const nested = await index.search('sello abierto fuga', { limit: 1 });
    expect(nested[0]?.document).toBe('calidad/envases.md');
  });

  it('re-embeds only the chunks of the edited document (a one-line edit would re-embed everything)', async () => {
    const first = new HashedEmbedder();
    await openKnowledgeIndex({ docsDir, indexDir, embedder: first });
    expect(first.texts).toHaveLength(6);

    await writeFile(
      join(docsDir, 'glosario.md'),
      `${glossary}\n\n## OTIF\n\nA tiempo y completo.\n`,
    );
    const second = new HashedEmbedder();
    const index = await openKnowledgeIndex({ docsDir, indexDir, embedder: second });
    expect(second.texts).toHaveLength(2);
    expect(second.texts.every((text) => text.startsWith('Glosario'))).toBe(true);
    expect(index.status().chunks).toBe(7);
    const [hit] = await index.search('a tiempo y completo', { limit: 1 });
    expect(hit).toMatchObject({ document: 'glosario.md', heading: 'OTIF' });
    // unchanged documents are still found through their stored vectors
    const [kept] = await index.search('defectos críticos', { limit: 1 });
    expect(kept?.matchedBy).toContain('vector');

    const third = new HashedEmbedder();
    await openKnowledgeIndex({ docsDir, indexDir, embedder: third });
    expect(third.calls).toBe(0);
  });

  it('forgets a deleted document (its passages would still be cited)', async () => {
    await openKnowledgeIndex({ docsDir, indexDir, embedder: new HashedEmbedder() });
    await rm(join(docsDir, 'glosario.md'));
    const embedder = new HashedEmbedder();
    const index = await openKnowledgeIndex({ docsDir, indexDir, embedder });
    expect(embedder.calls).toBe(0);
    const hits = await index.search('error porcentual absoluto medio MAPE', { limit: 10 });
    expect(hits.some((hit) => hit.document === 'glosario.md')).toBe(false);
    expect(index.status()).toMatchObject({ documents: 2, chunks: 5 });
  });

  it('rebuilds everything when the embedding model changes (vectors of two models do not compare)', async () => {
    await openKnowledgeIndex({ docsDir, indexDir, embedder: new HashedEmbedder({ model: 'a' }) });
    const other = new HashedEmbedder({ model: 'b', dimension: 64 });
    const index = await openKnowledgeIndex({ docsDir, indexDir, embedder: other });
    expect(other.texts).toHaveLength(6);
    const manifest = JSON.parse(await readFile(join(indexDir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ embeddingModel: 'b', dimension: 64 });
    expect((await index.search('quinua', { limit: 1 }))[0]?.matchedBy).toContain('vector');
  });

  it('rebuilds when the same model name returns another dimension', async () => {
    await openKnowledgeIndex({
      docsDir,
      indexDir,
      embedder: new HashedEmbedder({ dimension: 32 }),
    });
    await writeFile(join(docsDir, 'glosario.md'), `${glossary}\nMás texto.\n`);
    const resized = new HashedEmbedder({ dimension: 48 });
    const index = await openKnowledgeIndex({ docsDir, indexDir, embedder: resized });
    expect(resized.texts).toHaveLength(1 + 6);
    expect(index.status().mode).toBe('hybrid');
    expect((await index.search('quinua GRA-005', { limit: 1 }))[0]?.heading).toBe(
      'Niveles de servicio > Granos',
    );
  });

  it('rebuilds from scratch when the manifest is damaged, instead of failing to start', async () => {
    await openKnowledgeIndex({ docsDir, indexDir, embedder: new HashedEmbedder() });
    await writeFile(join(indexDir, 'manifest.json'), '{"version": 1, "embedd');
    const embedder = new HashedEmbedder();
    const index = await openKnowledgeIndex({ docsDir, indexDir, embedder });
    expect(embedder.texts).toHaveLength(6);
    expect(index.status().mode).toBe('hybrid');
  });

  it('rebuild() picks up a document edited while the server runs, embedding only it', async () => {
    const embedder = new HashedEmbedder();
    const index = await openKnowledgeIndex({ docsDir, indexDir, embedder });
    await writeFile(
      join(docsDir, 'glosario.md'),
      `${glossary}\n\n## OTIF\n\nA tiempo y completo.\n`,
    );
    const report = await index.rebuild();
    expect(report).toMatchObject({
      embeddedChunks: 2,
      reusedChunks: 5,
      removedChunks: 1,
      chunks: 7,
    });
    expect((await index.search('OTIF', { limit: 1 }))[0]?.heading).toBe('OTIF');
  });

  it('without an embedder searches lexically and says how to get vectors', async () => {
    const index = await openKnowledgeIndex({ docsDir, indexDir });
    const status = index.status();
    expect(status.mode).toBe('lexical');
    expect(status.message).toMatch(/ollama pull bge-m3/);
    const hits = await index.search('GRA-005');
    expect(hits[0]).toMatchObject({
      heading: 'Niveles de servicio > Granos',
      matchedBy: ['lexical'],
    });
  });

  it('falls back to lexical when the model is missing, then retries after the interval', async () => {
    let clock = 0;
    const embedder = new HashedEmbedder({ model: 'bge-m3' });
    embedder.failure = new Error('model "bge-m3" not found, try pulling it first');
    const index = await openKnowledgeIndex({
      docsDir,
      indexDir,
      embedder,
      now: () => clock,
      retryIntervalMs: 60_000,
    });
    expect(index.status()).toMatchObject({ mode: 'lexical', documents: 3, chunks: 6 });
    expect(index.status().message).toMatch(/not found.*ollama pull bge-m3/);
    expect((await index.search('lácteos'))[0]?.matchedBy).toEqual(['lexical']);

    embedder.failure = undefined;
    clock = 30_000;
    await index.search('lácteos');
    expect(embedder.calls).toBe(1); // within the interval: not asked again

    clock = 61_000;
    const hits = await index.search('nivel de servicio lácteos');
    expect(index.status().mode).toBe('hybrid');
    expect(hits[0]?.matchedBy).toEqual(['lexical', 'vector']);
  });

  it('keeps answering lexically when the model goes away after the index was built', async () => {
    let clock = 0;
    const embedder = new HashedEmbedder();
    const index = await openKnowledgeIndex({ docsDir, indexDir, embedder, now: () => clock });
    embedder.failure = new Error('connect ECONNREFUSED 127.0.0.1:11434');
    const hits = await index.search('defectos menores etiqueta');
    expect(hits[0]).toMatchObject({ heading: 'Defectos menores', matchedBy: ['lexical'] });
    expect(index.status()).toMatchObject({ mode: 'lexical' });
    expect(index.status().message).toMatch(/ECONNREFUSED/);
    embedder.failure = undefined;
    clock = 60_000;
    await index.search('defectos menores etiqueta');
    expect(index.status().mode).toBe('hybrid');
  });

  it('rejects an empty query and an out-of-range limit, naming the field', async () => {
    const index = await openKnowledgeIndex({ docsDir, indexDir });
    await expect(index.search('  ')).rejects.toThrow(/query: is empty/);
    await expect(index.search('x', { limit: 0 })).rejects.toThrow(/limit: 0/);
  });

  it('fails clearly when the docs folder does not exist', async () => {
    await expect(openKnowledgeIndex({ docsDir: join(root, 'missing'), indexDir })).rejects.toThrow(
      /docsDir: .*missing.* is not a folder/,
    );
  });

  it('stops when the caller aborts', async () => {
    const index = await openKnowledgeIndex({ docsDir, indexDir, embedder: new HashedEmbedder() });
    await expect(index.search('x', { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});
