// Benchmark of the checks against the golden reference (issue 6: alignment + SSIM + label under
// ~100 ms on one core once a 12-MP photo is shrunk to the reference's ~1 MP). Run:
//   npx tsx models/vision/reference-checks.bench.ts [--runs 7]
// Prints the median and minimum milliseconds per stage as JSON. Single-threaded JavaScript, so
// the figures are one core's; on a shared machine take the minimum as the least disturbed run.
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
const times: Record<(typeof stages)[number], number[]> = {
  downscale: [],
  align: [],
  structure: [],
  label: [],
  alignStructureLabel: [],
};
let lastLabel = { offsetPx: 0, dx: 0, dy: 0 };
for (let run = 0; run < runs + 1; run += 1) {
  const t0 = performance.now();
  const photo = resizeRgba(photo12mp, referenceWidth, referenceHeight);
  const t1 = performance.now();
  const alignment = alignToReference(photo, reference, { ignoreBox: box });
  const t2 = performance.now();
  checkStructure(alignment.aligned, reference, tolerances);
  const t3 = performance.now();
  const label = checkLabel(alignment.aligned, reference, box, tolerances);
  const t4 = performance.now();
  lastLabel = label.measurement;
  if (run === 0) continue; // warm-up (JIT)
  times.downscale.push(t1 - t0);
  times.align.push(t2 - t1);
  times.structure.push(t3 - t2);
  times.label.push(t4 - t3);
  times.alignStructureLabel.push(t4 - t1);
}
const summary = Object.fromEntries(
  stages.map((stage) => {
    const sorted = [...times[stage]].sort((a, b) => a - b);
    return [
      stage,
      {
        medianMs: Math.round(sorted[sorted.length >> 1]! * 10) / 10,
        minMs: Math.round(sorted[0]! * 10) / 10,
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
