// Speed of the inspection path without the model (issue 6 targets): the deterministic checks on a
// 12-MP photo (< 150 ms, one core) and decode + checks + fusion (< 300 ms). Run with
//   npx tsx assistant/bench/inspect-speed-bench.ts [--runs 5]
// sharp is held to one thread so the figures are one core's. The photo is a generated pack scene
// (label, print, barcode-like bars, noise) at 4000 x 3000, JPEG quality 90; its golden reference is
// the same scene without noise at 1000 x 750. Timings on a shared machine are noisy: the median
// and the minimum are printed.
import sharp from 'sharp';
import type { RgbaImage } from '../../models/vision/image';
import { defaultQcSpec } from '../../models/vision/qc-defaults';
import { runDeterministicChecks } from '../../models/vision/run-checks';
import { defaultCheckSuite } from '../../models/vision/run-checks-suite';
import { fuseVerdict } from '../../tools/inspection/fuse-verdict';
import { decodePhoto } from '../../tools/inspection/intake';

/** Park-Miller minimal standard generator (Park & Miller 1988), for the noise. */
function seeded(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

/** The pack scene at any size: background, pack body, label, print lines and bars. */
export function scene(width: number, height: number, noise: number, seed: number): RgbaImage {
  const random = seeded(seed);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    const v = y / height;
    for (let x = 0; x < width; x += 1) {
      const u = x / width;
      let colour: [number, number, number] = [200 - 40 * v, 205 - 40 * v, 210 - 40 * v];
      if (u > 0.2 && u < 0.8 && v > 0.1 && v < 0.9) colour = [150, 40, 40];
      if (u > 0.28 && u < 0.72 && v > 0.3 && v < 0.7) {
        colour = [235, 225, 190];
        if (v > 0.36 && v < 0.4 && Math.floor(u * 90) % 3 === 0) colour = [30, 30, 30];
        if (v > 0.45 && v < 0.47 && u < 0.6) colour = [20, 90, 40];
        if (v > 0.55 && v < 0.66 && u > 0.5 && u < 0.68 && Math.floor(u * 400) % 2 === 0) {
          colour = [0, 0, 0];
        }
      }
      const offset = (y * width + x) * 4;
      const jitter = noise === 0 ? 0 : (random() - 0.5) * noise;
      data[offset] = colour[0] + jitter;
      data[offset + 1] = colour[1] + jitter;
      data[offset + 2] = colour[2] + jitter;
      data[offset + 3] = 255;
    }
  }
  return { width, height, data };
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main() {
  const runsIndex = process.argv.indexOf('--runs');
  const runs = runsIndex === -1 ? 5 : Number(process.argv[runsIndex + 1]);
  sharp.concurrency(1);
  const photo = scene(4000, 3000, 12, 7);
  const jpeg = new Uint8Array(
    await sharp(Buffer.from(photo.data.buffer), { raw: { width: 4000, height: 3000, channels: 4 } })
      .removeAlpha()
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
  const reference = scene(1000, 750, 0, 1);
  const spec = {
    ...defaultQcSpec('BENCH-1'),
    labelBox: { x: 280, y: 225, width: 440, height: 300 },
  };
  const decode: number[] = [];
  const checks: number[] = [];
  const checksNoReference: number[] = [];
  const whole: number[] = [];
  const checksCpu: number[] = [];
  const wholeCpu: number[] = [];
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  let verdict = '';
  for (let run = 0; run < runs + 1; run += 1) {
    const startedCpu = process.cpuUsage();
    const started = performance.now();
    const decoded = await decodePhoto(jpeg, { fileName: 'bench.jpg' });
    const decodedAt = performance.now();
    const decodedCpu = process.cpuUsage();
    const result = runDeterministicChecks(
      { photo: decoded.image, reference, spec },
      defaultCheckSuite,
      {
        clock: () => performance.now(),
      },
    );
    const checkedAt = performance.now();
    const checkCpu = cpuMs(decodedCpu);
    verdict = fuseVerdict({ checks: result.checks, now: new Date() }).verdict;
    const done = performance.now();
    const doneCpu = cpuMs(startedCpu);
    const bare = performance.now();
    runDeterministicChecks({ photo: decoded.image, spec }, defaultCheckSuite);
    const bareDone = performance.now();
    if (run === 0) continue; // warm-up
    decode.push(decodedAt - started);
    checks.push(checkedAt - decodedAt);
    whole.push(done - started);
    checksCpu.push(checkCpu);
    wholeCpu.push(doneCpu);
    checksNoReference.push(bareDone - bare);
  }
  const line = (name: string, values: number[], target?: number) =>
    `${name.padEnd(44)} median ${median(values).toFixed(1).padStart(7)} ms  min ${Math.min(
      ...values,
    )
      .toFixed(1)
      .padStart(7)} ms${target === undefined ? '' : `  (target < ${target} ms)`}`;
  console.log(
    `12-MP photo (4000 x 3000 JPEG, ${(jpeg.length / 1e6).toFixed(1)} MB), ${runs} runs after one warm-up, sharp on 1 thread; verdict ${verdict}`,
  );
  console.log(line('decode (sharp, EXIF, RGBA)', decode));
  console.log(line('deterministic checks with reference', checks, 150));
  console.log(line('deterministic checks, photo quality only', checksNoReference));
  console.log(line('decode + checks + fusion (no model)', whole, 300));
  // process CPU time (all threads: sharp is held to one): less disturbed by other load than wall time
  console.log(line('CPU time: checks with reference', checksCpu, 150));
  console.log(line('CPU time: decode + checks + fusion', wholeCpu, 300));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
