import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitLogisticRegression, logisticProbabilities } from './logistic-regression';

interface Reference {
  X: number[][];
  binary: number[];
  multi: number[];
  fits: {
    l2: number;
    binary: { coef: number[][]; intercept: number[] };
    multi: { coef: number[][]; intercept: number[]; proba_first_row: number[] };
  }[];
}

// scikit-learn 1.2.1 fits made by fixtures/make-logistic-reference.py
const reference = JSON.parse(
  readFileSync(new URL('./fixtures/logistic-reference.json', import.meta.url), 'utf8'),
) as Reference;
const rows = reference.X.map((row) => Float64Array.from(row));

describe('fitLogisticRegression', () => {
  for (const fit of reference.fits) {
    it(`binary coefficients at l2 = ${fit.l2} equal scikit-learn's (else the Newton fit or the penalty is wrong)`, () => {
      const model = fitLogisticRegression(rows, reference.binary, 2, { l2: fit.l2 });
      model.weights[0]!.forEach((weight, j) =>
        expect(weight).toBeCloseTo(fit.binary.coef[0]![j]!, 5),
      );
      expect(model.intercepts[0]).toBeCloseTo(fit.binary.intercept[0]!, 5);
    });

    it(`multinomial coefficients and probabilities at l2 = ${fit.l2} equal scikit-learn's (else the softmax Hessian is wrong)`, () => {
      const model = fitLogisticRegression(rows, reference.multi, 3, { l2: fit.l2 });
      model.weights.forEach((weights, k) =>
        weights.forEach((weight, j) => expect(weight).toBeCloseTo(fit.multi.coef[k]![j]!, 5)),
      );
      model.intercepts.forEach((intercept, k) =>
        expect(intercept).toBeCloseTo(fit.multi.intercept[k]!, 5),
      );
      const probabilities = logisticProbabilities(model, rows[0]!);
      probabilities.forEach((p, k) => expect(p).toBeCloseTo(fit.multi.proba_first_row[k]!, 6));
    });
  }

  it('stays finite on separable data (else the penalty does not bound the weights)', () => {
    const separable = [-2, -1, 1, 2].map((value) => Float64Array.of(value));
    const model = fitLogisticRegression(separable, [0, 0, 1, 1], 2, { l2: 0.01 });
    expect(Number.isFinite(model.weights[0]![0]!)).toBe(true);
    expect(logisticProbabilities(model, Float64Array.of(2))[1]).toBeGreaterThan(0.9);
  });

  it('names a label outside the classes (else bad training data passes silently)', () => {
    expect(() => fitLogisticRegression(rows.slice(0, 2), [0, 3], 2)).toThrow(/labels\[1\]/);
  });
});
