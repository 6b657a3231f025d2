import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPortUrl } from '../../../test/support/fake-ollama';
import { writeGeneratedSet } from './bench-inspect-set';
import { defectScores, formatBenchInspect, runBenchInspect } from './bench-inspect';

let folder: string;
const previousHost = process.env.OLLAMA_HOST;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'ayni-bench-inspect-'));
  process.env.OLLAMA_HOST = await closedPortUrl();
  // the first cycle of kinds: clean, label_shift, label_rotation, label_missing, dent, tear
  await writeGeneratedSet({ out: folder, count: 6, seed: 3 });
});
afterAll(() => {
  if (previousHost === undefined) delete process.env.OLLAMA_HOST;
  else process.env.OLLAMA_HOST = previousHost;
  rmSync(folder, { recursive: true, force: true });
});

describe('defectScores', () => {
  it('counts accuracy, precision and recall of "defect" as a hand count (else every stage is misreported)', () => {
    const truth = [true, true, true, false, false];
    const predicted = [true, false, true, true, false];
    expect(defectScores(truth, predicted)).toEqual({
      photos: 5,
      accuracy: 3 / 5,
      precision: 2 / 3,
      recall: 2 / 3,
      confusion: { truePositives: 2, falsePositives: 1, trueNegatives: 1, falseNegatives: 1 },
    });
    expect(defectScores([false], [false]).precision).toBeNull();
    expect(defectScores([false], [false]).recall).toBeNull();
    expect(() => defectScores([true], [])).toThrow(/predicted/);
  });
});

describe('ayni bench inspect', () => {
  it('scores each stage on a tiny generated set, says why the classifier and the vision model were skipped (else the figures are not what was run)', async () => {
    const report = await runBenchInspect({ input: folder, folds: 5, seed: 1 });
    expect(report.photos).toBe(6);
    expect(report.defects).toBe(5);
    const [checks, classifier, vision] = report.stages;
    expect(checks).toMatchObject({ stage: 'deterministic_checks', status: 'ran', photos: 6 });
    if (checks?.status !== 'ran') throw new Error('the checks did not run');
    expect(checks.photosWithReference).toBe(6);
    const { truePositives, falsePositives, trueNegatives, falseNegatives } = checks.confusion;
    expect(truePositives + falsePositives + trueNegatives + falseNegatives).toBe(6);
    expect(truePositives + falseNegatives).toBe(5);
    // the label shift, rotation and missing label are found against each photo's reference
    expect(truePositives).toBeGreaterThanOrEqual(3);
    expect(checks.msPerImage).toBeGreaterThan(0);
    // one good photo cannot be split into 5 stratified folds
    expect(classifier).toMatchObject({ stage: 'classifier_cross_validated', status: 'skipped' });
    expect(vision).toMatchObject({ stage: 'vision_model', status: 'skipped' });
    if (vision?.status !== 'skipped') throw new Error('the vision model ran');
    expect(vision.reason).toContain(
      `skipped: no vision model reachable at ${process.env.OLLAMA_HOST}`,
    );
    expect(formatBenchInspect(report)).toMatch(/deterministic_checks: accuracy .* ms per image/);
  });
});
