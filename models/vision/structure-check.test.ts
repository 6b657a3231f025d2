import { describe, expect, it } from 'vitest';
import { checkStructure } from './structure-check';
import { labelBox, renderScene } from './align-test-images';
import { alignToReference } from './align';
import type { PixelBox, RgbaImage } from './image';

const reference = renderScene();
const tolerances = { structureMinSsim: 0.6 };

function contains(box: PixelBox | undefined, x: number, y: number): boolean {
  return (
    box !== undefined &&
    x >= box.x &&
    y >= box.y &&
    x <= box.x + box.width &&
    y <= box.y + box.height
  );
}

/** Copies the pixels of x0..x1-1, y0..y1-1 from source into target. */
function paste(
  target: RgbaImage,
  source: RgbaImage,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): void {
  for (let y = y0; y < y1; y += 1) {
    const start = (y * target.width + x0) * 4;
    target.data.set(source.data.subarray(start, (y * target.width + x1) * 4), start);
  }
}

describe('checkStructure', () => {
  it('passes the reference against itself with SSIM 1 and an all-zero heat map, else clean packs would fail', () => {
    const result = checkStructure(reference, reference, tolerances);
    expect(result.status).toBe('pass');
    expect(result.meanSsim).toBeCloseTo(1, 6);
    expect(result.heatMap.width).toBe(reference.width);
    expect(Math.max(...result.heatMap.data)).toBeLessThan(1e-6);
  });

  it('passes a clean photo under dimmer, uneven light with sensor noise, else lighting is reported as a defect', () => {
    const photo = renderScene({ gain: 0.8, bias: 20, ramp: 25, noiseSd: 3, seed: 4 });
    const result = checkStructure(photo, reference, tolerances);
    expect(result.findings).toEqual([]);
    expect(result.status).toBe('pass');
  });

  it('finds a 12 px blotch with one box around it, else local defects go unreported or mislocated', () => {
    const photo = renderScene({ blotch: { x: 250, y: 180, radius: 12 }, noiseSd: 2 });
    const result = checkStructure(photo, reference, tolerances);
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    const box = result.findings[0]!.box!;
    expect(contains(box, 250, 180)).toBe(true);
    expect(box.width).toBeLessThan(50);
    expect(box.height).toBeLessThan(50);
    expect(result.findings[0]!.type).toBe('structural_difference');
    expect(result.findings[0]!.message).toMatch(/differs from the reference/);
  });

  it('reports two distant blotches as two boxes and merges two touching ones into one, else the boxes mislead the operator', () => {
    const far = checkStructure(
      renderScene({ blotch: { x: 60, y: 60, radius: 10 } }),
      reference,
      tolerances,
    );
    expect(far.findings).toHaveLength(1);
    const two = renderScene({ blotch: { x: 60, y: 60, radius: 10 } });
    const second = renderScene({ blotch: { x: 250, y: 190, radius: 10 } });
    paste(two, second, 230, 290, 170, 216);
    const result = checkStructure(two, reference, tolerances);
    expect(result.findings).toHaveLength(2);
    const pair = renderScene({ blotch: { x: 140, y: 190, radius: 6 } });
    paste(pair, renderScene({ blotch: { x: 176, y: 190, radius: 6 } }), 160, 195, 176, 206);
    const apart = checkStructure(pair, reference, tolerances, undefined, {
      mergeDistanceFraction: 0,
    });
    expect(apart.findings).toHaveLength(2);
    const merged = checkStructure(pair, reference, tolerances, undefined, {
      mergeDistanceFraction: 0.1,
    });
    expect(merged.findings).toHaveLength(1);
    expect(
      contains(merged.findings[0]!.box, 140, 190) && contains(merged.findings[0]!.box, 176, 190),
    ).toBe(true);
  });

  it('ignores a difference inside the mask, else the label region would be counted twice', () => {
    const photo = renderScene({ labelShift: { dx: 10, dy: 0 } });
    const mask = new Uint8Array(reference.width * reference.height).fill(1);
    for (let y = labelBox.y - 12; y < labelBox.y + labelBox.height + 12; y += 1) {
      for (let x = labelBox.x - 12; x < labelBox.x + labelBox.width + 12; x += 1)
        mask[y * reference.width + x] = 0;
    }
    expect(checkStructure(photo, reference, tolerances).status).toBe('fail');
    expect(checkStructure(photo, reference, tolerances, mask).status).toBe('pass');
  });

  it('locates a blotch through a perspective photo once aligned, else boxes land in the wrong place', () => {
    const transform = [1.02, 0.04, -6, -0.03, 0.99, 5, 0.0003, -0.0002, 1];
    const photo = renderScene({ transform, blotch: { x: 250, y: 180, radius: 12 }, noiseSd: 2 });
    const alignment = alignToReference(photo, reference);
    expect(alignment.status).toBe('ok');
    const result = checkStructure(alignment.aligned, reference, tolerances);
    expect(result.status).toBe('fail');
    expect(result.findings.some((finding) => contains(finding.box, 250, 180))).toBe(true);
  });

  it('rejects an unaligned photo naming aligned, and a tolerance out of range naming it', () => {
    const small = renderScene({ photoWidth: 100, photoHeight: 80 });
    expect(() => checkStructure(small, reference, tolerances)).toThrow(/aligned: 100x80/);
    expect(() => checkStructure(reference, reference, { structureMinSsim: 2 })).toThrow(
      /structureMinSsim/,
    );
  });
});
