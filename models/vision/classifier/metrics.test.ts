import { describe, expect, it } from 'vitest';
import { confusionMatrix, rocAuc, summariseConfusion } from './metrics';

describe('rocAuc', () => {
  it("equals 0.75 on scikit-learn's documented example (else the Mann-Whitney ranking is wrong)", () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBeCloseTo(0.75, 12);
  });

  it('counts a tie between a positive and a negative as one half (else ties bias the AUC)', () => {
    // pairs: (0.5 vs 0.5) = 1/2, (0.5 vs 0.2) = 1, (0.9 vs 0.5) = 1, (0.9 vs 0.2) = 1 -> 3.5 / 4
    expect(rocAuc([0.5, 0.9, 0.5, 0.2], [true, true, false, false])).toBeCloseTo(0.875, 12);
  });

  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(rocAuc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
  });

  it('refuses a set with one class only (else it would divide by zero)', () => {
    expect(() => rocAuc([1, 2], [true, true])).toThrow(/positive and one negative/);
  });
});

describe('summariseConfusion', () => {
  it('gives the hand-computed accuracy, balanced accuracy and macro-F1', () => {
    const confusion = confusionMatrix([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], 3);
    expect(confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    const summary = summariseConfusion(confusion);
    expect(summary.accuracy).toBeCloseTo(4 / 6, 12);
    expect(summary.balancedAccuracy).toBeCloseTo((2 / 3 + 1 / 2 + 1) / 3, 12);
    // F1: class 0 = 2*2/(3+2), class 1 = 2*1/(2+2), class 2 = 2*1/(1+2)
    expect(summary.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
  });
});
