import { describe, expect, it } from 'vitest';
import { checkLabel, measureLabel } from './label-check';
import { labelBox, renderScene, similarity } from './align-test-images';
import { alignToReference } from './align';

const reference = renderScene();
const tolerances = { labelMaxOffsetPx: 6, labelMaxRotationDeg: 3 };

describe('checkLabel', () => {
  it('passes the reference against itself with zero offset and rotation, else clean packs would fail', () => {
    const result = checkLabel(reference, reference, labelBox, tolerances);
    expect(result.status).toBe('pass');
    expect(result.measurement.offsetPx).toBeLessThan(0.3);
    expect(Math.abs(result.measurement.rotationDeg)).toBeLessThan(0.2);
  });

  const shifts: [number, number][] = [
    [3, 0],
    [-8, 0],
    [0, 10],
    [12, -9],
    [-20, 14],
  ];
  for (const [dx, dy] of shifts) {
    it(`a label shifted by (${dx}, ${dy}) px is reported as that offset within 2 px, else label offsets are mis-measured`, () => {
      const photo = renderScene({
        labelShift: { dx, dy },
        noiseSd: 4,
        gain: 0.85,
        bias: 15,
        seed: dx + 100,
      });
      const { measurement, status } = checkLabel(photo, reference, labelBox, tolerances);
      expect(measurement.present).toBe(true);
      expect(Math.abs(measurement.dx - dx)).toBeLessThan(2);
      expect(Math.abs(measurement.dy - dy)).toBeLessThan(2);
      expect(Math.abs(measurement.offsetPx - Math.hypot(dx, dy))).toBeLessThan(2);
      expect(status).toBe(Math.hypot(dx, dy) > tolerances.labelMaxOffsetPx ? 'fail' : 'pass');
    });
  }

  for (const angleDeg of [3, -3, 7]) {
    it(`a label turned ${angleDeg}° is reported within 0.5°, else label rotation is mis-measured`, () => {
      const photo = renderScene({ labelShift: { dx: 0, dy: 0, angleDeg }, noiseSd: 3, seed: 5 });
      const result = checkLabel(photo, reference, labelBox, {
        labelMaxOffsetPx: 6,
        labelMaxRotationDeg: 2,
      });
      expect(Math.abs(result.measurement.rotationDeg - angleDeg)).toBeLessThan(0.5);
      expect(result.status).toBe('fail');
      expect(result.findings.map((finding) => finding.type)).toContain('label_misaligned');
      expect(result.findings[0]!.message).toMatch(angleDeg > 0 ? /clockwise/ : /anticlockwise/);
    });
  }

  it('a missing label fails with label_missing, else packs without a label would pass', () => {
    const photo = renderScene({ labelMissing: true, noiseSd: 3 });
    const result = checkLabel(photo, reference, labelBox, tolerances);
    expect(result.status).toBe('fail');
    expect(result.findings[0]!.type).toBe('label_missing');
    expect(result.findings[0]!.severity).toBe('critical');
    expect(result.message).toMatch(/Label not found/);
  });

  it('measures a 10 px label shift through a perspective photo aligned on the pack, else alignment absorbs the label defect', () => {
    const transform = [1.02, 0.04, -6, -0.03, 0.99, 5, 0.0003, -0.0002, 1];
    const photo = renderScene({ transform, labelShift: { dx: 10, dy: 0 }, noiseSd: 4, ramp: 30 });
    const alignment = alignToReference(photo, reference, { ignoreBox: labelBox });
    expect(alignment.status).toBe('ok');
    const measurement = measureLabel(alignment.aligned, reference, labelBox);
    expect(Math.abs(measurement.dx - 10)).toBeLessThan(2);
    expect(Math.abs(measurement.dy)).toBeLessThan(2);
  });

  it('a label rotated 3° on a rotated photo is reported within 0.5° after alignment', () => {
    const photo = renderScene({
      transform: similarity(-5, 1.03, 4, 2),
      labelShift: { dx: 0, dy: 0, angleDeg: 3 },
      noiseSd: 3,
    });
    const alignment = alignToReference(photo, reference, { ignoreBox: labelBox });
    const measurement = measureLabel(alignment.aligned, reference, labelBox);
    expect(Math.abs(measurement.rotationDeg - 3)).toBeLessThan(0.5);
  });

  it('rejects a label box outside the reference naming labelBox, and an unaligned photo naming aligned', () => {
    expect(() =>
      checkLabel(reference, reference, { x: 300, y: 10, width: 50, height: 20 }, tolerances),
    ).toThrow(/labelBox/);
    const small = renderScene({ photoWidth: 100, photoHeight: 80 });
    expect(() => checkLabel(small, reference, labelBox, tolerances)).toThrow(/aligned: 100x80/);
  });
});
