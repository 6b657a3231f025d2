// The global forecaster's types and its network: a multi-layer perceptron from the scaled input
// window to all `horizon` scaled outputs at once (multi-output, no recursion), the plain
// fully connected core of an N-BEATS block (Oreshkin, Carpov, Chapados & Bengio 2020, ICLR).
// The TensorFlow.js namespace is passed in, initialised by the caller (assistant/ml picks the
// backend and loads its files), so this folder stays free of I/O.
import type * as TensorflowModule from '@tensorflow/tfjs';
import type { Random } from '../../stats/random';

/** The `@tensorflow/tfjs` namespace, with a backend already set. */
export type Tensorflow = typeof TensorflowModule;
export type LayersModel = TensorflowModule.LayersModel;

export interface TrainingSummary {
  /** Windows built from the series (training + validation). */
  windows: number;
  trainingWindows: number;
  validationWindows: number;
  /** Epochs run before early stopping (or the epoch limit). */
  epochsRun: number;
  /** 1-based epoch whose weights were kept (lowest validation loss). */
  bestEpoch: number;
  /** Mean absolute error on the scaled training windows, per epoch. */
  trainingLosses: number[];
  /** The same on the validation windows, per epoch (empty when there were too few windows). */
  validationLosses: number[];
}

export interface GlobalModel {
  readonly tf: Tensorflow;
  readonly network: LayersModel;
  readonly inputLength: number;
  readonly horizon: number;
  readonly training: TrainingSummary;
}

/** Largest seed handed to the tfjs initialisers (they take any number; keep it a 31-bit integer). */
const SEED_LIMIT = 2_147_483_646;

export function buildNetwork(
  tf: Tensorflow,
  inputLength: number,
  horizon: number,
  hiddenUnits: readonly number[],
  random: Random,
): LayersModel {
  const network = tf.sequential();
  hiddenUnits.forEach((units, index) => {
    network.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        ...(index === 0 ? { inputShape: [inputLength] } : {}),
        kernelInitializer: tf.initializers.heUniform({ seed: random.int(1, SEED_LIMIT) }),
        biasInitializer: 'zeros',
      }),
    );
  });
  network.add(
    tf.layers.dense({
      units: horizon,
      ...(hiddenUnits.length === 0 ? { inputShape: [inputLength] } : {}),
      kernelInitializer: tf.initializers.glorotUniform({ seed: random.int(1, SEED_LIMIT) }),
      biasInitializer: 'zeros',
    }),
  );
  return network;
}
