// Default QC tolerances (issue 6): used for a SKU without its own spec, and the base a spec
// overrides. Tuned on the generated photo set with one seed and reported on another
// (assistant/inspection/generated-set-evaluation.ts); the figures are in the README.
import { checkNames, type CheckName } from './check-result';
import type { QcSpec, QcTolerances } from './qc-spec';

export const defaultQcTolerances: Readonly<QcTolerances> = Object.freeze({
  blurMinLaplacianVariance: 60,
  exposureMaxClippedFraction: 0.05,
  exposureMeanRange: Object.freeze([50, 205]) as unknown as [number, number],
  glareMaxFraction: 0.03,
  colourMaxDeltaE: 6,
  structureMinSsim: 0.6,
  labelMaxOffsetPx: 6,
  labelMaxRotationDeg: 3,
});

/** A spec with every check and the default tolerances; `ean` (13 digits) enables the barcode check. */
export function defaultQcSpec(sku: string, ean?: string): QcSpec {
  if (typeof sku !== 'string' || sku.trim() === '') {
    throw new TypeError(`sku: a QC spec needs the SKU code, got ${JSON.stringify(sku)}`);
  }
  if (ean !== undefined && !/^\d{8}$|^\d{12,14}$/.test(ean)) {
    throw new RangeError(`ean: "${ean}" is not an EAN/UPC code (8, 12, 13 or 14 digits)`);
  }
  const checks: CheckName[] = [...checkNames];
  return {
    sku,
    checks,
    tolerances: {
      ...defaultQcTolerances,
      exposureMeanRange: [...defaultQcTolerances.exposureMeanRange],
    },
    ...(ean === undefined ? {} : { ean }),
  };
}
