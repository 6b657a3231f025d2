import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../stats/random';
import {
  classifierKinds,
  crossValidateDefectModel,
  fitDefectModel,
  predictDefectModel,
} from './defect-model';

/** Severity 0..3 with feature 0 rising with severity, plus three noise features. */
function severitySet(perClass: number, random: Random, informative = true) {
  const rows: Float64Array[] = [];
  const severities: number[] = [];
  for (let severity = 0; severity < 4; severity += 1)
    for (let index = 0; index < perClass; index += 1) {
      rows.push(
        Float64Array.of(
          (informative ? severity * 3 : 0) + random.normal(0, 1),
          random.normal(0, 1),
          random.normal(5, 2),
          random.normal(-3, 0.5),
        ),
      );
      severities.push(severity);
    }
  return { rows, severities };
}

describe('defect model', () => {
  for (const kind of classifierKinds) {
    it(`${kind}: cross-validated figures on an informative feature are high and add up (else the folds or metrics are wired wrong)`, () => {
      const { rows, severities } = severitySet(20, createRandom(1));
      const cv = crossValidateDefectModel(kind, rows, severities, 5, { random: createRandom(2) });
      expect(cv.predictions).toHaveLength(80);
      expect(cv.defectVsGood.confusion.flat().reduce((a, b) => a + b, 0)).toBe(80);
      expect(cv.severity.confusion.flat().reduce((a, b) => a + b, 0)).toBe(80);
      expect(cv.defectVsGood.majorityBaseline).toBe(0.75);
      expect(cv.defectVsGood.accuracy).toBeGreaterThan(0.9);
      expect(cv.defectVsGood.rocAuc).toBeGreaterThan(0.95);
      expect(cv.severity.accuracy).toBeGreaterThan(0.75);
    });

    it(`${kind}: on labels unrelated to the features the out-of-fold AUC stays near chance (else test rows leak into training)`, () => {
      const { rows, severities } = severitySet(25, createRandom(3), false);
      const cv = crossValidateDefectModel(kind, rows, severities, 5, { random: createRandom(4) });
      expect(cv.defectVsGood.rocAuc).toBeGreaterThan(0.3);
      expect(cv.defectVsGood.rocAuc).toBeLessThan(0.7);
    });
  }

  it('predicts a defect probability and four severity probabilities that sum to one', () => {
    const { rows, severities } = severitySet(10, createRandom(5));
    const model = fitDefectModel('logistic', rows, severities, { random: createRandom(6) });
    const good = predictDefectModel(model, Float64Array.of(0, 0, 5, -3));
    const bad = predictDefectModel(model, Float64Array.of(9, 0, 5, -3));
    expect(good.probabilityDefect).toBeLessThan(0.5);
    expect(bad.probabilityDefect).toBeGreaterThan(0.5);
    expect(bad.severity).toBe('critical_defect');
    expect(Object.values(bad.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('refuses training data with no good examples, naming severities', () => {
    expect(() =>
      fitDefectModel('logistic', [Float64Array.of(1), Float64Array.of(2)], [1, 2], {
        random: createRandom(1),
      }),
    ).toThrow(/severities/);
  });
});
