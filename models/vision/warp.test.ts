import { describe, expect, it } from 'vitest';
import {
  applyMatrix3,
  homographyFromPoints,
  invertMatrix3,
  multiplyMatrix3,
  warpGrey,
  warpRgba,
} from './warp';

describe('homographies', () => {
  const perspective = [1.05, 0.08, 12, -0.04, 0.97, -7, 0.0004, -0.0002, 1];

  it('homographyFromPoints recovers a known perspective map from 4 corners, else the DLT normalisation or solve is wrong', () => {
    const from: [number, number][] = [
      [0, 0],
      [299, 0],
      [299, 199],
      [0, 199],
    ];
    const to = from.map(([x, y]) => applyMatrix3(perspective, x, y));
    const fitted = homographyFromPoints(from, to);
    fitted.forEach((value, index) => expect(value).toBeCloseTo(perspective[index]!, 6));
  });

  it('invertMatrix3 gives the identity when multiplied back, else warps in the other direction are wrong', () => {
    const inverse = invertMatrix3(perspective)!;
    const product = multiplyMatrix3(perspective, inverse);
    [1, 0, 0, 0, 1, 0, 0, 0, 1].forEach((value, index) =>
      expect(product[index]! / product[8]!).toBeCloseTo(value, 10),
    );
    expect(invertMatrix3([1, 2, 3, 2, 4, 6, 0, 0, 1])).toBeUndefined();
  });

  it('homographyFromPoints rejects collinear points naming from, else a degenerate fit passes silently', () => {
    const line: [number, number][] = [
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ];
    expect(() => homographyFromPoints(line, line)).toThrow(/from:/);
  });
});

describe('warping', () => {
  it('a pure integer translation moves grey pixels exactly and marks uncovered pixels NaN, else sampling is off by a pixel', () => {
    const source = {
      width: 4,
      height: 3,
      data: Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
    };
    const shifted = warpGrey(source, [1, 0, 1, 0, 1, 0, 0, 0, 1], 4, 3);
    expect(Array.from(shifted.data.slice(0, 4))).toEqual([1, 2, 3, Number.NaN]);
    expect(shifted.data[4]).toBe(5);
  });

  it('bilinear sampling halfway between pixels averages them, else interpolation weights are swapped', () => {
    const source = { width: 2, height: 2, data: Float32Array.from([0, 10, 20, 30]) };
    const out = warpGrey(source, [1, 0, 0.5, 0, 1, 0.5, 0, 0, 1], 1, 1);
    expect(out.data[0]).toBeCloseTo(15, 5);
    const rgba = {
      width: 2,
      height: 2,
      data: Uint8ClampedArray.from([0, 0, 0, 255, 10, 0, 0, 255, 20, 0, 0, 255, 30, 0, 0, 255]),
    };
    const outRgba = warpRgba(rgba, [1, 0, 0.5, 0, 1, 0.5, 0, 0, 1], 2, 1);
    expect(outRgba.data[0]).toBe(15);
    expect(outRgba.data[7]).toBe(0); // x = 1.5 falls outside: transparent
  });

  it('rejects a matrix that is not 9 finite numbers, naming the argument', () => {
    const source = { width: 1, height: 1, data: new Float32Array(1) };
    expect(() => warpGrey(source, [1, 0, 0], 1, 1)).toThrow(/outputToSource/);
  });
});
