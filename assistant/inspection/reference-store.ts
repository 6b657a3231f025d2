// Golden references and QC specs per SKU (issue 6) kept with the knowledge base: a folder per SKU
// with reference.png (a good pack, front-on) and spec.json (checks, tolerances, label box, EAN).
// The repository's knowledge/qc/ ships the demo SKUs; AYNI_DATA_DIR/qc/ holds imported ones, which
// win over the repository's. A spec names only what differs from models/vision/qc-defaults.ts.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { z } from 'zod';
import { checkNames } from '../../models/vision/check-result';
import type { PixelBox, RgbaImage } from '../../models/vision/image';
import { defaultQcSpec } from '../../models/vision/qc-defaults';
import type { QcSpec } from '../../models/vision/qc-spec';
import type { GoldenReference, GoldenReferences } from '../../tools/inspection/golden-references';
import { decodePhoto } from '../../tools/inspection/intake';

/** The repository's golden references (knowledge/qc), found from this file's place. */
export const defaultRepositoryQcDir = fileURLToPath(new URL('../../knowledge/qc', import.meta.url));

export const REFERENCE_FILE = 'reference.png';
export const SPEC_FILE = 'spec.json';

/** A SKU code usable as a folder name. */
const skuPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A bad spec file or import: the message names the file, the field and the fix. */
export class ReferenceSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceSpecError';
  }
}

const pixelBox = z.strictObject({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});

const tolerances = z
  .strictObject({
    blurMinLaplacianVariance: z.number().positive(),
    exposureMaxClippedFraction: z.number().min(0).max(1),
    exposureMeanRange: z
      .tuple([z.number().min(0).max(255), z.number().min(0).max(255)])
      .refine(([low, high]) => low < high, 'the first number must be below the second'),
    glareMaxFraction: z.number().min(0).max(1),
    colourMaxDeltaE: z.number().positive(),
    structureMinSsim: z.number().min(-1).max(1),
    labelMaxOffsetPx: z.number().min(0),
    labelMaxRotationDeg: z.number().min(0).max(180),
  })
  .partial();

/** What spec.json may hold; every field optional (defaults from qc-defaults.ts). */
export const qcSpecFileSchema = z.strictObject({
  sku: z.string().regex(skuPattern, 'use letters, digits, ".", "_" or "-" (at most 64)').optional(),
  checks: z.array(z.enum(checkNames)).min(1).optional(),
  tolerances: tolerances.optional(),
  labelBox: pixelBox.optional(),
  ean: z
    .string()
    .regex(/^\d{8}$|^\d{12,14}$/, 'an EAN/UPC code has 8, 12, 13 or 14 digits')
    .optional(),
});
export type QcSpecFile = z.output<typeof qcSpecFileSchema>;

function fail(file: string, error: z.ZodError): never {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(the whole file)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  throw new ReferenceSpecError(
    `${file}: ${field}: ${issue.message}${more}; fix the field or remove it to use the default`,
  );
}

/** A spec file's content as the SKU's QcSpec (defaults filled in), or a ReferenceSpecError. */
export function parseQcSpec(json: unknown, sku: string, file: string): QcSpec {
  const parsed = qcSpecFileSchema.safeParse(json);
  if (!parsed.success) fail(file, parsed.error);
  const content = parsed.data;
  if (content.sku !== undefined && content.sku !== sku)
    throw new ReferenceSpecError(
      `${file}: sku: says "${content.sku}" but the folder is for "${sku}"; make them the same`,
    );
  const base = defaultQcSpec(sku, content.ean);
  return {
    ...base,
    ...(content.checks !== undefined && { checks: [...new Set(content.checks)] }),
    tolerances: { ...base.tolerances, ...content.tolerances },
    ...(content.labelBox !== undefined && { labelBox: content.labelBox }),
  };
}

function readSpecFile(path: string, sku: string): QcSpec {
  if (!existsSync(path)) return defaultQcSpec(sku);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ReferenceSpecError(
      `${path}: not valid JSON (${error instanceof Error ? error.message : String(error)}); fix the syntax`,
    );
  }
  return parseQcSpec(json, sku, path);
}

function checkLabelBox(box: PixelBox | undefined, image: RgbaImage, where: string): void {
  if (box === undefined) return;
  if (box.x + box.width > image.width || box.y + box.height > image.height)
    throw new ReferenceSpecError(
      `${where}: labelBox ${box.x},${box.y},${box.width},${box.height} reaches outside the ${image.width} x ${image.height} reference image; give a box inside it`,
    );
}

/** A SKU folder (reference.png + optional spec.json) as a golden reference. */
export async function loadReferenceFolder(folder: string, sku: string): Promise<GoldenReference> {
  const imagePath = join(folder, REFERENCE_FILE);
  const spec = readSpecFile(join(folder, SPEC_FILE), sku);
  let image: RgbaImage;
  try {
    image = (await decodePhoto(readFileSync(imagePath), { fileName: imagePath })).image;
  } catch (error) {
    throw new ReferenceSpecError(
      `${imagePath}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  checkLabelBox(spec.labelBox, image, join(folder, SPEC_FILE));
  return { image, spec };
}

export interface ReferenceImport {
  sku: string;
  /** the reference photo's bytes (JPEG, PNG or WebP) */
  image: Uint8Array;
  fileName?: string;
  /** the spec.json content, when given */
  spec?: unknown;
  /** how errors name the spec (its file name); default "the spec" */
  specName?: string;
  /** overrides the spec's labelBox */
  labelBox?: PixelBox;
}

export interface ReferenceSummary {
  sku: string;
  source: 'repository' | 'imported';
  folder: string;
}

export interface ReferenceStore extends GoldenReferences {
  list(): ReferenceSummary[];
  /** Validates, normalises (EXIF orientation applied, PNG) and writes the SKU's folder under importDir. */
  importReference(input: ReferenceImport): Promise<{ sku: string; folder: string; spec: QcSpec }>;
}

export interface ReferenceStoreOptions {
  /** the repository's references (default knowledge/qc) */
  repositoryDir?: string;
  /** where imports go and which win (AYNI_DATA_DIR/qc) */
  importDir: string;
}

function skuFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(
    (name) => skuPattern.test(name) && existsSync(join(dir, name, REFERENCE_FILE)),
  );
}

export function parseLabelBox(text: string): PixelBox {
  const parts = text.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 4 || parts.some((value) => !Number.isInteger(value) || value < 0))
    throw new ReferenceSpecError(
      `label box "${text}": give four whole numbers x,y,width,height in the reference's pixels, e.g. 40,130,400,370`,
    );
  const [x, y, width, height] = parts as [number, number, number, number];
  if (width < 1 || height < 1)
    throw new ReferenceSpecError(`label box "${text}": width and height must be at least 1`);
  return { x, y, width, height };
}

export function createReferenceStore(options: ReferenceStoreOptions): ReferenceStore {
  const repositoryDir = options.repositoryDir ?? defaultRepositoryQcDir;
  const { importDir } = options;
  const cache = new Map<string, { stamp: string; reference: GoldenReference }>();

  function folderOf(sku: string): string | undefined {
    if (!skuPattern.test(sku)) return undefined;
    for (const dir of [importDir, repositoryDir]) {
      const folder = join(dir, sku);
      if (existsSync(join(folder, REFERENCE_FILE))) return folder;
    }
    return undefined;
  }

  return {
    async forSku(sku) {
      const folder = folderOf(sku);
      if (folder === undefined) return undefined;
      const specPath = join(folder, SPEC_FILE);
      const stamp = [REFERENCE_FILE, SPEC_FILE]
        .map((name) => join(folder, name))
        .map((path) => (existsSync(path) ? statSync(path).mtimeMs : 0))
        .join(':');
      const cached = cache.get(folder);
      if (cached?.stamp === `${specPath}:${stamp}`) return cached.reference;
      const reference = await loadReferenceFolder(folder, sku);
      cache.set(folder, { stamp: `${specPath}:${stamp}`, reference });
      return reference;
    },
    list() {
      const imported = skuFolders(importDir);
      const seen = new Set(imported);
      return [
        ...imported.map((sku) => ({
          sku,
          source: 'imported' as const,
          folder: join(importDir, sku),
        })),
        ...skuFolders(repositoryDir)
          .filter((sku) => !seen.has(sku))
          .map((sku) => ({ sku, source: 'repository' as const, folder: join(repositoryDir, sku) })),
      ].sort((left, right) => left.sku.localeCompare(right.sku));
    },
    async importReference(input) {
      if (!skuPattern.test(input.sku))
        throw new ReferenceSpecError(
          `sku "${input.sku}": use the product code (letters, digits, ".", "_" or "-", at most 64)`,
        );
      const specJson = input.spec ?? {};
      const specName = input.specName ?? 'the spec';
      const spec = parseQcSpec(specJson, input.sku, specName);
      if (input.labelBox !== undefined) spec.labelBox = input.labelBox;
      const photo = await decodePhoto(input.image, {
        ...(input.fileName !== undefined && { fileName: input.fileName }),
      });
      checkLabelBox(spec.labelBox, photo.image, specName);
      const folder = join(importDir, input.sku);
      mkdirSync(folder, { recursive: true });
      const png = await sharp(
        Buffer.from(
          photo.image.data.buffer,
          photo.image.data.byteOffset,
          photo.image.data.byteLength,
        ),
        {
          raw: { width: photo.width, height: photo.height, channels: 4 },
        },
      )
        .png()
        .toBuffer();
      const fileContent: QcSpecFile = {
        sku: input.sku,
        checks: spec.checks,
        tolerances: spec.tolerances,
        ...(spec.labelBox !== undefined && { labelBox: spec.labelBox }),
        ...(spec.ean !== undefined && { ean: spec.ean }),
      };
      // write beside, then rename: a reader never sees half a reference
      await writeFile(join(folder, `${REFERENCE_FILE}.tmp`), png);
      await writeFile(
        join(folder, `${SPEC_FILE}.tmp`),
        `${JSON.stringify(fileContent, null, 2)}\n`,
      );
      renameSync(join(folder, `${REFERENCE_FILE}.tmp`), join(folder, REFERENCE_FILE));
      renameSync(join(folder, `${SPEC_FILE}.tmp`), join(folder, SPEC_FILE));
      cache.delete(folder);
      return { sku: input.sku, folder, spec };
    },
  };
}
