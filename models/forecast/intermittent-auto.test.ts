import { describe, expect, it } from 'vitest';
import {
  autoIntermittentForecaster,
  classifyDemand,
  createAutoIntermittentForecaster,
} from './intermittent-auto';

// Demand every other period: ADI 2. Sizes 5 and 5.5 alternate: CV^2 about 0.002.
const INTERMITTENT = Array.from({ length: 24 }, (_, index) =>
  index % 2 === 1 ? (index % 4 === 1 ? 5 : 5.5) : 0,
);
// Demand every other period with sizes 1 and 9: CV^2 about 0.67.
const LUMPY = Array.from({ length: 24 }, (_, index) =>
  index % 2 === 1 ? (index % 4 === 1 ? 1 : 9) : 0,
);
// Demand every period, sizes 1 and 9: erratic.
const ERRATIC = Array.from({ length: 24 }, (_, index) => (index % 2 === 0 ? 1 : 9));
// Demand every period, sizes near 10: smooth.
const SMOOTH = Array.from({ length: 24 }, (_, index) => 10 + (index % 3) - 1);

describe('classifyDemand (Syntetos, Boylan & Croston 2005)', () => {
  it('computes ADI as the mean interval between demands and CV^2 of the sizes', () => {
    const result = classifyDemand([0, 0, 4, 0, 2, 0, 0, 6]);
    expect(result.adi).toBeCloseTo(8 / 3, 12);
    // sizes 4, 2, 6: mean 4, sample variance 4, CV^2 = 4 / 16.
    expect(result.cv2).toBeCloseTo(0.25, 12);
    expect(result.demands).toBe(3);
  });

  it('puts each quadrant of the ADI 1.32 / CV^2 0.49 grid in its class', () => {
    expect(classifyDemand(SMOOTH).demandClass).toBe('smooth');
    expect(classifyDemand(ERRATIC).demandClass).toBe('erratic');
    expect(classifyDemand(INTERMITTENT).demandClass).toBe('intermittent');
    expect(classifyDemand(LUMPY).demandClass).toBe('lumpy');
    expect(classifyDemand([0, 0, 0]).demandClass).toBe('no-demand');
  });

  it('places the ADI cut-off 1.32 between 1.25 and 1.33 periods per demand', () => {
    expect(classifyDemand([0, 1, 1, 1, 1]).demandClass).toBe('smooth');
    expect(classifyDemand([0, 1, 1, 1]).demandClass).toBe('intermittent');
  });

  it('places the CV^2 cut-off 0.49 between sizes alternating 1, 5 (0.468) and 1, 5.4 (0.497)', () => {
    const alternate = (high: number) =>
      Array.from({ length: 20 }, (_, index) => (index % 2 ? high : 1));
    expect(classifyDemand(alternate(5)).cv2).toBeCloseTo(0.4678, 4);
    expect(classifyDemand(alternate(5)).demandClass).toBe('smooth');
    expect(classifyDemand(alternate(5.4)).demandClass).toBe('erratic');
  });

  it('flags obsolescence after a run of zeros that is unlikely at the historical rate', () => {
    const stopped = [...SMOOTH, 0, 0, 0];
    expect(classifyDemand(stopped).obsolescent).toBe(true);
    // The same three zeros are ordinary for an item that sells every other period.
    expect(classifyDemand([...INTERMITTENT, 0, 0]).obsolescent).toBe(false);
  });

  it('rejects negative demand', () => {
    expect(() => classifyDemand([1, -1])).toThrow(/negative/);
  });
});

describe('auto-intermittent', () => {
  const run = (values: number[]) =>
    autoIntermittentForecaster.forecast({ values, period: 1, horizon: 3, levels: [80] });

  it('uses SES for smooth demand, with intervals', () => {
    const result = run(SMOOTH);
    expect(result.method).toBe('ses');
    expect(result.intervals).toHaveLength(1);
    expect(result.notes[0]).toMatch(/Classified as smooth/);
  });

  it('uses SBA for erratic and lumpy demand', () => {
    expect(run(ERRATIC).method).toBe('sba');
    expect(run(LUMPY).method).toBe('sba');
  });

  it('uses TSB for intermittent demand by default and Croston when configured', () => {
    expect(run(INTERMITTENT).method).toBe('tsb');
    const croston = createAutoIntermittentForecaster({ intermittentMethod: 'croston' });
    expect(croston.forecast({ values: INTERMITTENT, period: 1, horizon: 1 }).method).toBe(
      'croston',
    );
  });

  it('switches to TSB when demand seems to have stopped, and says so', () => {
    const result = run([...SMOOTH, 0, 0, 0, 0]);
    expect(result.method).toBe('tsb');
    expect(result.notes[0]).toMatch(/obsolescence/);
    expect(result.parameters.obsolescent).toBe(true);
  });

  it('forecasts zero for an item that never sold', () => {
    expect(run([0, 0, 0, 0]).mean).toEqual([0, 0, 0]);
  });

  it('validates like every other method', () => {
    expect(() => run([1, Number.POSITIVE_INFINITY])).toThrow(/values\[1\]/);
    expect(() =>
      autoIntermittentForecaster.forecast({ values: [1, 2], period: 1, horizon: 0 }),
    ).toThrow(/horizon/);
  });
});
