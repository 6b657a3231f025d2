// A SKU's QC specification: which checks apply and their tolerances. Stored with the knowledge base
// (golden reference image + spec per SKU); every field has a default so a SKU without a spec is
// still checked for photo quality.
import type { CheckName } from './check-result';
import type { PixelBox } from './image';

export interface QcTolerances {
  /** minimum variance of the Laplacian on the 0..255 grey image scaled to 1024 px long side */
  blurMinLaplacianVariance: number;
  /**
   * with a golden reference: minimum sharpness of the aligned photo relative to the reference's over
   * the print outside the label (replaces the absolute blur threshold when the photo aligned)
   */
  blurMinRelativeSharpness?: number;
  /** maximum fraction of pixels clipped at 0 or 255 (all channels) */
  exposureMaxClippedFraction: number;
  /** mean grey level must lie in [min, max] */
  exposureMeanRange: [number, number];
  /** maximum fraction of the pack area in specular glare (near-white, low saturation blobs) */
  glareMaxFraction: number;
  /** median CIEDE2000 over the label region's cells above this is a colour deviation */
  colourMaxDeltaE: number;
  /** SSIM against the aligned reference below this is a structural difference */
  structureMinSsim: number;
  /** label offset in px (at the reference's scale) above this fails */
  labelMaxOffsetPx: number;
  /** label rotation in degrees above this fails */
  labelMaxRotationDeg: number;
}

export interface QcSpec {
  sku: string;
  /** the checks that apply to this SKU (default: all) */
  checks: CheckName[];
  tolerances: QcTolerances;
  /** the label's region in the golden reference image, when there is one */
  labelBox?: PixelBox;
  /** the EAN-13 the barcode must decode to (from the product catalogue) */
  ean?: string;
}
