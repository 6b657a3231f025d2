import { describe, expect, it } from 'vitest';
import { createRandom } from '../stats/random';
import type { DetectorInput } from './detector';
import {
  createSeasonalHybridEsd,
  medianWindow,
  SHESD_SETTINGS,
  seasonalHybridEsd,
} from './seasonal-hybrid-esd';

/** Daily series: level 100, weekly pattern of amplitude 15, yearly wave, normal noise sd 5. */
function dailySeries(seed: number, n = 730): number[] {
  const random = createRandom(seed);
  return Array.from(
    { length: n },
    (_, t) =>
      100 +
      15 * Math.sin((2 * Math.PI * t) / 7) +
      8 * Math.sin((2 * Math.PI * t) / 365) +
      5 * random.normal(),
  );
}

function bump(values: number[], step: number, amount: number): void {
  values[step] = values[step]! + amount;
}

const run = (input: Partial<DetectorInput> & { values: readonly number[] }) =>
  seasonalHybridEsd.detect({ periods: [7], sensitivity: 'medium', ...input });

describe('medianWindow', () => {
  it('is two weeks of data and at least eight cycles: otherwise the piecewise median is too short at a daily step or not the paper’s at hourly', () => {
    expect(medianWindow([7])).toBe(56);
    expect(medianWindow([7, 365])).toBe(56);
    expect(medianWindow([24, 168])).toBe(336);
    expect(medianWindow([288, 2016])).toBe(4032);
    expect(medianWindow([])).toBeUndefined();
  });
});

describe('seasonalHybridEsd', () => {
  it('finds injected spikes and drops at their steps with the right kind and expected value: otherwise it misses the anomalies planners need', () => {
    const values = dailySeries(11);
    const truth = [...values];
    bump(values, 100, 60);
    bump(values, 400, -55);
    for (const step of [600, 601, 602]) bump(values, step, 50);
    const result = run({ values });
    const found = result.anomalies.map((anomaly) => [anomaly.start, anomaly.end, anomaly.kind]);
    expect(found).toEqual([
      [100, 100, 'spike'],
      [400, 400, 'drop'],
      [600, 602, 'spike'],
    ]);
    const spike = result.anomalies[0]!;
    expect(spike.expected).toBeGreaterThan(truth[100]! - 12);
    expect(spike.expected).toBeLessThan(truth[100]! + 12);
    expect(spike.observed).toBeCloseTo(values[100]!, 10);
    expect(spike.expectedUpper).toBeLessThan(spike.observed);
    expect(result.anomalies[1]!.expectedLower).toBeGreaterThan(result.anomalies[1]!.observed);
    for (const anomaly of result.anomalies) {
      expect(anomaly.score).toBeGreaterThan(5);
      expect(anomaly.detector).toBe('shesd');
      expect(result.scores[anomaly.start]).toBe(anomaly.score);
    }
  });

  it('stays quiet on 20 clean seasonal series at medium sensitivity: otherwise a scan drowns planners in false alarms', () => {
    let alarms = 0;
    for (let seed = 100; seed < 120; seed += 1) {
      alarms += run({ values: dailySeries(seed) }).anomalies.length;
    }
    expect(alarms).toBe(0);
  });

  it('does not flag holiday uplift marked as explained, and still finds an unexplained spike: otherwise Fiestas Patrias would be reported', () => {
    const values = dailySeries(21);
    const explained = values.map(() => false);
    for (const step of [200, 201, 565, 566]) {
      bump(values, step, 70);
      explained[step] = true;
    }
    bump(values, 300, 60);
    const result = run({ values, explained });
    expect(result.anomalies.map((anomaly) => anomaly.start)).toEqual([300]);
    expect(result.scores[200]).toBe(0);
  });

  it('follows a doubling trend with the piecewise median and finds a spike below the late level: otherwise growth is flagged or early spikes are masked', () => {
    const random = createRandom(5);
    const values = Array.from(
      { length: 1095 },
      (_, t) => 100 + (100 * t) / 1095 + 10 * Math.sin((2 * Math.PI * t) / 7) + 4 * random.normal(),
    );
    expect(run({ values }).anomalies).toEqual([]);
    // 50 above a level of about 105 is still below the last year's ordinary days (about 180).
    bump(values, 50, 50);
    const found = run({ values }).anomalies;
    expect(found.map((anomaly) => [anomaly.start, anomaly.kind])).toEqual([[50, 'spike']]);
  });

  it('flags more at high than at low sensitivity on the same series: otherwise sensitivity does nothing', () => {
    const values = dailySeries(31);
    for (const [step, size] of [
      [50, 17],
      [150, 19],
      [250, 21],
      [350, 35],
    ] as const) {
      bump(values, step, size);
    }
    const low = seasonalHybridEsd.detect({ values, periods: [7], sensitivity: 'low' });
    const high = seasonalHybridEsd.detect({ values, periods: [7], sensitivity: 'high' });
    expect(high.anomalies.length).toBeGreaterThan(low.anomalies.length);
  });

  it('never flags or scores missing steps and still finds a spike across NaN runs: otherwise gaps become anomalies', () => {
    const values = dailySeries(41);
    for (let step = 250; step < 270; step += 1) values[step] = Number.NaN;
    bump(values, 500, 60);
    const result = run({ values });
    expect(result.anomalies.map((anomaly) => anomaly.start)).toEqual([500]);
    expect(result.scores[255]).toBe(0);
    expect(result.notes.join(' ')).toMatch(/20 missing or explained steps/);
  });

  it('answers bad input with notes and no anomalies, never a throw: otherwise one broken series stops a whole scan', () => {
    const cases: number[][] = [
      [1, 2, 3],
      Array.from({ length: 60 }, () => 7),
      Array.from({ length: 60 }, () => Number.NaN),
      [],
      [...Array.from({ length: 10 }, () => Number.NaN), ...dailySeries(1, 10)],
    ];
    for (const values of cases) {
      const result = run({ values });
      expect(result.anomalies).toEqual([]);
      expect(result.notes.length).toBeGreaterThan(0);
      expect(result.scores.length).toBe(values.length);
    }
    expect(run({ values: [1, 2, 3] }).notes[0]).toMatch(/too short/);
    expect(run({ values: Array.from({ length: 60 }, () => 7) }).notes[0]).toMatch(/constant/);
  });

  it('drops a period the series is too short for and says so: otherwise a short series would throw inside STL', () => {
    const values = dailySeries(51, 40);
    const result = run({ values, periods: [7, 30] });
    expect(result.notes.join(' ')).toMatch(/period 30 dropped/);
  });

  it('needs more than two cycles of the shortest period: otherwise STL gets too little data', () => {
    expect(seasonalHybridEsd.minLength([7])).toBe(16);
    expect(seasonalHybridEsd.minLength([24, 168])).toBe(49);
    expect(seasonalHybridEsd.minLength([])).toBe(16);
  });

  it('lets a caller cap the anomalies per series: otherwise heavy-tailed metrics flag 2% of all steps', () => {
    const values = dailySeries(61);
    for (const [step, size] of [
      [100, 60],
      [300, 70],
      [500, 80],
    ] as const) {
      bump(values, step, size);
    }
    const capped = createSeasonalHybridEsd({
      ...SHESD_SETTINGS,
      medium: { alpha: 0.001, maxShare: 0.0015 },
    });
    expect(run({ values }).anomalies.length).toBe(3);
    expect(capped.detect({ values, periods: [7], sensitivity: 'medium' }).anomalies).toHaveLength(
      1,
    );
    expect(() =>
      createSeasonalHybridEsd({ ...SHESD_SETTINGS, low: { alpha: 2, maxShare: 0.02 } }),
    ).toThrow(/settings.low.alpha/);
  });

  it('scores only the steps the test examined: otherwise the ordinary bulk would enter threshold sweeps', () => {
    const values = dailySeries(71);
    bump(values, 123, 60);
    const result = run({ values });
    const examined = Math.floor(0.02 * values.length);
    expect(result.scores[123]).toBeGreaterThan(5);
    expect(Array.from(result.scores).filter((score) => score > 0).length).toBe(examined);
  });

  it('stays quiet on 20 clean low-volume count series (Poisson, 2 a day) and finds a 25-unit day: otherwise slow sellers raise false alarms or hide real spikes', () => {
    let alarms = 0;
    for (let seed = 300; seed < 320; seed += 1) {
      const random = createRandom(seed);
      const values = Array.from({ length: 730 }, (_, t) =>
        random.poisson(2 * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 7))),
      );
      alarms += run({ values }).anomalies.length;
      if (seed === 300) {
        values[444] = 25;
        const found = run({ values });
        expect(found.anomalies.map((anomaly) => [anomaly.start, anomaly.kind])).toEqual([
          [444, 'spike'],
        ]);
        const spike = found.anomalies[0]!;
        expect(spike.expected).toBeGreaterThan(1);
        expect(spike.expected).toBeLessThan(3.5);
        expect(spike.expectedLower).toBeGreaterThanOrEqual(0);
        expect(spike.expectedUpper).toBeLessThan(25);
        expect(found.notes.join(' ')).toMatch(/Anscombe/);
      }
    }
    expect(alarms).toBe(0);
  });
});
