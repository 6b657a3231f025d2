// A small real detector for the tests of the anomaly I/O and commands (loaded by the worker pool
// through `detectorModule`): robust z = |x - median| / (1.4826 MAD) over the whole series; runs of
// steps at or above 6 / 5 / 4 (low / medium / high) are anomalies. `periods` are echoed in notes
// so that tests can see what the reader inferred.
import type { DetectedAnomaly, Detector, DetectorInput } from '../../models/anomaly/detector';

const THRESHOLDS = { low: 6, medium: 5, high: 4 } as const;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const robustZ: Detector = {
  name: 'robust-z',
  minLength: () => 3,
  detect(input: DetectorInput) {
    const present = input.values.filter((value) => !Number.isNaN(value));
    const center = median(present);
    const scale = 1.4826 * median(present.map((value) => Math.abs(value - center))) || 1;
    const scores = new Float64Array(input.values.length);
    input.values.forEach((value, index) => {
      scores[index] = Number.isNaN(value) ? 0 : Math.abs(value - center) / scale;
    });
    const threshold = THRESHOLDS[input.sensitivity];
    const anomalies: DetectedAnomaly[] = [];
    let index = 0;
    while (index < scores.length) {
      if ((scores[index] as number) < threshold) {
        index += 1;
        continue;
      }
      const start = index;
      while (index < scores.length && (scores[index] as number) >= threshold) index += 1;
      const run = input.values.slice(start, index);
      const observed = run.reduce((sum, value) => sum + value, 0) / run.length;
      anomalies.push({
        start,
        end: index - 1,
        kind: observed > center ? 'spike' : 'drop',
        score: Math.max(...scores.subarray(start, index)),
        expected: center,
        observed,
        expectedLower: center - threshold * scale,
        expectedUpper: center + threshold * scale,
        detector: 'robust-z',
      });
    }
    return { anomalies, scores, notes: [`periods ${input.periods.join(',') || 'none'}`] };
  },
};

export function getDetector(name: string): Detector {
  if (name !== robustZ.name) throw new RangeError(`detector: unknown name ${name}`);
  return robustZ;
}

export const detectorNames = [robustZ.name];
