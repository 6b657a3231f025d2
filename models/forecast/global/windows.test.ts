import { describe, expect, it } from 'vitest';
import { buildWindows, windowScale } from './windows';

describe('training windows', () => {
  it('divides input and target by the input mean absolute value (else levels do not share a model)', () => {
    const windows = buildWindows([[2, 4, 6, 8]], { inputLength: 2, horizon: 1 });
    // origins newest first: input [4, 6] -> 8, then [2, 4] -> 6
    expect(windows.count).toBe(2);
    expect(Array.from(windows.inputs)).toEqual([0.8, 1.2, 2 / 3, 4 / 3].map(Math.fround));
    expect(Array.from(windows.targets)).toEqual([1.6, 2].map(Math.fround));
  });

  it('keeps only the most recent windowsPerSeries origins (else old history dominates)', () => {
    const series = [Array.from({ length: 20 }, (_, index) => index + 1)];
    const windows = buildWindows(series, { inputLength: 3, horizon: 2, windowsPerSeries: 2 });
    expect(windows.count).toBe(2);
    // newest target is [19, 20] over input [16, 17, 18] (scale 17)
    expect(windows.targets[0]).toBeCloseTo(19 / 17, 6);
  });

  it('leaves out windows touching a missing value or with an all-zero input (else NaN or Infinity reach training)', () => {
    const windows = buildWindows(
      [
        [1, 2, Number.NaN, 4, 5, 6],
        [0, 0, 0, 3],
      ],
      { inputLength: 2, horizon: 1 },
    );
    expect(windows.count).toBe(1);
    expect(Array.from(windows.inputs)).toEqual([Math.fround(4 / 4.5), Math.fround(5 / 4.5)]);
    expect(Number.isNaN(windowScale([1, Number.NaN], 0, 2))).toBe(true);
  });

  it('names the argument when no window can be built (else the caller cannot tell what to fix)', () => {
    expect(() => buildWindows([[1, 2]], { inputLength: 2, horizon: 1 })).toThrow(
      /^series: no series has 3 consecutive/,
    );
    expect(() => buildWindows([[1, 2, 3]], { inputLength: 1, horizon: 1.5 })).toThrow(
      /^horizon: must be a whole number/,
    );
  });
});
