// The global (cross-series) neural forecaster: train once on many series, forecast each.
export { disposeGlobalModel, forecastGlobal, forecastGlobalBatch } from './forecast';
export type { GlobalModel, Tensorflow, TrainingSummary } from './model';
export { trainGlobalModel } from './train';
export type { GlobalModelOptions } from './train';
