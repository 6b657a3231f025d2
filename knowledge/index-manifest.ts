// The JSON manifest stored beside the HNSW file: which embedding model and dimension built it,
// the chunking settings, and for every document its content hash and its chunks' labels.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

const manifestChunk = z.object({
  label: z.number().int().nonnegative(),
  heading: z.string(),
  lineStart: z.number().int().positive(),
  lineEnd: z.number().int().positive(),
});

const manifestSchema = z.object({
  version: z.literal(1),
  embeddingModel: z.string(),
  dimension: z.number().int().positive(),
  chunking: z.object({ chunkSize: z.number(), chunkOverlap: z.number() }),
  hnsw: z.object({ m: z.number().int(), efConstruction: z.number().int() }),
  nextLabel: z.number().int().nonnegative(),
  documents: z.record(z.string(), z.object({ hash: z.string(), chunks: z.array(manifestChunk) })),
});

export const noIndexYet = 'no index yet';

export type IndexManifest = z.infer<typeof manifestSchema>;
export type ManifestChunk = z.infer<typeof manifestChunk>;

/** The manifest at `file`, or why there is no usable one (the caller then rebuilds). */
export async function readManifest(
  file: string,
): Promise<{ manifest: IndexManifest } | { problem: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { problem: noIndexYet };
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { manifest: parsed.data };
    return { problem: `manifest ${file} has an unknown shape` };
  } catch {
    return { problem: `manifest ${file} is not valid JSON` };
  }
}

/** Writes the manifest atomically (a temporary file renamed over it). */
export async function writeManifest(file: string, manifest: IndexManifest): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, `${JSON.stringify(manifest)}\n`, 'utf8');
  await rename(temporary, file);
}
