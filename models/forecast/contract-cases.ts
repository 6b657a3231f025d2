// The forecasters the shared contract test (contract.test.ts) runs. Add yours here: one entry
// per exported Forecaster, with the properties it is expected to have.
import { arimaForecaster } from './arima/arima-forecaster';
import { dailyForecaster } from './daily/daily-forecaster';
import { autoForecaster } from './auto';
import {
  dampedForecaster,
  etsForecaster,
  holtForecaster,
  sesForecaster,
} from './ets/ets-forecaster';
import type { Forecaster } from './forecaster';
import { crostonForecaster, sbaForecaster, tsbForecaster } from './intermittent';
import { autoIntermittentForecaster } from './intermittent-auto';
import { naive2Forecaster, naiveForecaster, seasonalNaiveForecaster } from './naive';
import { optimisedThetaForecaster } from './optimised-theta';
import { thetaForecaster } from './theta';

export interface ContractCase {
  forecaster: Forecaster;
  /** Whether requested prediction intervals are returned: always, never, or depending on the data. */
  intervals: 'always' | 'never' | 'sometimes';
  /** A constant series forecasts its own value (false for deliberately debiased methods: SBA). */
  constantForecastsItself: boolean;
  /** A strictly periodic series (period given to the method) is continued exactly. */
  recoversSeasonalPattern: boolean;
  /** Negative values are rejected (demand methods). */
  rejectsNegative: boolean;
}

export const contractCases: ContractCase[] = [
  {
    forecaster: naiveForecaster,
    intervals: 'always',
    constantForecastsItself: true,
    recoversSeasonalPattern: false,
    rejectsNegative: true,
  },
  {
    forecaster: seasonalNaiveForecaster,
    intervals: 'always',
    constantForecastsItself: true,
    recoversSeasonalPattern: true,
    rejectsNegative: true,
  },
  {
    forecaster: naive2Forecaster,
    intervals: 'always',
    constantForecastsItself: true,
    recoversSeasonalPattern: true,
    rejectsNegative: true,
  },
  {
    forecaster: thetaForecaster,
    intervals: 'always',
    constantForecastsItself: true,
    recoversSeasonalPattern: true,
    rejectsNegative: true,
  },
  {
    forecaster: optimisedThetaForecaster,
    intervals: 'always',
    constantForecastsItself: true,
    recoversSeasonalPattern: true,
    rejectsNegative: true,
  },
  {
    forecaster: crostonForecaster,
    intervals: 'never',
    constantForecastsItself: true,
    recoversSeasonalPattern: false,
    rejectsNegative: true,
  },
  {
    forecaster: sbaForecaster,
    intervals: 'never',
    constantForecastsItself: false,
    recoversSeasonalPattern: false,
    rejectsNegative: true,
  },
  {
    forecaster: tsbForecaster,
    intervals: 'never',
    constantForecastsItself: true,
    recoversSeasonalPattern: false,
    rejectsNegative: true,
  },
  {
    forecaster: autoIntermittentForecaster,
    intervals: 'sometimes',
    constantForecastsItself: true,
    recoversSeasonalPattern: false,
    rejectsNegative: true,
  },
  {
    forecaster: arimaForecaster,
    intervals: 'always',
    constantForecastsItself: true,
    recoversSeasonalPattern: true,
    rejectsNegative: false,
  },
  {
    forecaster: etsForecaster,
    intervals: 'always',
    constantForecastsItself: true,
    recoversSeasonalPattern: true,
    rejectsNegative: false,
  },
  {
    forecaster: sesForecaster,
    intervals: 'always',
    constantForecastsItself: true,
    recoversSeasonalPattern: false,
    rejectsNegative: false,
  },
  {
    forecaster: holtForecaster,
    intervals: 'always',
    constantForecastsItself: true,
    recoversSeasonalPattern: false,
    rejectsNegative: false,
  },
  {
    forecaster: dampedForecaster,
    intervals: 'always',
    constantForecastsItself: true,
    recoversSeasonalPattern: false,
    rejectsNegative: false,
  },
  {
    forecaster: autoForecaster,
    intervals: 'sometimes',
    constantForecastsItself: true,
    recoversSeasonalPattern: true,
    rejectsNegative: true,
  },
  {
    forecaster: dailyForecaster,
    intervals: 'always',
    constantForecastsItself: true,
    recoversSeasonalPattern: true,
    rejectsNegative: true,
  },
];
