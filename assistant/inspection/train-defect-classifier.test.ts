import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../models/stats/random';
import { syntheticCan } from '../../models/vision/classifier/fixtures/synthetic-cans';
import { loadDefectClassifier, predictDefect } from './defect-classifier-file';
import { decodePhoto, trainDefectClassifier } from './train-defect-classifier';
import { writeCanFolder } from './train-defect-classifier.fixture';

describe('trainDefectClassifier', () => {
  it('trains on a generated folder, cross-validates well above the majority baseline and saves a loadable model', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ayni-train-'));
    await writeCanFolder(folder, 8, 11, true);
    const out = join(folder, 'model.json');
    const result = await trainDefectClassifier({
      input: folder,
      model: 'best',
      folds: 4,
      seed: 3,
      out,
    });
    expect(result.photos).toBe(32);
    expect(result.crossValidation.map((cv) => cv.kind)).toEqual(['logistic', 'boosting']);
    const chosen = result.crossValidation.find((cv) => cv.kind === result.model)!;
    expect(chosen.defectVsGood.accuracy).toBeGreaterThan(0.9);
    expect(chosen.defectVsGood.majorityBaseline).toBe(0.75);
    const classifier = loadDefectClassifier(out);
    expect(classifier.model.kind).toBe(result.model);
    const rusty = predictDefect(
      classifier,
      syntheticCan({
        random: createRandom(99),
        width: 120,
        height: 150,
        rustBlobs: 6,
        rustRadius: 6,
      }),
    );
    const clean = predictDefect(
      classifier,
      syntheticCan({ random: createRandom(98), width: 120, height: 150 }),
    );
    expect(rusty.probabilityDefect).toBeGreaterThan(0.5);
    expect(clean.probabilityDefect).toBeLessThan(0.5);
  }, 60_000);

  it('names the file it cannot decode', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ayni-train-'));
    await writeCanFolder(folder, 2, 1, false);
    writeFileSync(join(folder, 'minor_defect', 'broken.jpg'), 'not a jpeg');
    await expect(
      trainDefectClassifier({ input: folder, model: 'logistic', seed: 1 }),
    ).rejects.toThrow(/broken\.jpg: cannot decode the image/);
  });

  it('names the folds a too-small set cannot fill', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ayni-train-'));
    await writeCanFolder(folder, 1, 1, false);
    await expect(
      trainDefectClassifier({ input: folder, model: 'logistic', folds: 5, seed: 1 }),
    ).rejects.toThrow(/--cv 5: each of good and defect needs at least 5 photos/);
  });

  it('decodes with the EXIF orientation applied (else portrait phone photos are analysed sideways)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ayni-exif-'));
    const { default: sharp } = await import('sharp');
    const path = join(folder, 'rotated.jpg');
    // stored 40 wide x 20 high with orientation 6 (rotate 90 degrees clockwise to display)
    await sharp({
      create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 200, b: 200 } },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(path);
    const image = await decodePhoto(path);
    expect([image.width, image.height]).toEqual([20, 40]);
  });
});
