// Runs the generated-set evaluation and prints the figures (issue 6 targets: precision and recall
// >= 0.9 per kind, no "fail" on clean photos). Tune on one seed, report another:
//   npx tsx assistant/inspection/generated-set-evaluation-run.ts --seed 2 --count 110 [--json]
import { defaultQcSpec } from '../../models/vision/qc-defaults';
import { defaultCheckSuite } from '../../models/vision/run-checks-suite';
import {
  generatePhotoSet,
  type LabelledPhoto,
  type PhotoSetKind,
} from '../../models/vision/synthetic/photo-set';
import {
  evaluateGeneratedSet,
  type EvaluationSample,
  type GeneratedSetEvaluation,
  type ProblemKind,
} from './generated-set-evaluation';

/** The generator's kinds as the issue's problem kinds (a turned label is a misplaced label). */
const truthOf: Partial<Record<PhotoSetKind, ProblemKind>> = {
  label_shift: 'label_shift',
  label_rotation: 'label_shift',
  label_missing: 'missing_label',
  colour_cast: 'colour_deviation',
  blur: 'blur',
  exposure: 'exposure',
};

export function toSample(photo: LabelledPhoto, index = 0): EvaluationSample {
  const truth = truthOf[photo.kind];
  return {
    name: `#${index} ${photo.kind}`,
    photo: photo.photo,
    reference: photo.reference,
    spec: { ...defaultQcSpec('GEN-1', photo.ean), labelBox: photo.labelBox },
    truth: truth === undefined ? [] : [truth],
    clean: photo.kind === 'clean',
  };
}

export function evaluateSeed(seed: number, count: number): GeneratedSetEvaluation {
  const photos = generatePhotoSet({ count, seed });
  return evaluateGeneratedSet(
    photos.map((photo, index) => toSample(photo, index)),
    defaultCheckSuite,
    {
      clock: () => performance.now(),
    },
  );
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

function format(value: number | null): string {
  return value === null ? '  n/a' : value.toFixed(2).padStart(5);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seed = argument('seed', 2);
  const count = argument('count', 110);
  const started = performance.now();
  const evaluation = evaluateSeed(seed, count);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ seed, count, ...evaluation }, null, 2));
  } else {
    console.log(
      `seed ${seed}: ${evaluation.photos} photos, ${evaluation.cleanPhotos} clean, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const kind of evaluation.kinds) {
      console.log(
        `${kind.kind.padEnd(18)} precision ${format(kind.precision)}  recall ${format(kind.recall)}  (tp ${kind.truePositives}, fp ${kind.falsePositives}, fn ${kind.falseNegatives})`,
      );
    }
    console.log(
      `fails on clean photos: ${evaluation.failsOnClean} (verdicts ${JSON.stringify(evaluation.verdictsOnClean)})`,
    );
    console.log(`mean checks time per photo: ${evaluation.meanChecksMs.toFixed(1)} ms`);
    for (const mistake of evaluation.mistakes) {
      console.log(`${mistake.photo}: ${mistake.error}${mistake.kind ? ` ${mistake.kind}` : ''}`);
      for (const reason of mistake.reasons) console.log(`    ${reason}`);
    }
  }
}
