// Training of the global forecaster across all series of a set: scaled windows (windows.ts), a
// seeded split of the windows into training and validation parts, mini-batch Adam (Kingma & Ba
// 2015) on the mean absolute error of the scaled values, and early stopping that keeps the
// weights of the epoch with the lowest validation error (Prechelt 1998, "Early stopping - but
// when?"). Every random choice (initial weights, split, batch order) comes from `seed`.
import type * as TensorflowModule from '@tensorflow/tfjs';
import { createRandom } from '../../stats/random';
import { buildNetwork } from './model';
import type { GlobalModel, Tensorflow, TrainingSummary } from './model';
import { buildWindows, checkWholeNumber } from './windows';

export interface GlobalModelOptions {
  horizon: number;
  /** Values the network sees before each origin (a few horizons, e.g. 2H to 4H). */
  inputLength: number;
  /** Most epochs to run (early stopping may end sooner); default 30. */
  epochs?: number;
  /** Seed of every random choice; default 1. */
  seed?: number;
  /** Units of each hidden layer; default [128, 128]. */
  hiddenUnits?: readonly number[];
  /** Default 512. */
  batchSize?: number;
  /** Adam step size; default 0.001. */
  learningRate?: number;
  /** Share of the windows held out for early stopping; default 0.1. */
  validationFraction?: number;
  /** Epochs without a better validation error before stopping; default 5. */
  patience?: number;
  /** Most recent windows taken from each series; default 10 x horizon. */
  windowsPerSeries?: number;
}

interface Resolved {
  epochs: number;
  seed: number;
  hiddenUnits: readonly number[];
  batchSize: number;
  learningRate: number;
  validationFraction: number;
  patience: number;
  windowsPerSeries: number;
}

function resolveOptions(options: GlobalModelOptions): Resolved {
  const resolved = {
    epochs: options.epochs ?? 30,
    seed: options.seed ?? 1,
    hiddenUnits: options.hiddenUnits ?? [128, 128],
    batchSize: options.batchSize ?? 512,
    learningRate: options.learningRate ?? 0.001,
    validationFraction: options.validationFraction ?? 0.1,
    patience: options.patience ?? 5,
    windowsPerSeries: options.windowsPerSeries ?? 10 * options.horizon,
  };
  checkWholeNumber(resolved.epochs, 'epochs', 1);
  checkWholeNumber(resolved.batchSize, 'batchSize', 1);
  checkWholeNumber(resolved.patience, 'patience', 1);
  resolved.hiddenUnits.forEach((units, index) =>
    checkWholeNumber(units, `hiddenUnits[${index}]`, 1),
  );
  if (!(resolved.learningRate > 0) || !Number.isFinite(resolved.learningRate)) {
    throw new RangeError(`learningRate: must be a finite number > 0, got ${resolved.learningRate}`);
  }
  if (!(resolved.validationFraction >= 0 && resolved.validationFraction < 1)) {
    throw new RangeError(
      `validationFraction: must be in [0, 1), got ${resolved.validationFraction}`,
    );
  }
  return resolved;
}

/** Rows `indexes` of a row-major matrix with `width` columns. */
function takeRows(matrix: Float32Array, width: number, indexes: readonly number[]): Float32Array {
  const rows = new Float32Array(indexes.length * width);
  indexes.forEach((index, row) => {
    rows.set(matrix.subarray(index * width, (index + 1) * width), row * width);
  });
  return rows;
}

/**
 * Trains one network on windows of all `series` (each a number array in time order; NaN marks a
 * missing value, and windows touching one are left out). Resolves to a model for forecastGlobal;
 * call disposeGlobalModel when done with it.
 */
export async function trainGlobalModel(
  tf: Tensorflow,
  series: readonly (readonly number[])[],
  options: GlobalModelOptions,
): Promise<GlobalModel> {
  if (typeof tf?.sequential !== 'function') {
    throw new TypeError('tf: expected the @tensorflow/tfjs namespace with a backend set');
  }
  const settings = resolveOptions(options);
  const { inputLength, horizon } = options;
  const windows = buildWindows(series, {
    inputLength,
    horizon,
    windowsPerSeries: settings.windowsPerSeries,
  });
  const random = createRandom(settings.seed);
  const shuffled = random.fork('split').shuffle([...Array(windows.count).keys()]);
  const validationCount = Math.floor(windows.count * settings.validationFraction);
  const validationIndexes = shuffled.slice(0, validationCount);
  const trainingIndexes = shuffled.slice(validationCount);

  const network = buildNetwork(tf, inputLength, horizon, settings.hiddenUnits, random.fork('init'));
  network.compile({
    optimizer: tf.train.adam(settings.learningRate),
    loss: 'meanAbsoluteError',
  });
  const trainingInputs = tf.tensor2d(takeRows(windows.inputs, inputLength, trainingIndexes), [
    trainingIndexes.length,
    inputLength,
  ]);
  const trainingTargets = tf.tensor2d(takeRows(windows.targets, horizon, trainingIndexes), [
    trainingIndexes.length,
    horizon,
  ]);
  const validationInputs = tf.tensor2d(takeRows(windows.inputs, inputLength, validationIndexes), [
    validationCount,
    inputLength,
  ]);
  const validationTargets = tf.tensor2d(takeRows(windows.targets, horizon, validationIndexes), [
    validationCount,
    horizon,
  ]);
  const summary: TrainingSummary = {
    windows: windows.count,
    trainingWindows: trainingIndexes.length,
    validationWindows: validationCount,
    epochsRun: 0,
    bestEpoch: 0,
    trainingLosses: [],
    validationLosses: [],
  };
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestWeights: TensorflowModule.Tensor[] | undefined;
  const positions = [...Array(trainingIndexes.length).keys()];
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch += 1) {
      const order = random.fork(`epoch ${epoch}`).shuffle(positions);
      let lossSum = 0;
      for (let start = 0; start < order.length; start += settings.batchSize) {
        const batch = order.slice(start, start + settings.batchSize);
        const [batchInputs, batchTargets] = tf.tidy(() => {
          const picked = tf.tensor1d(batch, 'int32');
          return [tf.gather(trainingInputs, picked), tf.gather(trainingTargets, picked)];
        });
        const loss = await network.trainOnBatch(batchInputs, batchTargets);
        batchInputs.dispose();
        batchTargets.dispose();
        lossSum += (Array.isArray(loss) ? (loss[0] as number) : loss) * batch.length;
      }
      summary.trainingLosses.push(lossSum / order.length);
      summary.epochsRun = epoch;
      if (validationCount === 0) {
        summary.bestEpoch = epoch;
        continue;
      }
      const validationLoss = tf.tidy(() => {
        const predicted = network.predict(validationInputs) as TensorflowModule.Tensor;
        return tf.losses.absoluteDifference(validationTargets, predicted).dataSync()[0] as number;
      });
      summary.validationLosses.push(validationLoss);
      if (validationLoss < bestLoss) {
        bestLoss = validationLoss;
        summary.bestEpoch = epoch;
        bestWeights?.forEach((weight) => weight.dispose());
        bestWeights = network.getWeights().map((weight) => weight.clone());
      } else if (epoch - summary.bestEpoch >= settings.patience) {
        break;
      }
    }
    if (bestWeights !== undefined) network.setWeights(bestWeights);
  } finally {
    bestWeights?.forEach((weight) => weight.dispose());
    trainingInputs.dispose();
    trainingTargets.dispose();
    validationInputs.dispose();
    validationTargets.dispose();
  }
  return { tf, network, inputLength, horizon, training: summary };
}
