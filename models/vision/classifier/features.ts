// Engineered features of one package photo for the defect classifier: segment the package from
// its dark background, then shape, colour and surface statistics inside its outline (see each
// module for what a feature measures and why).
import type { RgbaImage } from '../image';
import { lumaOf, segmentPackage } from './can-mask';
import { colourFeatureNames, colourFeatures } from './colour-features';
import { shapeFeatureNames, shapeFeatures } from './shape-features';
import { surfaceFeatureNames, surfaceFeatures } from './surface-features';

/** Names of the values extractFeatures returns, in order (saved with a trained model). */
export const defectFeatureNames: readonly string[] = [
  ...shapeFeatureNames,
  ...colourFeatureNames,
  ...surfaceFeatureNames,
];

/** Fewest mask pixels for a package to count as found. */
export const MIN_PACKAGE_PIXELS = 256;

/**
 * The feature vector of a photo of one package on a dark background (best at 256-512 px on the
 * long side; the caller downscales). Throws RangeError when no package stands out.
 */
export function extractFeatures(image: RgbaImage): Float64Array {
  const grey = lumaOf(image);
  const can = segmentPackage(grey);
  if (can.area < MIN_PACKAGE_PIXELS)
    throw new RangeError(
      `image: no package found against the background (largest bright region ${can.area} pixels, need ${MIN_PACKAGE_PIXELS}); photograph the package on a darker surface`,
    );
  const values = [
    ...shapeFeatures(can),
    ...colourFeatures(image, can),
    ...surfaceFeatures(grey, can),
  ];
  if (values.length !== defectFeatureNames.length)
    throw new Error(`internal: ${values.length} features for ${defectFeatureNames.length} names`);
  return Float64Array.from(values, (value) => (Number.isFinite(value) ? value : 0));
}
