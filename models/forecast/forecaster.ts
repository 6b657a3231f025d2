// The one interface every forecasting method implements (ARCHITECTURE.md 1: models/forecast).

export interface ForecastInput {
  /** Observations in time order; NaN marks a missing value (not a zero). */
  values: readonly number[];
  /** Seasonal period (1 = none; 4 quarterly, 12 monthly, 7 daily-weekly, 52 weekly-yearly). */
  period: number;
  /** Number of steps ahead to forecast (>= 1). */
  horizon: number;
  /** Prediction-interval levels in percent, e.g. [80, 95]. */
  levels?: readonly number[];
}

export interface PredictionInterval {
  level: number;
  lower: number[];
  upper: number[];
}

export interface ForecastResult {
  /** The method that produced the numbers (may differ from the one asked for after a fallback). */
  method: string;
  /** Point forecasts, length = horizon. */
  mean: number[];
  intervals: PredictionInterval[];
  /** One-step-ahead in-sample fitted values, aligned with the input (NaN where undefined). */
  fitted?: number[];
  /** Fitted parameters and the chosen model form, for display. */
  parameters: Record<string, number | string | boolean>;
  /** Plain-language notes: fallbacks taken, model choices, warnings. */
  notes: string[];
}

export interface Forecaster {
  /** Stable identifier used by the CLI and the tool: 'ets', 'theta', 'naive2', ... */
  readonly name: string;
  /** Fewest non-missing observations the method needs for the given period. */
  minLength(period: number): number;
  forecast(input: ForecastInput): ForecastResult;
}
