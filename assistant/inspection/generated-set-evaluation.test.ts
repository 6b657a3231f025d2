import { describe, expect, it } from 'vitest';
import type { CheckName, CheckResult, FindingType } from '../../models/vision/check-result';
import type { RgbaImage } from '../../models/vision/image';
import { defaultQcSpec } from '../../models/vision/qc-defaults';
import type { DeterministicCheckSuite } from '../../models/vision/run-checks';
import {
  evaluateGeneratedSet,
  type EvaluationSample,
  type ProblemKind,
} from './generated-set-evaluation';

function result(check: CheckName, fail: boolean, type: FindingType = 'blur'): CheckResult {
  return {
    check,
    status: fail ? 'fail' : 'pass',
    score: 0,
    threshold: 0,
    message: check,
    findings: fail ? [{ check, type, severity: 'major', score: 0, message: check }] : [],
    ms: 0,
  };
}

/** The photo's first pixel says what the double checks find: red = blur, green = label shift. */
const suite: DeterministicCheckSuite = {
  blur: (photo) => result('blur', photo.data[0] === 255),
  exposure: () => result('exposure', false),
  glare: () => result('glare', false),
  align: (_, reference) => ({
    check: result('alignment', false),
    aligned: reference,
    transform: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  }),
  colour: () => result('colour', false),
  structure: () => ({ check: result('structure', false) }),
  label: (aligned) => result('label', aligned.data[1] === 255, 'label_offset'),
  barcode: () => result('barcode', false),
};

function sample(red: number, green: number, truth: ProblemKind[]): EvaluationSample {
  const photo: RgbaImage = { width: 2, height: 2, data: new Uint8ClampedArray(16).fill(0) };
  photo.data[0] = red;
  photo.data[1] = green;
  return { photo, reference: photo, spec: defaultQcSpec('X'), truth, clean: truth.length === 0 };
}

describe('evaluateGeneratedSet', () => {
  it('counts precision and recall per kind and fails on clean photos (else the reported targets are wrong)', () => {
    const evaluation = evaluateGeneratedSet(
      [
        sample(255, 0, ['blur']), // true positive blur
        sample(0, 0, ['blur']), // missed blur
        sample(255, 0, []), // clean photo flagged blurred: a retake, not a fail
        sample(0, 255, ['label_shift']), // true positive label shift
        sample(0, 255, []), // clean photo failed on the label
        sample(0, 0, []),
      ],
      suite,
    );
    const byKind = Object.fromEntries(evaluation.kinds.map((kind) => [kind.kind, kind]));
    expect(byKind.blur).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(byKind.label_shift).toMatchObject({ precision: 0.5, recall: 1 });
    expect(byKind.exposure).toMatchObject({ precision: null, recall: null });
    expect(evaluation.cleanPhotos).toBe(3);
    expect(evaluation.failsOnClean).toBe(1);
    expect(evaluation.verdictsOnClean).toEqual({ pass: 1, fail: 1, needs_review: 0, retake: 1 });
  });
});
