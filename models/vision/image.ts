// Decoded pixels, the only input of models/vision: intake (assistant/inspection) decodes files with
// sharp into these; the checks never see files, formats or EXIF.

/** 8-bit sRGB pixels, 4 channels (R, G, B, A) row by row: data.length = width * height * 4. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** One channel of floats row by row (grey levels 0..255, a map of scores, ...): data.length = width * height. */
export interface GreyImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** A rectangle in pixel coordinates of the image the check was given (x, y = top-left). */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
