import { describe, expect, it } from 'vitest';
import { createCombinationForecaster } from './combination';
import type { ForecastInput, ForecastResult, Forecaster } from './forecaster';

/** A member returning fixed forecasts and intervals of the given half-widths per step. */
function fixedMember(name: string, mean: number[], halfWidths?: number[][]): Forecaster {
  return {
    name,
    minLength: (period) => period + 1,
    forecast(input: ForecastInput): ForecastResult {
      const levels = input.levels ?? [];
      return {
        method: name,
        mean: mean.slice(0, input.horizon),
        intervals: halfWidths
          ? levels.map((level, index) => ({
              level,
              lower: mean.map((value, step) => value - (halfWidths[index]?.[step] as number)),
              upper: mean.map((value, step) => value + (halfWidths[index]?.[step] as number)),
            }))
          : [],
        fitted: input.values.map((value) => value + 1),
        parameters: { model: `${name}-form` },
        notes: [],
      };
    },
  };
}

const INPUT = { values: [1, 2, 3, 4, 5], period: 1, horizon: 3, levels: [80, 95] };

describe('createCombinationForecaster', () => {
  it('averages the members step by step (else the mean combination is not the M4 Comb)', () => {
    const combination = createCombinationForecaster({
      members: [fixedMember('a', [1, 2, 3]), fixedMember('b', [3, 4, 8])],
      combine: 'mean',
    });
    const result = combination.forecast({ ...INPUT, levels: [] });
    expect(result.mean).toEqual([2, 3, 5.5]);
    expect(result.method).toBe('combination');
    expect(result.parameters).toMatchObject({ combine: 'mean', 'member.a': 'a a-form' });
    expect(result.fitted).toEqual([2, 3, 4, 5, 6]);
  });

  it('takes the middle member with median (else one wild member would move the forecast)', () => {
    const combination = createCombinationForecaster({
      members: [
        fixedMember('a', [1, 100, 3]),
        fixedMember('b', [2, 2, 2]),
        fixedMember('c', [50, 3, 1]),
      ],
      combine: 'median',
    });
    expect(combination.forecast({ ...INPUT, levels: [] }).mean).toEqual([2, 3, 2]);
  });

  it('gives intervals around the point that never narrow ahead and are nested by level (else the contract breaks)', () => {
    // Member b's 80% interval narrows at step 3; member a's 95% is narrower than b's 80%.
    const combination = createCombinationForecaster({
      members: [
        fixedMember(
          'a',
          [10, 10, 10],
          [
            [1, 2, 3],
            [1.5, 2.5, 3.5],
          ],
        ),
        fixedMember(
          'b',
          [20, 20, 20],
          [
            [4, 6, 1],
            [5, 7, 8],
          ],
        ),
      ],
      combine: 'mean',
    });
    const result = combination.forecast(INPUT);
    expect(result.mean).toEqual([15, 15, 15]);
    const [eighty, ninetyFive] = result.intervals;
    // 80%: mean half-widths 2.5, 4, 2 -> the last is kept at 4.
    expect(eighty?.lower).toEqual([12.5, 11, 11]);
    expect(eighty?.upper).toEqual([17.5, 19, 19]);
    expect(ninetyFive?.lower).toEqual([11.75, 10.25, 9.25]);
    result.intervals.forEach((interval) =>
      interval.lower.forEach((lower, step) => {
        expect(lower).toBeLessThanOrEqual(result.mean[step] as number);
        expect(interval.upper[step]).toBeGreaterThanOrEqual(result.mean[step] as number);
      }),
    );
  });

  it('returns no intervals and says why when a member has none (else bounds would be made up)', () => {
    const combination = createCombinationForecaster({
      members: [
        fixedMember(
          'a',
          [1, 2, 3],
          [
            [1, 1, 1],
            [2, 2, 2],
          ],
        ),
        fixedMember('b', [1, 2, 3]),
      ],
    });
    const result = combination.forecast(INPUT);
    expect(result.intervals).toEqual([]);
    expect(result.notes.join(' ')).toMatch(/a member gave none/);
  });

  it('needs the longest minimum of its members (else a member would fall back unnoticed)', () => {
    const combination = createCombinationForecaster({
      members: [fixedMember('a', [1]), { ...fixedMember('b', [1]), minLength: () => 9 }],
    });
    expect(combination.minLength(4)).toBe(9);
  });

  it('rejects no members and an unknown rule, naming the option', () => {
    expect(() => createCombinationForecaster({ members: [] })).toThrow(/members/);
    expect(() =>
      createCombinationForecaster({
        members: [fixedMember('a', [1])],
        combine: 'mode' as unknown as 'mean',
      }),
    ).toThrow(/combine/);
  });
});
