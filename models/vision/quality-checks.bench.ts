// Milliseconds per photo-quality check on a 12-MP (4000x3000) generated photo, one core (wall and
// process CPU time: on a shared machine the CPU time is the fairer figure).
// Run: npx tsx models/vision/quality-checks.bench.ts [width height repeats]
import { Random } from '../stats/random';
import { checkBlur, defaultBlurTolerance } from './blur-check';
import { checkColour, defaultColourTolerance } from './colour-check';
import { checkExposure, defaultExposureTolerance } from './exposure-check';
import { checkGlare, defaultGlareTolerance } from './glare-check';
import type { CheckResult } from './check-result';
import { generatePackPhoto } from './synthetic/pack-photo';

const [width = 4000, height = 3000, repeats = 5] = process.argv.slice(2).map(Number);
const started = performance.now();
const generated = generatePackPhoto({ width, height, defects: ['glare'] }, new Random(1));
console.log(
  `generated a ${width}x${height} photo in ${(performance.now() - started).toFixed(0)} ms`,
);

function median(values: number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const checks: Array<[string, () => CheckResult]> = [
  ['blur', () => checkBlur(generated.photo, defaultBlurTolerance)],
  ['exposure', () => checkExposure(generated.photo, defaultExposureTolerance)],
  ['glare', () => checkGlare(generated.photo, defaultGlareTolerance)],
  // the colour check runs on the photo aligned to the reference (480x640 here), not on the 12-MP photo
  [
    'colour (aligned, reference size)',
    () =>
      checkColour(
        generated.reference,
        generated.reference,
        generated.labelBox,
        defaultColourTolerance,
      ),
  ],
];
for (const [name, run] of checks) {
  run(); // warm-up
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    const before = performance.now();
    const cpuBefore = process.cpuUsage();
    run();
    const cpu = process.cpuUsage(cpuBefore);
    times.push(performance.now() - before);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  // wall time counts the time this process waited for a shared core; CPU time does not
  console.log(
    `${name}: wall median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}), ` +
      `CPU median ${median(cpuTimes).toFixed(1)} ms (min ${Math.min(...cpuTimes).toFixed(1)}) over ${repeats} runs`,
  );
}
