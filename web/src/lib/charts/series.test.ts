import { describe, expect, it } from 'vitest';
import {
  dayToSeconds,
  forecastColumns,
  forUplot,
  groupedColumns,
  markerPositions,
  secondsToDay,
  spanPositions,
  valueRange,
} from './series';

const interval = (lower: number, upper: number, level: number) => ({ level, lower, upper });

describe('forecastColumns', () => {
  const history = [
    { start: '2026-01-01', units: 10 },
    { start: '2026-01-02', units: 12 },
  ];
  const forecast = [
    { start: '2026-01-03', mean: 11, intervals: [interval(8, 14, 80), interval(6, 16, 95)] },
    { start: '2026-01-04', mean: 13, intervals: [interval(9, 17, 80), interval(7, 19, 95)] },
  ];
  const columns = forecastColumns(history, forecast);

  it('puts history then forecast on one UTC-day x (else the two would be misaligned)', () => {
    expect(Array.from(columns.x, secondsToDay)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
    ]);
    expect(columns.forecastStart).toBe(2);
  });

  it('leaves history empty in the horizon and the forecast empty before it, except the join (else lines would be drawn at zero)', () => {
    expect(Array.from(columns.history)).toEqual([10, 12, Number.NaN, Number.NaN]);
    expect(Array.from(columns.mean)).toEqual([Number.NaN, 12, 11, 13]);
  });

  it('routes the 80 and 95 intervals to their own bands (else the bands would be swapped or lost)', () => {
    expect(Array.from(columns.lower80.slice(2))).toEqual([8, 9]);
    expect(Array.from(columns.upper95.slice(2))).toEqual([16, 19]);
    expect(columns.upper80[1]).toBe(12);
  });

  it('returns typed arrays (else a long daily series would allocate an object per point)', () => {
    expect(columns.x).toBeInstanceOf(Float64Array);
    expect(columns.upper95).toBeInstanceOf(Float64Array);
  });

  it('shapes 3 years of daily history and 90 days of forecast quickly (else the chart target of 100 ms is out of reach)', () => {
    const days = 3 * 365;
    const start = dayToSeconds('2023-01-01');
    const longHistory = Array.from({ length: days }, (_, index) => ({
      start: secondsToDay(start + index * 86_400),
      units: 50 + (index % 7),
    }));
    const longForecast = Array.from({ length: 90 }, (_, index) => ({
      start: secondsToDay(start + (days + index) * 86_400),
      mean: 55,
      intervals: [interval(40, 70, 80), interval(30, 80, 95)],
    }));
    const began = performance.now();
    const shaped = forecastColumns(longHistory, longForecast);
    const ms = performance.now() - began;
    expect(shaped.x.length).toBe(days + 90);
    expect(ms).toBeLessThan(50);
  });
});

describe('markers and spans', () => {
  const x = Float64Array.from(['2026-12-01', '2026-12-02', '2026-12-10'], dayToSeconds);

  it('keeps only the holidays inside the chart, once each (else markers would fall off the plot)', () => {
    const markers = markerPositions(x, ['2026-11-30', '2026-12-08', '2026-12-08', '2026-12-25']);
    expect(Array.from(markers, secondsToDay)).toEqual(['2026-12-08']);
  });

  it('keeps a holiday inside the last weekly or monthly period (else Christmas would vanish from a December forecast)', () => {
    const months = Float64Array.from(['2026-11-01', '2026-12-01'], dayToSeconds);
    const markers = markerPositions(months, ['2026-12-25', '2027-01-01'], '2026-12-31');
    expect(Array.from(markers, secondsToDay)).toEqual(['2026-12-25']);
  });

  it('turns day ranges into [start, end of last day] seconds (else a one-day anomaly would have no width)', () => {
    const spans = spanPositions([{ start: '2026-12-02', end: '2026-12-02' }]);
    expect((spans[1] as number) - (spans[0] as number)).toBe(86_400);
  });
});

describe('groupedColumns', () => {
  const rows = [
    { period: '2026-02-01', units: 5, location: 'A' },
    { period: '2026-01-01', units: 3, location: 'A' },
    { period: '2026-01-01', units: 9, location: 'B' },
  ];

  it('aligns each group on the sorted union of periods, NaN where a group has no row (else a missing month would read as zero sales)', () => {
    const grouped = groupedColumns(rows, (row) => row.location);
    expect(Array.from(grouped.x, secondsToDay)).toEqual(['2026-01-01', '2026-02-01']);
    expect(grouped.groups.map((group) => group.label)).toEqual(['B', 'A']);
    expect(Array.from(grouped.groups[0]?.values ?? [])).toEqual([9, Number.NaN]);
    expect(Array.from(grouped.groups[1]?.values ?? [])).toEqual([3, 5]);
  });

  it('sums rows of one period into a single column when there is no grouping (else split rows would overwrite each other)', () => {
    const grouped = groupedColumns(rows);
    expect(Array.from(grouped.groups[0]?.values ?? [])).toEqual([12, 5]);
  });

  it('keeps only the largest groups (else the chart would get dozens of unreadable lines)', () => {
    const many = Array.from({ length: 12 }, (_, index) => ({
      period: '2026-01-01',
      units: index,
      sku: `S${index}`,
    }));
    const grouped = groupedColumns(many, (row) => row.sku, 3);
    expect(grouped.groups.map((group) => group.label)).toEqual(['S11', 'S10', 'S9']);
  });
});

describe('valueRange and forUplot', () => {
  it('ignores NaN in the range (else the y axis would be NaN and nothing drawn)', () => {
    expect(valueRange([Float64Array.of(Number.NaN, 3, 1), Float64Array.of(7, Number.NaN)])).toEqual(
      [1, 7],
    );
    expect(valueRange([Float64Array.of(Number.NaN)])).toBeUndefined();
  });

  it('turns NaN into null gaps and passes full columns untouched (else uPlot would miscompute or copy needlessly)', () => {
    const full = Float64Array.of(1, 2);
    expect(forUplot(full)).toBe(full);
    expect(forUplot(Float64Array.of(1, Number.NaN))).toEqual([1, null]);
  });
});
