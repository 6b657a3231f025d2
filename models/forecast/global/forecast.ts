// Forecasts from a trained global model: the last `inputLength` values of each series, divided by
// their mean absolute value (the scaling the model was trained on, windows.ts), go through the
// network in one batch, and the outputs are multiplied back by that scale.
import type * as TensorflowModule from '@tensorflow/tfjs';
import type { GlobalModel } from './model';
import { windowScale } from './windows';

function checkValues(values: readonly number[], inputLength: number, name: string): number {
  if (!Array.isArray(values)) throw new TypeError(`${name}: expected an array of numbers`);
  if (values.length < inputLength) {
    throw new RangeError(
      `${name}: has ${values.length} values, but the model reads the last ${inputLength} ` +
        `(its inputLength); pass a longer series or train a model with a shorter inputLength`,
    );
  }
  const scale = windowScale(values, values.length - inputLength, inputLength);
  if (Number.isNaN(scale)) {
    throw new RangeError(
      `${name}: one of the last ${inputLength} values is missing or not finite; ` +
        'fill missing values (prepare-input) before forecasting',
    );
  }
  return scale;
}

/**
 * Point forecasts (length horizon) for each series of `seriesList`, in one network call.
 * A series whose last inputLength values are all 0 gets a forecast of zeros (no scale to
 * carry a level).
 */
export function forecastGlobalBatch(
  model: GlobalModel,
  seriesList: readonly (readonly number[])[],
): number[][] {
  if (!Array.isArray(seriesList)) throw new TypeError('seriesList: expected an array of series');
  const { tf, network, inputLength, horizon } = model;
  const scales = seriesList.map((values, index) =>
    checkValues(values, inputLength, `seriesList[${index}]`),
  );
  if (seriesList.length === 0) return [];
  const inputs = new Float32Array(seriesList.length * inputLength);
  seriesList.forEach((values, row) => {
    const scale = scales[row] as number;
    const start = values.length - inputLength;
    for (let step = 0; step < inputLength; step += 1) {
      inputs[row * inputLength + step] = scale > 0 ? (values[start + step] as number) / scale : 0;
    }
  });
  const outputs = tf.tidy(() => {
    const batch = tf.tensor2d(inputs, [seriesList.length, inputLength]);
    return (network.predict(batch) as TensorflowModule.Tensor).dataSync();
  });
  return scales.map((scale, row) =>
    Array.from({ length: horizon }, (_, step) =>
      scale > 0 ? (outputs[row * horizon + step] as number) * scale : 0,
    ),
  );
}

/** Point forecasts (length horizon) of one series from a trained global model. */
export function forecastGlobal(model: GlobalModel, values: readonly number[]): number[] {
  checkValues(values, model.inputLength, 'values');
  return forecastGlobalBatch(model, [values])[0] as number[];
}

/** Frees the network's and its optimiser's tensors (the model cannot forecast afterwards). */
export function disposeGlobalModel(model: GlobalModel): void {
  // tfjs leaves an optimiser passed to compile() to its creator (trainGlobalModel) to dispose
  model.network.optimizer?.dispose();
  model.network.dispose();
}
