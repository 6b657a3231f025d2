// Colour inside the package mask: rust is orange-brown (hue about 10-40 degrees, saturated) on a
// tin that is otherwise grey, so its share of the can's pixels rises with the rusted area.
import type { RgbaImage } from '../image';
import type { CanMask } from './can-mask';

export const colourFeatureNames = [
  'rust_fraction',
  'dark_brown_fraction',
  'mean_saturation',
  'saturation_p90',
  'lab_mean_a',
  'lab_mean_b',
  'lab_sd_a',
  'lab_sd_b',
  'warm_chroma_fraction',
] as const;

/** Hue in degrees [0, 360), saturation and value in [0, 1] (Smith 1978's hexcone model). */
export function hsvOf(red: number, green: number, blue: number): [number, number, number] {
  const r = red / 255;
  const g = green / 255;
  const b = blue / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const delta = max - min;
  let hue = 0;
  if (delta > 0) {
    if (max === r) hue = 60 * (((g - b) / delta + 6) % 6);
    else if (max === g) hue = 60 * ((b - r) / delta + 2);
    else hue = 60 * ((r - g) / delta + 4);
  }
  return [hue, max === 0 ? 0 : delta / max, max];
}

const linearOf = (channel: number) => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const LINEAR = Float64Array.from({ length: 256 }, (_, value) => linearOf(value));
const labF = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);

/** CIE L*a*b* of an sRGB colour (D65 white; IEC 61966-2-1 and CIE 15:2004). */
export function labOf(red: number, green: number, blue: number): [number, number, number] {
  const r = LINEAR[red]!;
  const g = LINEAR[green]!;
  const b = LINEAR[blue]!;
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const fx = labF(x);
  const fy = labF(y);
  const fz = labF(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

export function colourFeatures(image: RgbaImage, can: CanMask): number[] {
  const { data } = image;
  const saturationHistogram = new Float64Array(101);
  let rust = 0;
  let darkBrown = 0;
  let warm = 0;
  let sumSaturation = 0;
  let sumA = 0;
  let sumB = 0;
  let sumA2 = 0;
  let sumB2 = 0;
  for (let index = 0; index < can.mask.length; index += 1) {
    if (can.mask[index] === 0) continue;
    const red = data[index * 4]!;
    const green = data[index * 4 + 1]!;
    const blue = data[index * 4 + 2]!;
    const [hue, saturation, value] = hsvOf(red, green, blue);
    const [, a, b] = labOf(red, green, blue);
    if (hue >= 8 && hue <= 40 && saturation >= 0.4 && value >= 0.2 && value <= 0.95) rust += 1;
    if ((hue <= 45 || hue >= 345) && saturation >= 0.25 && value < 0.45 && value >= 0.08)
      darkBrown += 1;
    if (a > 8 && b > 15) warm += 1;
    sumSaturation += saturation;
    saturationHistogram[Math.round(saturation * 100)]! += 1;
    sumA += a;
    sumB += b;
    sumA2 += a * a;
    sumB2 += b * b;
  }
  const n = can.area;
  let cumulative = 0;
  let saturationP90 = 1;
  for (let bin = 0; bin <= 100; bin += 1) {
    cumulative += saturationHistogram[bin]!;
    if (cumulative >= 0.9 * n) {
      saturationP90 = bin / 100;
      break;
    }
  }
  const meanA = sumA / n;
  const meanB = sumB / n;
  return [
    rust / n,
    darkBrown / n,
    sumSaturation / n,
    saturationP90,
    meanA,
    meanB,
    Math.sqrt(Math.max(0, sumA2 / n - meanA * meanA)),
    Math.sqrt(Math.max(0, sumB2 / n - meanB * meanB)),
    warm / n,
  ];
}
