// How well the deterministic checks find the problem kinds on generated photos (issue 6,
// "Data and targets"): precision and recall per kind (label shift, colour deviation, missing
// label, blur, exposure) and the number of "fail" verdicts on clean photos under varied lighting.
// A photo counts as flagged for a kind when a check reports that kind's finding; the verdict is
// the fusion of the checks alone (no model), as `ayni inspect` gives it without Ollama.
import type { CheckResult, Finding } from '../../models/vision/check-result';
import type { RgbaImage } from '../../models/vision/image';
import type { QcSpec } from '../../models/vision/qc-spec';
import {
  runDeterministicChecks,
  type DeterministicCheckSuite,
  type RunChecksOptions,
} from '../../models/vision/run-checks';
import { fuseVerdict } from '../../tools/inspection/fuse-verdict';
import type { InspectionVerdict } from '../../tools/inspection/inspection-records';

export const problemKinds = [
  'label_shift',
  'colour_deviation',
  'missing_label',
  'blur',
  'exposure',
] as const;
export type ProblemKind = (typeof problemKinds)[number];

export interface EvaluationSample {
  photo: RgbaImage;
  reference: RgbaImage;
  spec: QcSpec;
  /** the evaluated problems the generator put in (none for a clean photo or another defect) */
  truth: readonly ProblemKind[];
  /** a clean photo (varied lighting only): its checks-only verdict must not be "fail" */
  clean: boolean;
  /** how the photo is named in the list of mistakes (default: its position) */
  name?: string;
}

/** One wrong call, with the messages of the checks that failed or did not run, to see why. */
export interface EvaluationMistake {
  photo: string;
  /** a kind flagged that the photo does not have, a kind missed, or a clean photo failed */
  error: 'false_positive' | 'false_negative' | 'fail_on_clean';
  kind?: ProblemKind;
  reasons: string[];
}

export interface KindScore {
  kind: ProblemKind;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** null when nothing was flagged */
  precision: number | null;
  /** null when no photo had the problem */
  recall: number | null;
}

export interface GeneratedSetEvaluation {
  photos: number;
  cleanPhotos: number;
  /** clean photos whose checks-only verdict was "fail" (target 0) */
  failsOnClean: number;
  verdictsOnClean: Record<InspectionVerdict, number>;
  kinds: KindScore[];
  /** mean ms of the checks per photo */
  meanChecksMs: number;
  mistakes: EvaluationMistake[];
}

/** The problem kinds a run of the checks reports (a check's findings, or its failure). */
export function flaggedKinds(checks: readonly CheckResult[]): Set<ProblemKind> {
  const flagged = new Set<ProblemKind>();
  const failed = (name: CheckResult['check']) =>
    checks.find((check) => check.check === name)?.status === 'fail';
  const findings: Finding[] = checks.flatMap((check) =>
    check.status === 'fail' ? check.findings : [],
  );
  if (failed('blur')) flagged.add('blur');
  if (failed('exposure')) flagged.add('exposure');
  if (failed('colour')) flagged.add('colour_deviation');
  if (findings.some((finding) => finding.type === 'label_missing')) flagged.add('missing_label');
  if (
    findings.some(
      (finding) => finding.type === 'label_offset' || finding.type === 'label_misaligned',
    )
  ) {
    flagged.add('label_shift');
  }
  return flagged;
}

export function evaluateGeneratedSet(
  samples: Iterable<EvaluationSample>,
  suite: DeterministicCheckSuite,
  options: RunChecksOptions & { now?: Date } = {},
): GeneratedSetEvaluation {
  const now = options.now ?? new Date(0);
  const counts = new Map(
    problemKinds.map((kind) => [kind, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]),
  );
  const verdictsOnClean: Record<InspectionVerdict, number> = {
    pass: 0,
    fail: 0,
    needs_review: 0,
    retake: 0,
  };
  let photos = 0;
  let cleanPhotos = 0;
  let checksMs = 0;
  const mistakes: EvaluationMistake[] = [];
  for (const sample of samples) {
    photos += 1;
    const name = sample.name ?? `photo ${photos - 1}`;
    const run = runDeterministicChecks(
      { photo: sample.photo, reference: sample.reference, spec: sample.spec },
      suite,
      options,
    );
    checksMs += run.checks.reduce((sum, check) => sum + check.ms, 0);
    const flagged = flaggedKinds(run.checks);
    const reasons = () =>
      run.checks
        .filter((check) => check.status === 'fail' || check.status === 'inconclusive')
        .map((check) => `${check.check}: ${check.message}`);
    for (const kind of problemKinds) {
      const count = counts.get(kind)!;
      const isTrue = sample.truth.includes(kind);
      if (flagged.has(kind) && isTrue) count.truePositives += 1;
      else if (flagged.has(kind)) {
        count.falsePositives += 1;
        mistakes.push({ photo: name, error: 'false_positive', kind, reasons: reasons() });
      } else if (isTrue) {
        count.falseNegatives += 1;
        const notRun = run.checks
          .filter((check) => check.status === 'skipped' && !check.message.startsWith('not in'))
          .map((check) => `${check.check} skipped: ${check.message}`);
        mistakes.push({
          photo: name,
          error: 'false_negative',
          kind,
          reasons: [...reasons(), ...notRun],
        });
      }
    }
    if (sample.clean) {
      cleanPhotos += 1;
      const verdict = fuseVerdict({ checks: run.checks, now }).verdict;
      verdictsOnClean[verdict] += 1;
      if (verdict === 'fail')
        mistakes.push({ photo: name, error: 'fail_on_clean', reasons: reasons() });
    }
  }
  const kinds = problemKinds.map((kind): KindScore => {
    const { truePositives, falsePositives, falseNegatives } = counts.get(kind)!;
    const flagged = truePositives + falsePositives;
    const actual = truePositives + falseNegatives;
    return {
      kind,
      truePositives,
      falsePositives,
      falseNegatives,
      precision: flagged === 0 ? null : truePositives / flagged,
      recall: actual === 0 ? null : truePositives / actual,
    };
  });
  return {
    photos,
    cleanPhotos,
    failsOnClean: verdictsOnClean.fail,
    verdictsOnClean,
    kinds,
    meanChecksMs: photos === 0 ? 0 : checksMs / photos,
    mistakes,
  };
}
