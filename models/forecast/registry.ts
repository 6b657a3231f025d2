// The forecasting methods by the names the CLI, the tool and the benchmarks use
// (`--method ets`, `method: "theta"`). One place, so every entry point offers the same list.
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

const forecasters: readonly Forecaster[] = [
  etsForecaster,
  arimaForecaster,
  thetaForecaster,
  optimisedThetaForecaster,
  naiveForecaster,
  seasonalNaiveForecaster,
  naive2Forecaster,
  sesForecaster,
  holtForecaster,
  dampedForecaster,
  crostonForecaster,
  sbaForecaster,
  tsbForecaster,
  autoIntermittentForecaster,
  dailyForecaster,
  autoForecaster,
];

const byName = new Map(forecasters.map((forecaster) => [forecaster.name, forecaster]));

/** The names accepted by `getForecaster`, in display order. */
export const forecasterNames: readonly string[] = forecasters.map((forecaster) => forecaster.name);

/** The forecaster registered under `name`; a RangeError listing the valid names otherwise. */
export function getForecaster(name: string): Forecaster {
  const forecaster = byName.get(name);
  if (forecaster === undefined) {
    throw new RangeError(
      `method: unknown forecasting method "${name}"; choose one of ${forecasterNames.join(', ')}`,
    );
  }
  return forecaster;
}
