import { describe, expect, it } from 'vitest';
import type { SeriesHoldout } from '../../models/forecast/holdout';
import {
  createJobHandler,
  type SeriesForecast,
  type SeriesHoldoutResult,
  type SyntheticOutcome,
} from './forecast-jobs';

const weekly = Array.from({ length: 70 }, (_, day) => 10 + (day % 7 === 5 ? 6 : 0) + (day % 3));

describe('forecast jobs (run in the workers; tested here in-thread)', () => {
  it('forecasts one series with the named method, horizon and levels', () => {
    const handle = createJobHandler({
      task: 'forecast',
      method: 'snaive',
      horizon: 7,
      levels: [80],
    });
    const result = handle({ values: weekly, period: 7 }) as SeriesForecast;
    expect(result.method).toBe('snaive');
    expect(result.mean).toEqual(weekly.slice(-7));
    expect(result.intervals.map((interval) => interval.level)).toEqual([80]);
  });

  it('scores every named method and adds Naive2 (OWA needs it) on one series', () => {
    const handle = createJobHandler({
      task: 'holdout',
      methods: ['snaive', 'croston'],
      horizon: 7,
    });
    const withZeros = weekly.map((value, day) => (day % 2 === 0 ? 0 : value));
    const result = handle({ values: withZeros, period: 7 }) as SeriesHoldout;
    expect('outcomes' in result).toBe(true);
    if (!('outcomes' in result)) return;
    expect(Object.keys(result.outcomes)).toEqual(['snaive', 'croston', 'naive2']);
    expect(result.outcomes.snaive).toMatchObject({
      score: { smape: expect.any(Number), mase: expect.any(Number) },
    });
  });

  it('returns the point forecasts of keepForecasts methods with the scores, from the training part (else auto+global cannot be combined)', () => {
    const handle = createJobHandler({
      task: 'holdout',
      methods: ['snaive'],
      horizon: 7,
      keepForecasts: ['snaive'],
    });
    const result = handle({ values: weekly, period: 7 }) as SeriesHoldoutResult;
    // seasonal naive of the training part repeats the last week before the held-out one
    expect(result).toMatchObject({ forecasts: { snaive: weekly.slice(56, 63) } });
    expect(Object.keys((result as { forecasts: object }).forecasts)).toEqual(['snaive']);
  });

  it('answers null for a skipped forecast job (else global series would be forecast twice)', () => {
    const handle = createJobHandler({ task: 'forecast', method: 'naive', horizon: 3, levels: [] });
    expect(handle({ values: weekly, period: 7, skip: true })).toBeNull();
  });

  it('reports a series too short for the holdout as skipped, not as a failure', () => {
    const handle = createJobHandler({ task: 'holdout', methods: ['naive'], horizon: 7 });
    expect(handle({ values: weekly.slice(0, 10), period: 7 })).toEqual({ skipped: 'too-short' });
  });

  it('generates and forecasts a synthetic series from its index alone', () => {
    const handle = createJobHandler({
      task: 'synthetic',
      method: 'naive',
      horizon: 14,
      days: 200,
      seed: 1,
    });
    const outcome = handle(3) as SyntheticOutcome;
    expect(outcome.method).toBe('naive');
    expect(outcome.seconds).toBeGreaterThanOrEqual(0);
  });

  it('refuses an unknown method when the worker starts (before any job)', () => {
    expect(() =>
      createJobHandler({ task: 'forecast', method: 'magic', horizon: 1, levels: [] }),
    ).toThrow(/unknown forecasting method "magic"/);
  });
});
