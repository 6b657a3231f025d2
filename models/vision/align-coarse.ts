// Coarse global search for the alignment's starting point on a small image: a grid of rotations and
// scales about the centre, and for each every integer shift within a window, scored by normalised
// cross-correlation over the template's masked pixels (Lewis 1995, "Fast normalized
// cross-correlation", computed directly since the images here are a few thousand pixels).
import type { GreyImage } from './image';
import { multiplyMatrix3, warpGrey, type Matrix3 } from './warp';

export interface CoarseCandidate {
  /** template -> image */
  matrix: Matrix3;
  correlation: number;
}

export interface CoarseSearchOptions {
  mask?: Uint8Array;
  anglesDeg?: readonly number[];
  scales?: readonly number[];
  /** largest shift tried, in pixels, along x and y */
  shiftX: number;
  shiftY: number;
  /** the centre of rotation and scale, in template coordinates (default: the template's centre) */
  centre?: [number, number];
  /** initial template -> image transform the grid is composed with (default: identity) */
  base?: readonly number[];
}

/**
 * Best transforms of the form base * S(shift) * R(angle, scale about the centre), scored by NCC;
 * candidates covering less than half of the masked template are skipped.
 */
export function coarseSearch(
  template: GreyImage,
  image: GreyImage,
  options: CoarseSearchOptions,
): CoarseCandidate {
  const { width, height } = template;
  const [cx, cy] = options.centre ?? [(width - 1) / 2, (height - 1) / 2];
  const rx = Math.max(0, Math.round(options.shiftX));
  const ry = Math.max(0, Math.round(options.shiftY));
  const base = options.base ?? [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const mask = options.mask;
  const canvasWidth = width + 2 * rx;
  const canvasHeight = height + 2 * ry;
  const usedList: number[] = [];
  for (let index = 0; index < width * height; index += 1) {
    if (!mask || mask[index] !== 0) usedList.push(index);
  }
  const used = Int32Array.from(usedList);
  // offset of each used template pixel in the canvas at zero shift
  const offsets = used.map((index) => {
    const x = index % width;
    return ((index - x) / width + ry) * canvasWidth + x + rx;
  });
  const minimumCount = Math.max(8, used.length / 2);
  let best: CoarseCandidate = { matrix: [...base], correlation: -Infinity };
  for (const angleDeg of options.anglesDeg ?? [0]) {
    for (const scale of options.scales ?? [1]) {
      const angle = (angleDeg * Math.PI) / 180;
      const c = scale * Math.cos(angle);
      const s = scale * Math.sin(angle);
      // rotation and scale about the centre, in template coordinates
      const rotation: Matrix3 = [c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy, 0, 0, 1];
      const canvasToTemplate: Matrix3 = [1, 0, -rx, 0, 1, -ry, 0, 0, 1];
      // canvas pixel (u, v) shows the image at base * R(u - rx, v - ry)
      const canvas = warpGrey(
        image,
        multiplyMatrix3(multiplyMatrix3(base, rotation), canvasToTemplate),
        canvasWidth,
        canvasHeight,
      );
      for (let dy = -ry; dy <= ry; dy += 1) {
        for (let dx = -rx; dx <= rx; dx += 1) {
          let n = 0;
          let st = 0;
          let si = 0;
          let stt = 0;
          let sii = 0;
          let sti = 0;
          const shiftOffset = dy * canvasWidth + dx;
          for (let k = 0; k < used.length; k += 1) {
            const value = canvas.data[offsets[k]! + shiftOffset]!;
            if (Number.isNaN(value)) continue;
            const t = template.data[used[k]!]!;
            n += 1;
            st += t;
            si += value;
            stt += t * t;
            sii += value * value;
            sti += t * value;
          }
          if (n < minimumCount) continue;
          const tVar = stt / n - (st / n) ** 2;
          const iVar = sii / n - (si / n) ** 2;
          if (tVar <= 1e-12 || iVar <= 1e-12) continue;
          const correlation = (sti / n - (st / n) * (si / n)) / Math.sqrt(tVar * iVar);
          if (correlation > best.correlation) {
            // template x -> R(x + shift): image point base * R * T(shift)
            const shift: Matrix3 = [1, 0, dx, 0, 1, dy, 0, 0, 1];
            best = { matrix: multiplyMatrix3(multiplyMatrix3(base, rotation), shift), correlation };
          }
        }
      }
    }
  }
  return best;
}
