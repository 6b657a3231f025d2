// Labelled sets of packaging photos for `ayni inspect generate` and `ayni bench inspect`: writing a
// generated set (photos, labels.csv, each photo's golden reference) and finding a photo's reference.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import sharp from 'sharp';
import type { Severity } from '../../../models/vision/classifier/defect-model';
import type { RgbaImage } from '../../../models/vision/image';
import { Random } from '../../../models/stats/random';
import { generatePackPhoto } from '../../../models/vision/synthetic/pack-photo';
import { photoSetSchedule, type PhotoSetKind } from '../../../models/vision/synthetic/photo-set';
import { REFERENCE_FILE, SPEC_FILE, type QcSpecFile } from '../../inspection/reference-store';

/** Folder of a generated set holding one golden reference folder per photo (by file stem). */
export const REFERENCES_FOLDER = 'references';

/**
 * The label a generated kind gets: photo problems (blur, glare, exposure) and varied lighting are
 * not pack defects; a missing label is critical, physical damage major, print and placement minor.
 */
export const severityOfKind: Record<PhotoSetKind, Severity> = {
  clean: 'no_defect',
  blur: 'no_defect',
  glare: 'no_defect',
  exposure: 'no_defect',
  label_missing: 'critical_defect',
  tear: 'major_defect',
  dent: 'major_defect',
  label_shift: 'minor_defect',
  label_rotation: 'minor_defect',
  smudge: 'minor_defect',
  colour_cast: 'minor_defect',
};

export function pngOf(image: RgbaImage): Promise<Buffer> {
  return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: 4 },
  })
    .removeAlpha()
    .png()
    .toBuffer();
}

export interface GeneratedSetSummary {
  out: string;
  photos: number;
  countsByKind: Record<string, number>;
}

/** Writes `count` generated photos from `seed` with labels.csv (file,label,is_defect,kind). */
export async function writeGeneratedSet(options: {
  out: string;
  count: number;
  seed: number;
  width?: number;
  height?: number;
  onPhoto?: (done: number, total: number) => void;
}): Promise<GeneratedSetSummary> {
  const { out, count } = options;
  mkdirSync(join(out, REFERENCES_FOLDER), { recursive: true });
  const digits = Math.max(4, String(count).length);
  const lines = ['file,label,is_defect,kind'];
  const countsByKind: Record<string, number> = {};
  // one photo at a time, as generatePhotoSet draws them (photo i from the seed and i only)
  const root = new Random(options.seed);
  const kinds = photoSetSchedule(count);
  for (let index = 0; index < count; index += 1) {
    const kind = kinds[index]!;
    const photo = {
      kind,
      ...generatePackPhoto(
        {
          ...(options.width !== undefined && { width: options.width }),
          ...(options.height !== undefined && { height: options.height }),
          defects: kind === 'clean' ? [] : [kind],
        },
        root.fork(`photo-${index}`),
      ),
    };
    const stem = `photo-${String(index + 1).padStart(digits, '0')}`;
    const file = `${stem}.png`;
    writeFileSync(join(out, file), await pngOf(photo.photo));
    const folder = join(out, REFERENCES_FOLDER, stem);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, REFERENCE_FILE), await pngOf(photo.reference));
    // no ean: the generated barcode is too fine to decode at the default 800 x 600, and an
    // unreadable barcode would fail every photo; the barcode check has its own tests
    const spec: QcSpecFile = { labelBox: photo.labelBox };
    writeFileSync(join(folder, SPEC_FILE), `${JSON.stringify(spec, null, 2)}\n`);
    const label = severityOfKind[photo.kind];
    lines.push(`${file},${label},${label === 'no_defect' ? 0 : 1},${photo.kind}`);
    countsByKind[photo.kind] = (countsByKind[photo.kind] ?? 0) + 1;
    options.onPhoto?.(index + 1, count);
  }
  writeFileSync(join(out, 'labels.csv'), `${lines.join('\n')}\n`);
  return { out, photos: count, countsByKind };
}

/** The golden reference folder of a photo in a labelled set, when the set has one. */
export function referenceFolderOf(setFolder: string, file: string): string | undefined {
  const folder = join(setFolder, REFERENCES_FOLDER, basename(file, extname(file)));
  return existsSync(join(folder, REFERENCE_FILE)) ? folder : undefined;
}
