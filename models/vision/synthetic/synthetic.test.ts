import { describe, expect, it } from 'vitest';
import { Random } from '../../stats/random';
import { connectedComponents } from '../connected-components';
import { decodeEan13Modules, encodeEan13 } from './ean13';
import { alignWithKnownHomography } from './ground-truth-alignment';
import { generatePackPhoto } from './pack-photo';
import { randomPackDesign, renderReferencePack } from './pack-design';
import { generatePhotoSet, photoSetKinds, photoSetSchedule } from './photo-set';
import { applyHomography, homographyFromPoints, invertHomography } from './projection';
import type { RgbaImage } from '../image';

/** The box of the largest blob of pixels whose chromaticity is nearer the label's than the body's. */
function labelBlobBox(image: RgbaImage, label: readonly number[], body: readonly number[]) {
  const chroma = (red: number, green: number, blue: number) => {
    const sum = red + green + blue + 1;
    return [red / sum, green / sum];
  };
  const [labelR, labelG] = chroma(label[0]!, label[1]!, label[2]!);
  const [bodyR, bodyG] = chroma(body[0]!, body[1]!, body[2]!);
  const mask = new Uint8Array(image.width * image.height);
  for (let pixel = 0; pixel < mask.length; pixel += 1) {
    const [r, g] = chroma(
      image.data[pixel * 4]!,
      image.data[pixel * 4 + 1]!,
      image.data[pixel * 4 + 2]!,
    );
    const toLabel = (r! - labelR!) ** 2 + (g! - labelG!) ** 2;
    const toBody = (r! - bodyR!) ** 2 + (g! - bodyG!) ** 2;
    mask[pixel] = toLabel < toBody ? 1 : 0;
  }
  const { components } = connectedComponents(mask, image.width, image.height);
  return components.sort((first, second) => second.area - first.area)[0]!.box;
}

describe('pack photo generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const first = generatePackPhoto(
      { width: 320, height: 240, defects: ['dent', 'blur'] },
      new Random(7),
    );
    const again = generatePackPhoto(
      { width: 320, height: 240, defects: ['dent', 'blur'] },
      new Random(7),
    );
    const other = generatePackPhoto(
      { width: 320, height: 240, defects: ['dent', 'blur'] },
      new Random(8),
    );
    expect(Buffer.from(again.photo.data).equals(Buffer.from(first.photo.data))).toBe(true);
    expect(again.defects).toEqual(first.defects);
    expect(Buffer.from(other.photo.data).equals(Buffer.from(first.photo.data))).toBe(false);
  });

  it('moves the label by the label_shift it reports (centre measured in the photo, +/- 1.5 px)', () => {
    const design = {
      ...randomPackDesign(new Random(3)),
      bodyColour: [30, 70, 140] as const,
      labelColour: [220, 196, 60] as const,
    };
    for (const [dxPx, dyPx] of [
      [12, -8],
      [-15.5, 6],
    ] as const) {
      const generated = generatePackPhoto(
        { design, width: 800, height: 600, defects: [{ kind: 'label_shift', dxPx, dyPx }] },
        new Random(11),
      );
      expect(generated.defects).toContainEqual({ kind: 'label_shift', dxPx, dyPx });
      const aligned = alignWithKnownHomography(
        generated.photo,
        generated.referenceToPhoto,
        design.width,
        design.height,
      );
      const box = labelBlobBox(aligned, design.labelColour, design.bodyColour);
      const measuredX = box.x + box.width / 2 - (design.labelBox.x + design.labelBox.width / 2);
      const measuredY = box.y + box.height / 2 - (design.labelBox.y + design.labelBox.height / 2);
      expect(Math.abs(measuredX - dxPx)).toBeLessThanOrEqual(1.5);
      expect(Math.abs(measuredY - dyPx)).toBeLessThanOrEqual(1.5);
    }
  });

  it('draws the EAN-13 bars of the design on the reference (bars read back from a scan line)', () => {
    const design = randomPackDesign(new Random(5));
    const { image, labelBox, ean } = renderReferencePack(design);
    const { barcode } = design;
    const y = labelBox.y + barcode.y + 2 * barcode.moduleWidth + Math.round(barcode.barHeight / 2);
    const startX = labelBox.x + barcode.x + 9 * barcode.moduleWidth;
    const modules = Uint8Array.from({ length: 95 }, (_, index) => {
      const x = Math.round(startX + (index + 0.5) * barcode.moduleWidth - 0.5);
      return image.data[(y * image.width + x) * 4]! < 100 ? 1 : 0;
    });
    expect(Array.from(modules)).toEqual(Array.from(encodeEan13(ean)));
    expect(decodeEan13Modules(modules)).toBe(ean);
  });

  it('maps reference corners where the homography says (DLT solve and inverse agree)', () => {
    const from = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 200 },
      { x: 0, y: 200 },
    ];
    const to = [
      { x: 10, y: 12 },
      { x: 115, y: 8 },
      { x: 112, y: 215 },
      { x: 5, y: 206 },
    ];
    const matrix = homographyFromPoints(from, to);
    const inverse = invertHomography(matrix);
    from.forEach((point, index) => {
      const mapped = applyHomography(matrix, point.x, point.y);
      expect(mapped.x).toBeCloseTo(to[index]!.x, 6);
      expect(mapped.y).toBeCloseTo(to[index]!.y, 6);
      const back = applyHomography(inverse, mapped.x, mapped.y);
      expect(back.x).toBeCloseTo(point.x, 6);
    });
  });

  it('records each applied defect with its kind, and clean photos with their lighting gain', () => {
    const set = generatePhotoSet({ count: 12, seed: 4, width: 256, height: 192 });
    for (const photo of set) {
      if (photo.kind === 'clean') {
        expect(photo.defects).toEqual([{ kind: 'clean_lighting', gain: photo.lightingGain }]);
        expect(photo.lightingGain).toBeGreaterThanOrEqual(0.75);
        expect(photo.lightingGain).toBeLessThanOrEqual(1.15);
      } else {
        expect(photo.defects.map((defect) => defect.kind)).toEqual([photo.kind]);
      }
    }
  });

  it('balances the set: the default mix has two clean photos per cycle and every defect kind once', () => {
    const schedule = photoSetSchedule(12);
    for (const kind of photoSetKinds)
      expect(schedule.filter((item) => item === kind)).toHaveLength(kind === 'clean' ? 2 : 1);
    expect(photoSetSchedule(4, { blur: 1, glare: 1 })).toEqual(['blur', 'glare', 'blur', 'glare']);
    expect(() => photoSetSchedule(0)).toThrow(/count/);
  });
});
