import { describe, expect, it } from 'vitest';
import { reference } from './fixtures/reference';
import { stl } from './stl';

const seasonalSeries = reference.filter((series) => series.stl !== undefined);

describe('stl', () => {
  it.each(seasonalSeries.map((series) => [series.name, series] as const))(
    'reproduces R stl(s.window = 11) seasonal and trend on %s',
    (_name, series) => {
      const decomposition = stl(series.values, series.period, { seasonalWindow: 11 });
      const scale = Math.max(...series.values.map(Math.abs));
      series.stl!.seasonal.forEach((value, index) => {
        expect(Math.abs(decomposition.seasonal[index]! - value)).toBeLessThan(1e-9 * scale);
      });
      series.stl!.trend.forEach((value, index) => {
        expect(Math.abs(decomposition.trend[index]! - value)).toBeLessThan(1e-9 * scale);
      });
    },
  );

  it('splits a pure periodic pattern into a seasonal part with no remainder', () => {
    const pattern = [3, -1, -4, 2];
    const values = Array.from({ length: 40 }, (_, index) => 10 + pattern[index % 4]!);
    const decomposition = stl(values, 4, { seasonalWindow: 11 });
    decomposition.seasonal.forEach((value, index) =>
      expect(value).toBeCloseTo(pattern[index % 4]!, 8),
    );
    decomposition.remainder.forEach((value) => expect(Math.abs(value)).toBeLessThan(1e-8));
  });

  it('robust iterations keep a single outlier out of the seasonal component', () => {
    const truth = (index: number): number => Math.sin((2 * Math.PI * index) / 12) * 5;
    const values = Array.from({ length: 120 }, (_, index) => truth(index) + index * 0.1);
    values[30]! += 100;
    const plain = stl(values, 12, { seasonalWindow: 11 });
    const robust = stl(values, 12, { seasonalWindow: 11, robust: true });
    expect(Math.abs(plain.seasonal[42]! - truth(42))).toBeGreaterThan(1);
    expect(Math.abs(robust.seasonal[42]! - truth(42))).toBeLessThan(1e-3);
    expect(robust.remainder[30]).toBeCloseTo(100, 3);
  });

  it('rejects series with two periods or fewer and missing values', () => {
    expect(() => stl([1, 2, 3, 4, 5, 6, 7, 8], 4, { seasonalWindow: 11 })).toThrow(RangeError);
    expect(() => stl([1, 2, 3, 4, 5, 6, 7, 8, Number.NaN], 4, { seasonalWindow: 11 })).toThrow(
      RangeError,
    );
  });
});
