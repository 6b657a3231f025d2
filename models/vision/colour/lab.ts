// sRGB -> linear RGB -> CIE XYZ (D65) -> CIELAB. The sRGB transfer function and RGB->XYZ matrix are
// IEC 61966-2-1:1999 (the matrix as in Lindbloom's tables, D65 white 0.95047, 1, 1.08883); Lab is CIE
// 15:2004 with the exact constants epsilon = 216/24389 and kappa = 24389/27.

export interface Lab {
  l: number;
  a: number;
  b: number;
}

const whiteX = 0.95047;
const whiteY = 1;
const whiteZ = 1.08883;
const epsilon = 216 / 24389;
const kappa = 24389 / 27;

/** The linear value (0..1) of an 8-bit sRGB channel (IEC 61966-2-1 decoding). */
export function srgbChannelToLinear(value: number): number {
  const encoded = value / 255;
  return encoded <= 0.04045 ? encoded / 12.92 : Math.pow((encoded + 0.055) / 1.055, 2.4);
}

/** The 256 linear values of the 8-bit sRGB codes, for per-pixel loops. */
export const srgbToLinearTable: Float64Array = Float64Array.from({ length: 256 }, (_, code) =>
  srgbChannelToLinear(code),
);

/** The 8-bit sRGB code (0..255, rounded and clamped) of a linear value. */
export function linearToSrgbChannel(linear: number): number {
  const clamped = Math.min(Math.max(linear, 0), 1);
  const encoded =
    clamped <= 0.0031308 ? clamped * 12.92 : 1.055 * Math.pow(clamped, 1 / 2.4) - 0.055;
  return Math.round(encoded * 255);
}

function labF(t: number): number {
  return t > epsilon ? Math.cbrt(t) : (kappa * t + 16) / 116;
}

/** CIELAB (D65) of linear RGB (each 0..1). */
export function linearRgbToLab(red: number, green: number, blue: number): Lab {
  const x = 0.4124564 * red + 0.3575761 * green + 0.1804375 * blue;
  const y = 0.2126729 * red + 0.7151522 * green + 0.072175 * blue;
  const z = 0.0193339 * red + 0.119192 * green + 0.9503041 * blue;
  const fx = labF(x / whiteX);
  const fy = labF(y / whiteY);
  const fz = labF(z / whiteZ);
  return { l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/** CIELAB (D65) of an 8-bit sRGB colour. */
export function srgbToLab(red: number, green: number, blue: number): Lab {
  for (const [name, value] of [
    ['red', red],
    ['green', green],
    ['blue', blue],
  ] as const) {
    if (!(value >= 0 && value <= 255))
      throw new RangeError(`${name}: expected 0..255, got ${value}`);
  }
  return linearRgbToLab(
    srgbChannelToLinear(red),
    srgbChannelToLinear(green),
    srgbChannelToLinear(blue),
  );
}
