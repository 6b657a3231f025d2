// A generated folder of labelled can photos (PNG) for the training tests: clean cans are good,
// rust grows with severity and critical ones are also dented. Only tests use it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { createRandom } from '../../models/stats/random';
import { severityClasses } from '../../models/vision/classifier/defect-model';
import { syntheticCan } from '../../models/vision/classifier/fixtures/synthetic-cans';

const recipes = [
  { rustBlobs: 0, dentDepth: 0 },
  { rustBlobs: 2, dentDepth: 0 },
  { rustBlobs: 5, dentDepth: 0 },
  { rustBlobs: 6, dentDepth: 18 },
];

/** Writes perClass photos per severity under folder/<label>/, plus labels.csv when asked. */
export async function writeCanFolder(
  folder: string,
  perClass: number,
  seed: number,
  withCsv: boolean,
): Promise<void> {
  const random = createRandom(seed);
  const rows = ['file,label,is_defect'];
  for (const [index, label] of severityClasses.entries()) {
    mkdirSync(join(folder, label), { recursive: true });
    for (let photo = 0; photo < perClass; photo += 1) {
      const image = syntheticCan({
        random: random.fork(`${label} ${photo}`),
        width: 120,
        height: 150,
        rustRadius: 6,
        brightness: 0.85 + 0.3 * random.next(),
        ...recipes[index]!,
      });
      const file = `${label}/${label}_${photo}.png`;
      await sharp(Buffer.from(image.data.buffer), {
        raw: { width: image.width, height: image.height, channels: 4 },
      })
        .png()
        .toFile(join(folder, file));
      rows.push(`${file},${label},${index === 0 ? 0 : 1}`);
    }
  }
  if (withCsv) writeFileSync(join(folder, 'labels.csv'), `${rows.join('\n')}\n`);
}
