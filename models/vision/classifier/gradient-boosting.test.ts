import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../stats/random';
import { boostingProbabilities, fitGradientBoosting } from './gradient-boosting';
import { fitLogisticRegression, logisticProbabilities } from './logistic-regression';

/** Points in [-1, 1]^2 labelled by quadrant parity (XOR): no line separates them. */
function xorSet(count: number, random: Random): { rows: Float64Array[]; labels: number[] } {
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const x = random.uniform(-1, 1);
    const y = random.uniform(-1, 1);
    rows.push(Float64Array.of(x, y));
    labels.push(x * y > 0 ? 1 : 0);
  }
  return { rows, labels };
}

/** Three classes by angle sector around the origin. */
function sectorSet(count: number, random: Random): { rows: Float64Array[]; labels: number[] } {
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const x = random.uniform(-1, 1);
    const y = random.uniform(-1, 1);
    rows.push(Float64Array.of(x, y));
    labels.push(Math.floor(((Math.atan2(y, x) + Math.PI) / (2 * Math.PI)) * 3) % 3);
  }
  return { rows, labels };
}

const accuracy = (predicted: number[], actual: number[]) =>
  predicted.filter((value, index) => value === actual[index]).length / actual.length;
const argmax = (values: Float64Array) => values.indexOf(Math.max(...values));

describe('fitGradientBoosting', () => {
  it('separates XOR on fresh points where logistic regression cannot (else the trees do not split)', () => {
    const train = xorSet(300, createRandom(1));
    const test = xorSet(300, createRandom(2));
    const boosting = fitGradientBoosting(train.rows, train.labels, 2, {
      random: createRandom(3),
      maxDepth: 2,
      rounds: 150,
      learningRate: 0.1,
    });
    const linear = fitLogisticRegression(train.rows, train.labels, 2);
    const boosted = test.rows.map((row) => argmax(boostingProbabilities(boosting, row)));
    const lined = test.rows.map((row) => argmax(logisticProbabilities(linear, row)));
    expect(accuracy(boosted, test.labels)).toBeGreaterThan(0.9);
    expect(accuracy(lined, test.labels)).toBeLessThan(0.7);
  });

  it('learns three angular classes with K trees a round (else the multiclass residuals are wrong)', () => {
    const train = sectorSet(300, createRandom(5));
    const test = sectorSet(300, createRandom(6));
    const model = fitGradientBoosting(train.rows, train.labels, 3, {
      random: createRandom(7),
      rounds: 150,
      learningRate: 0.1,
    });
    expect(model.trees[0]).toHaveLength(3);
    const predicted = test.rows.map((row) => argmax(boostingProbabilities(model, row)));
    expect(accuracy(predicted, test.labels)).toBeGreaterThan(0.85);
    const sum = boostingProbabilities(model, test.rows[0]!).reduce((total, p) => total + p, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('starts from the log-odds of the class frequencies (Friedman 2001, algorithm 5, F0)', () => {
    const rows = [0, 1, 2, 3].map((value) => Float64Array.of(value));
    const model = fitGradientBoosting(rows, [0, 1, 1, 1], 2, {
      random: createRandom(1),
      rounds: 0,
    });
    // one pseudo-count per class: (3 + 1) / (1 + 1)
    expect(model.initial[0]).toBeCloseTo(Math.log(2), 12);
  });

  it('gives identical models for one seed and different subsamples for another (else the RNG is not used or not seeded)', () => {
    const train = xorSet(100, createRandom(1));
    const fit = (seed: number) =>
      fitGradientBoosting(train.rows, train.labels, 2, { random: createRandom(seed), rounds: 20 });
    expect(fit(9)).toEqual(fit(9));
    expect(fit(9)).not.toEqual(fit(10));
  });
});
