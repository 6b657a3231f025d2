// The photo resampled into the reference frame through the generator's own homography: a perfect
// alignment, for testing the checks that compare against the golden reference apart from the
// alignment step.
import type { RgbaImage } from '../image';
import { type Homography, applyHomography } from './projection';

/** The photo seen in the reference frame (width x height), sampled bilinearly; outside the photo is black. */
export function alignWithKnownHomography(
  photo: RgbaImage,
  referenceToPhoto: Homography,
  width: number,
  height: number,
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const point = applyHomography(referenceToPhoto, x + 0.5, y + 0.5);
      const fx = point.x - 0.5;
      const fy = point.y - 0.5;
      const target = (y * width + x) * 4;
      data[target + 3] = 255;
      if (fx < 0 || fy < 0 || fx > photo.width - 1 || fy > photo.height - 1) continue;
      const left = Math.floor(fx);
      const top = Math.floor(fy);
      const right = Math.min(left + 1, photo.width - 1);
      const bottom = Math.min(top + 1, photo.height - 1);
      const wx = fx - left;
      const wy = fy - top;
      for (let channel = 0; channel < 3; channel += 1) {
        const at = (column: number, row: number) =>
          photo.data[(row * photo.width + column) * 4 + channel]!;
        data[target + channel] =
          (at(left, top) * (1 - wx) + at(right, top) * wx) * (1 - wy) +
          (at(left, bottom) * (1 - wx) + at(right, bottom) * wx) * wy;
      }
    }
  }
  return { width, height, data };
}
