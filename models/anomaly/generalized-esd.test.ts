import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import { esdCriticalValue, hybridEsd } from './generalized-esd';

describe('esdCriticalValue', () => {
  it("matches NIST's generalized ESD table for n = 54, alpha = 0.05 (Rosner 1983): otherwise the t quantile or Rosner's formula is wrong", () => {
    const nist = [3.159, 3.151, 3.144, 3.136, 3.128, 3.12, 3.112, 3.103, 3.094, 3.085];
    nist.forEach((lambda, index) => {
      expect(esdCriticalValue(54, index + 1, 0.05)).toBeCloseTo(lambda, 3);
    });
  });

  it('names the argument when i leaves no degrees of freedom: otherwise a caller gets NaN thresholds', () => {
    expect(() => esdCriticalValue(5, 4, 0.05)).toThrow(/i: 4/);
    expect(() => esdCriticalValue(50, 1, 0)).toThrow(/alpha/);
  });
});

describe('hybridEsd', () => {
  it('removes the most extreme values first and counts only those beyond the critical values: otherwise the median/MAD ESD is wrong', () => {
    const random = createRandom(3);
    const values = Array.from({ length: 200 }, () => random.normal());
    values[17] = 9;
    values[150] = -7;
    const result = hybridEsd(values, 0.01, 4);
    expect(result.removed.slice(0, 2)).toEqual([17, 150]);
    expect(result.count).toBe(2);
    expect(result.statistics[0]).toBeGreaterThan(result.criticalValues[0]!);
  });

  it('keeps testing when more than half the values tie (MAD 0) by the mean absolute deviation: otherwise sparse series could never flag anything', () => {
    const values: number[] = Array.from({ length: 100 }, (_, index) => (index % 5 === 0 ? 1 : 0));
    values[42] = 40;
    const result = hybridEsd(values, 0.001, 2);
    expect(result.removed[0]).toBe(42);
    expect(result.count).toBeGreaterThanOrEqual(1);
  });

  it('rejects a cap that leaves no degrees of freedom: otherwise the t quantile would be asked for df 0', () => {
    expect(() => hybridEsd([1, 2, 3, 4], 0.05, 3)).toThrow(/maxAnomalies/);
  });
});
