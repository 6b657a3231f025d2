import { describe, expect, it } from 'vitest';
import { forecasterNames, getForecaster } from './registry';

describe('forecaster registry', () => {
  it('finds each registered method under its own name (else the CLI and tool would run another method)', () => {
    for (const name of forecasterNames) expect(getForecaster(name).name).toBe(name);
  });

  it('names the valid methods when asked for an unknown one (else the user cannot fix the call)', () => {
    expect(() => getForecaster('prophet')).toThrow(/unknown forecasting method "prophet".*ets/);
  });

  it('has no two methods under one name (else one would shadow the other)', () => {
    expect(new Set(forecasterNames).size).toBe(forecasterNames.length);
  });
});
