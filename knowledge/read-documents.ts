// The markdown files under the docs folder, with a content hash each (what re-indexing compares).
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface SourceDocument {
  /** path relative to the docs folder, forward slashes */
  path: string;
  content: string;
  /** sha256 of the content, hex */
  hash: string;
}

export function contentHash(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

async function markdownFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await markdownFiles(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) files.push(path);
  }
  return files;
}

/** Every *.md under `docsDir` (recursively), sorted by path. */
export async function readDocuments(docsDir: string): Promise<SourceDocument[]> {
  const info = await stat(docsDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new Error(
      `docsDir: "${docsDir}" is not a folder; pass the knowledge/docs folder of the repository`,
    );
  }
  const files = (await markdownFiles(docsDir)).sort();
  return Promise.all(
    files.map(async (file) => {
      const content = await readFile(file, 'utf8');
      return {
        path: relative(docsDir, file).split(sep).join('/'),
        content,
        hash: contentHash(content),
      };
    }),
  );
}
