import { describe, expect, it } from 'vitest';
import {
  addWindowCounts,
  alertsFromFlags,
  countWindowHits,
  probationaryLength,
  windowScores,
} from './window-metrics';

describe('probationaryLength', () => {
  it('is floor(15 %) of the points: otherwise early alerts would be scored or late ones ignored', () => {
    expect(probationaryLength(100)).toBe(15);
    expect(probationaryLength(1001)).toBe(150);
    expect(probationaryLength(0)).toBe(0);
  });

  it('is capped at 750 points: otherwise long files would lose more than NAB ignores', () => {
    expect(probationaryLength(5000)).toBe(750);
    expect(probationaryLength(22_695)).toBe(750);
  });
});

describe('alertsFromFlags', () => {
  it('makes one alert per run at its first point: otherwise a long run would count as many alerts', () => {
    const flags = [false, true, true, true, false, true, false, false, true];
    expect(alertsFromFlags(flags)).toEqual([1, 5, 8]);
    expect(alertsFromFlags([true, true])).toEqual([0]);
    expect(alertsFromFlags([])).toEqual([]);
  });
});

describe('countWindowHits', () => {
  const windows = [
    { start: 40, end: 49 },
    { start: 70, end: 79 },
  ];

  it('counts a window once however many alerts fall in it: otherwise recall could exceed 1', () => {
    const counts = countWindowHits([41, 45, 49], windows, 100);
    expect(counts).toEqual({
      truePositives: 1,
      falsePositives: 0,
      falseNegatives: 1,
      alerts: 3,
      windows: 2,
    });
  });

  it('counts alerts outside every window as false positives, window edges as inside', () => {
    const counts = countWindowHits([39, 40, 50, 79, 80, 99], windows, 100);
    expect(counts.truePositives).toBe(2);
    expect(counts.falsePositives).toBe(4);
    expect(counts.falseNegatives).toBe(0);
  });

  it('ignores alerts in the probationary period: otherwise a warming-up detector is penalised', () => {
    // 15 % of 100 = 15 points of probation: alerts at 0..14 are not scored
    const counts = countWindowHits([0, 14, 15], windows, 100);
    expect(counts.alerts).toBe(1);
    expect(counts.falsePositives).toBe(1);
  });

  it('rejects alerts and windows outside the series, naming them', () => {
    expect(() => countWindowHits([100], windows, 100)).toThrow(/alerts: 100/);
    expect(() => countWindowHits([], [{ start: 90, end: 100 }], 100)).toThrow(/windows\[0\]/);
    expect(() =>
      countWindowHits(
        [],
        [
          { start: 50, end: 60 },
          { start: 55, end: 70 },
        ],
        100,
      ),
    ).toThrow(/overlaps/);
  });
});

describe('windowScores', () => {
  it('computes precision = TP/(TP+FP), recall = TP/windows and their harmonic mean', () => {
    const total = addWindowCounts([
      { truePositives: 1, falsePositives: 1, falseNegatives: 1, alerts: 3, windows: 2 },
      { truePositives: 2, falsePositives: 2, falseNegatives: 0, alerts: 4, windows: 2 },
    ]);
    expect(total).toEqual({
      truePositives: 3,
      falsePositives: 3,
      falseNegatives: 1,
      alerts: 7,
      windows: 4,
    });
    const scores = windowScores(total);
    expect(scores.precision).toBeCloseTo(0.5, 12);
    expect(scores.recall).toBeCloseTo(0.75, 12);
    expect(scores.f1).toBeCloseTo((2 * 0.5 * 0.75) / 1.25, 12);
  });

  it('says undefined (null) rather than 0 or NaN when nothing was alerted or nothing labelled', () => {
    const none = windowScores({
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 2,
      alerts: 0,
      windows: 2,
    });
    expect(none).toEqual({ precision: null, recall: 0, f1: null });
    const noWindows = windowScores({
      truePositives: 0,
      falsePositives: 3,
      falseNegatives: 0,
      alerts: 3,
      windows: 0,
    });
    expect(noWindows).toEqual({ precision: 0, recall: null, f1: null });
    const allWrong = windowScores({
      truePositives: 0,
      falsePositives: 3,
      falseNegatives: 2,
      alerts: 3,
      windows: 2,
    });
    expect(allWrong.f1).toBe(0);
  });
});
