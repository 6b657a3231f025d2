import { describe, expect, it } from 'vitest';
import { createRandom } from '../../stats/random';
import { stratifiedFolds } from './cross-validation';

describe('stratifiedFolds', () => {
  const labels = [...new Array<number>(150).fill(1), ...new Array<number>(50).fill(0)];

  it('keeps the 3:1 class ratio in every fold of 150 defects and 50 good (else CV is not stratified)', () => {
    const folds = stratifiedFolds(labels, 5, createRandom(7));
    for (let fold = 0; fold < 5; fold += 1) {
      const members = labels.filter((_, index) => folds[index] === fold);
      expect(members.length).toBe(40);
      expect(members.filter((label) => label === 1).length).toBe(30);
    }
  });

  it('keeps fold sizes within one of each other when classes do not divide evenly', () => {
    const odd = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
    const folds = stratifiedFolds(odd, 3, createRandom(1));
    const sizes = [0, 1, 2].map((fold) => folds.filter((value) => value === fold).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const label of [0, 1, 2]) {
      const perFold = [0, 1, 2].map(
        (fold) => odd.filter((value, index) => value === label && folds[index] === fold).length,
      );
      expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
    }
  });

  it('is reproducible for a seed and differs between seeds (else the seed is ignored)', () => {
    expect(stratifiedFolds(labels, 5, createRandom(3))).toEqual(
      stratifiedFolds(labels, 5, createRandom(3)),
    );
    expect(stratifiedFolds(labels, 5, createRandom(3))).not.toEqual(
      stratifiedFolds(labels, 5, createRandom(4)),
    );
  });

  it('names folds when there are fewer samples than folds', () => {
    expect(() => stratifiedFolds([0, 1], 5, createRandom(1))).toThrow(/folds: 5 folds need/);
  });
});
