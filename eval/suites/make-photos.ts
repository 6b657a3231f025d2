// Writes the QC suite's photos (eval/suites/photos/*.png): seeded pack photos from the synthetic
// generator (models/vision/synthetic) with one known defect each, so the photos, and the verdicts
// the checks give them, are the same on every machine. Usage: npx tsx eval/suites/make-photos.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
// A script that writes data files, not code the runner loads: it uses the generator directly.
// eslint-disable-next-line no-restricted-imports
import { Random } from '../../models/stats/random';
// eslint-disable-next-line no-restricted-imports
import { generatePackPhoto, type PackPhotoOptions } from '../../models/vision/synthetic/pack-photo';

const photosDir = fileURLToPath(new URL('./photos', import.meta.url));

/** file name -> seed and defects; the file name states the defect the photo carries */
export const qcPhotos: Record<string, { seed: number; defects: PackPhotoOptions['defects'] }> = {
  'clean-1.png': { seed: 101, defects: [] },
  'clean-2.png': { seed: 102, defects: [] },
  'blur.png': { seed: 103, defects: [{ kind: 'blur', sigma: 4 }] },
  'underexposed.png': {
    seed: 104,
    defects: [{ kind: 'exposure', direction: 'under', gain: 0.12 }],
  },
  'overexposed.png': { seed: 105, defects: [{ kind: 'exposure', direction: 'over', gain: 4 }] },
};

async function main(): Promise<void> {
  await mkdir(photosDir, { recursive: true });
  for (const [name, { seed, defects }] of Object.entries(qcPhotos)) {
    const generated = generatePackPhoto(
      { width: 480, height: 360, defects: defects ?? [] },
      new Random(seed),
    );
    const { photo } = generated;
    const png = await sharp(
      Buffer.from(photo.data.buffer, photo.data.byteOffset, photo.data.length),
      {
        raw: { width: photo.width, height: photo.height, channels: 4 },
      },
    )
      .png({ compressionLevel: 9 })
      .toBuffer();
    await writeFile(`${photosDir}/${name}`, png);
    console.log(
      `${name}: ${png.length} bytes, ${generated.defects.map((item) => item.kind).join(', ') || 'clean'}`,
    );
  }
}

await main();
