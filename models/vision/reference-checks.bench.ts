// Benchmark of the checks against the golden reference (issue 6: alignment + SSIM + label under
// ~100 ms on one core once a 12-MP photo is shrunk to the reference's ~1 MP). Run:
//   npx tsx models/vision/reference-checks.bench.ts [--runs 7]
// Prints, per stage, the median and minimum wall milliseconds and the median CPU milliseconds of
// the process (process.cpuUsage: user + system). The checks are single-threaded JavaScript, so the
// figures are one core's; on a shared, loaded machine wall time counts the waits for a core, and
// the CPU time is the better estimate of the time on an idle core.
import { alignToReference } from './align';
import { labelBox, renderScene, sceneHeight, sceneWidth } from './align-test-images';
import { checkLabel } from './label-check';
import { resizeRgba } from './resize';
import { checkStructure } from './structure-check';
import { multiplyMatrix3 } from './warp';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 7;
const scale = 3.6; // 320x240 scene -> 1152x864 reference (~1 MP)
const referenceWidth = Math.round(sceneWidth * scale);
const referenceHeight = Math.round(sceneHeight * scale);
const up = [scale, 0, 0, 0, scale, 0, 0, 0, 1];
const reference = renderScene({
  transform: up,
  photoWidth: referenceWidth,
  photoHeight: referenceHeight,
});
const perspective = [1.02, 0.04, -6, -0.03, 0.99, 5, 0.0003, -0.0002, 1];
const photoAtReferenceScale = renderScene({
  transform: multiplyMatrix3(up, perspective),
  photoWidth: referenceWidth,
  photoHeight: referenceHeight,
  labelShift: { dx: 8, dy: -5 },
  noiseSd: 3,
  gain: 0.85,
  bias: 12,
});
// the 12-MP camera frame the intake would decode (content enlarged from the 1-MP render)
const photo12mp = resizeRgba(photoAtReferenceScale, 4000, 3000);
const box = {
  x: labelBox.x * scale,
  y: labelBox.y * scale,
  width: labelBox.width * scale,
  height: labelBox.height * scale,
};
const tolerances = { structureMinSsim: 0.6, labelMaxOffsetPx: 6, labelMaxRotationDeg: 3 };

const stages = ['downscale', 'align', 'structure', 'label', 'alignStructureLabel'] as const;
type Stage = (typeof stages)[number];
const emptyTimes = (): Record<Stage, number[]> => ({
  downscale: [],
  align: [],
  structure: [],
  label: [],
  alignStructureLabel: [],
});
const times = emptyTimes();
const cpuTimes = emptyTimes();
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
let lastLabel = { offsetPx: 0, dx: 0, dy: 0 };
for (let run = 0; run < runs + 1; run += 1) {
  const c0 = cpuMs();
  const t0 = performance.now();
  const photo = resizeRgba(photo12mp, referenceWidth, referenceHeight);
  const t1 = performance.now();
  const c1 = cpuMs();
  const alignment = alignToReference(photo, reference, { ignoreBox: box });
  const t2 = performance.now();
  const c2 = cpuMs();
  checkStructure(alignment.aligned, reference, tolerances);
  const t3 = performance.now();
  const c3 = cpuMs();
  const label = checkLabel(alignment.aligned, reference, box, tolerances);
  const t4 = performance.now();
  const c4 = cpuMs();
  lastLabel = label.measurement;
  if (run === 0) continue; // warm-up (JIT)
  times.downscale.push(t1 - t0);
  times.align.push(t2 - t1);
  times.structure.push(t3 - t2);
  times.label.push(t4 - t3);
  times.alignStructureLabel.push(t4 - t1);
  cpuTimes.downscale.push(c1 - c0);
  cpuTimes.align.push(c2 - c1);
  cpuTimes.structure.push(c3 - c2);
  cpuTimes.label.push(c4 - c3);
  cpuTimes.alignStructureLabel.push(c4 - c1);
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[sorted.length >> 1]! * 10) / 10;
};
const summary = Object.fromEntries(
  stages.map((stage) => {
    const sorted = [...times[stage]].sort((a, b) => a - b);
    return [
      stage,
      {
        medianMs: Math.round(sorted[sorted.length >> 1]! * 10) / 10,
        minMs: Math.round(sorted[0]! * 10) / 10,
        cpuMedianMs: median(cpuTimes[stage]),
      },
    ];
  }),
);
console.log(
  JSON.stringify(
    {
      photo: '4000x3000',
      reference: `${referenceWidth}x${referenceHeight}`,
      runs,
      labelShiftTruth: { dx: 8 * scale, dy: -5 * scale },
      labelMeasured: { dx: lastLabel.dx, dy: lastLabel.dy },
      ...summary,
    },
    null,
    2,
  ),
);
