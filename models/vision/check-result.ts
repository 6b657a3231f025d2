// What every deterministic packaging check returns (issue 6), so intake, fusion, records, the CLI
// (`ayni inspect --json`) and the UI read one shape.
import type { PixelBox } from './image';

/** Defects a person or the vision model names (the vision model's schema uses exactly these). */
export const packagingDefectTypes = [
  'dent',
  'tear',
  'puncture',
  'leak',
  'swelling',
  'seal_open',
  'label_missing',
  'label_misaligned',
  'print_defect',
  'wrong_colour',
  'foreign_object',
  'other',
] as const;
export type PackagingDefectType = (typeof packagingDefectTypes)[number];

/** Photo problems and measured deviations the deterministic checks report. */
export const measuredFindingTypes = [
  'blur',
  'exposure',
  'glare',
  'colour_deviation',
  'label_offset',
  'barcode',
  'alignment',
  'structural_difference',
  'best_before',
] as const;
export type MeasuredFindingType = (typeof measuredFindingTypes)[number];

export type FindingType = PackagingDefectType | MeasuredFindingType;

export type FindingSeverity = 'minor' | 'major' | 'critical';

/** The deterministic checks, in the order they run (photo quality first). */
export const checkNames = [
  'blur',
  'exposure',
  'glare',
  'alignment',
  'colour',
  'structure',
  'label',
  'barcode',
] as const;
export type CheckName = (typeof checkNames)[number];

export interface Finding {
  /** which check (or 'vision_model', 'classifier', 'date') produced it */
  check: CheckName | 'vision_model' | 'classifier' | 'date';
  type: FindingType;
  severity: FindingSeverity;
  /** the check's score for this finding (units per check; see `message`) */
  score: number;
  /** one sentence a QC operator can act on, with the measured value and the threshold */
  message: string;
  /** where, in the coordinates of the photo as analysed (after EXIF orientation) */
  box?: PixelBox;
}

/**
 * One check's outcome. `pass`: within tolerance. `fail`: out of tolerance (findings say what and
 * where). `skipped`: not applicable (no golden reference, not in the SKU's spec) with the reason in
 * `message`. `inconclusive`: could not be measured (e.g. alignment failed) — fusion turns it into
 * "needs review", never into a pass.
 */
export interface CheckResult {
  check: CheckName;
  status: 'pass' | 'fail' | 'skipped' | 'inconclusive';
  /** the measured value (e.g. Laplacian variance, mean CIEDE2000, SSIM, offset in px) */
  score: number;
  /** the configured limit the score was compared with */
  threshold: number;
  message: string;
  findings: Finding[];
  ms: number;
}
