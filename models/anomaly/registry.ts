// Every detector by its stable name (ARCHITECTURE.md 1: models/anomaly): one list for the CLI,
// the tool, the benchmarks and the shared contract test.
import { changePointDetector } from './change-points';
import type { Detector } from './detector';
import { extremeValueDetector } from './extreme-value';
import { seasonalHybridEsd } from './seasonal-hybrid-esd';
import { stlResidualDetector } from './stl-residual';

/** The detector used when none is named: robust STL residuals with count-aware scores. */
export const DEFAULT_DETECTOR = 'stl';

const detectors: readonly Detector[] = [
  stlResidualDetector,
  seasonalHybridEsd,
  changePointDetector,
  extremeValueDetector,
];

export const detectorNames: readonly string[] = [
  'default',
  ...detectors.map((detector) => detector.name),
];

export function getDetector(name: string): Detector {
  const wanted = name === 'default' ? DEFAULT_DETECTOR : name;
  const detector = detectors.find((candidate) => candidate.name === wanted);
  if (detector === undefined) {
    throw new RangeError(`detector: unknown "${name}"; use one of ${detectorNames.join(', ')}`);
  }
  return detector;
}
