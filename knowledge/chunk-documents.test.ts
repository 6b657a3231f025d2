import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk-documents';

const paragraph = (seed: string, sentences: number) =>
  Array.from(
    { length: sentences },
    (_, index) => `La regla ${seed} número ${index} fija cómo se revisa el plan cada semana.`,
  ).join(' ');

const document = [
  '# Política de S&OP',
  '',
  'Este documento fija el proceso mensual.',
  '',
  '## Calendario',
  '',
  paragraph('calendario', 4),
  '',
  '### Semana 1',
  '',
  paragraph('semana', 30),
  '',
  paragraph('cierre', 30),
  '',
  '## Niveles de servicio',
  '',
  '| Categoría | Objetivo | Nota |',
  '|---|---|---|',
  ...Array.from(
    { length: 40 },
    (_, index) => `| Categoría ${index} | ${90 + (index % 9)} % | revisar cada mes sin excepción |`,
  ),
  '',
  '```',
  '# no es un título',
  '```',
].join('\n');

const lines = document.split('\n');

describe('chunkDocument', () => {
  it('gives every chunk a line range whose lines really contain its text (citations would point elsewhere)', async () => {
    const chunks = await chunkDocument('politica-sop.md', document);
    expect(chunks.length).toBeGreaterThan(4);
    for (const chunk of chunks) {
      const cited = lines.slice(chunk.lineStart - 1, chunk.lineEnd).join('\n');
      expect(cited).toContain(chunk.text);
      // and the range is tight: its first and last lines hold the chunk's first and last lines
      const textLines = chunk.text.split('\n');
      expect(lines[chunk.lineStart - 1]).toContain(textLines[0]);
      expect(lines[chunk.lineEnd - 1]).toContain(textLines[textLines.length - 1]);
    }
  });

  it('keeps the title and the heading path of each section (sources would be unnamed)', async () => {
    const chunks = await chunkDocument('politica-sop.md', document);
    expect(new Set(chunks.map((chunk) => chunk.title))).toEqual(new Set(['Política de S&OP']));
    const headings = chunks.map((chunk) => chunk.heading);
    expect(headings[0]).toBe('Política de S&OP');
    expect(headings).toContain('Calendario');
    expect(headings).toContain('Calendario > Semana 1');
    expect(headings).toContain('Niveles de servicio');
    // a # inside a code fence is not a heading
    expect(headings.some((heading) => heading.includes('no es un título'))).toBe(false);
  });

  it('splits long sections into chunks of at most ~1,200 characters (the embedder would truncate)', async () => {
    const chunks = await chunkDocument('politica-sop.md', document);
    const week = chunks.filter((chunk) => chunk.heading === 'Calendario > Semana 1');
    expect(week.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(1200);
    expect(Math.max(...week.map((chunk) => chunk.text.length))).toBeGreaterThan(700);
  });

  it('never cuts a table row in two (a target would lose its category)', async () => {
    const chunks = await chunkDocument('politica-sop.md', document, {
      chunkSize: 300,
      chunkOverlap: 30,
    });
    const rows = new Set(lines.filter((line) => line.startsWith('| Categoría ')));
    for (const chunk of chunks) {
      for (const line of chunk.text.split('\n')) {
        if (line.startsWith('|')) {
          expect(rows.has(line) || line.startsWith('|---')).toBe(true);
        }
      }
    }
    const longRow = `| ${'x'.repeat(500)} | 1 |`;
    const table = await chunkDocument('t.md', `# T\n\n| a | b |\n${longRow}\n`, {
      chunkSize: 200,
      chunkOverlap: 20,
    });
    expect(table.some((chunk) => chunk.text.includes(longRow))).toBe(true);
  });

  it('uses the file name as title when there is no # heading, and drops heading-only sections', async () => {
    const chunks = await chunkDocument('glosario/terminos.md', '## A\n\n## B\n\nTexto de B.\n');
    expect(chunks).toEqual([
      {
        document: 'glosario/terminos.md',
        title: 'terminos',
        heading: 'B',
        lineStart: 3,
        lineEnd: 5,
        text: '## B\n\nTexto de B.',
      },
    ]);
  });

  it('rejects an overlap as large as the chunk size', async () => {
    await expect(chunkDocument('a.md', 'x', { chunkSize: 100, chunkOverlap: 100 })).rejects.toThrow(
      /chunkOverlap/,
    );
  });

  it('chunks every document of the knowledge base with line ranges that contain each chunk', async () => {
    const folder = fileURLToPath(new URL('./docs/', import.meta.url));
    const names = (await readdir(folder)).filter((name) => name.endsWith('.md'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const content = await readFile(`${folder}${name}`, 'utf8');
      const fileLines = content.replace(/\r\n?/g, '\n').split('\n');
      const chunks = await chunkDocument(name, content);
      expect(chunks.length).toBeGreaterThan(0);
      for (const chunk of chunks) {
        expect(fileLines.slice(chunk.lineStart - 1, chunk.lineEnd).join('\n')).toContain(
          chunk.text,
        );
        const isOneTableRow = !chunk.text.includes('\n') && chunk.text.startsWith('|');
        if (!isOneTableRow) expect(chunk.text.length).toBeLessThanOrEqual(1200);
      }
    }
  });
});
