import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../stats/random';
import { disposeGlobalModel, forecastGlobal, forecastGlobalBatch, trainGlobalModel } from '.';

// The pure-JavaScript backend: models/ takes any initialised namespace (the app passes wasm).
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const PERIOD = 12;
const HORIZON = 12;
const INPUT_LENGTH = 24;

/** Seasonal series with a trend: level + slope t + amplitude sin(2 pi t / 12 + phase) + noise. */
function syntheticSeries(seed: number, count: number, length: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const level = random.uniform(20, 100);
    const slope = random.uniform(-0.3, 0.6);
    const amplitude = random.uniform(0.1, 0.4) * level;
    const phase = random.uniform(0, 2 * Math.PI);
    return Array.from(
      { length },
      (_, t) =>
        level +
        slope * t +
        amplitude * Math.sin((2 * Math.PI * t) / PERIOD + phase) +
        random.normal(0, 0.02 * level),
    );
  });
}

const smallNetwork = { hiddenUnits: [32], epochs: 40, batchSize: 64, learningRate: 0.01 };

describe('global forecaster', () => {
  it('learns a shared seasonal pattern well enough to beat seasonal naive on unseen series (else training or scaling is broken)', async () => {
    const training = syntheticSeries(1, 40, 60);
    const model = await trainGlobalModel(tf, training, {
      horizon: HORIZON,
      inputLength: INPUT_LENGTH,
      seed: 7,
      ...smallNetwork,
    });
    const heldOut = syntheticSeries(2, 30, 48);
    const histories = heldOut.map((values) => values.slice(0, -HORIZON));
    const forecasts = forecastGlobalBatch(model, histories);
    let modelError = 0;
    let seasonalNaiveError = 0;
    heldOut.forEach((values, row) => {
      const history = histories[row] as number[];
      for (let step = 0; step < HORIZON; step += 1) {
        const actual = values[history.length + step] as number;
        const seasonalNaive = history[history.length - PERIOD + (step % PERIOD)] as number;
        modelError += Math.abs(actual - ((forecasts[row] as number[])[step] as number));
        seasonalNaiveError += Math.abs(actual - seasonalNaive);
      }
    });
    expect(model.training.bestEpoch).toBeGreaterThan(1);
    expect(modelError).toBeLessThan(0.8 * seasonalNaiveError);
    disposeGlobalModel(model);
  });

  it('gives identical forecasts for the same seed (else some randomness is unseeded)', async () => {
    const training = syntheticSeries(3, 12, 50);
    const options = { horizon: 6, inputLength: 12, seed: 11, ...smallNetwork, epochs: 3 };
    const first = await trainGlobalModel(tf, training, options);
    const second = await trainGlobalModel(tf, training, options);
    const third = await trainGlobalModel(tf, training, { ...options, seed: 12 });
    const series = training[0] as number[];
    expect(forecastGlobal(second, series)).toEqual(forecastGlobal(first, series));
    expect(forecastGlobal(third, series)).not.toEqual(forecastGlobal(first, series));
    expect(second.training).toEqual(first.training);
    [first, second, third].forEach(disposeGlobalModel);
  });

  it('frees every tensor it made once disposed (else a long-running server leaks memory)', async () => {
    const before = tf.memory().numTensors;
    const model = await trainGlobalModel(tf, syntheticSeries(6, 6, 40), {
      horizon: 4,
      inputLength: 8,
      ...smallNetwork,
      epochs: 2,
    });
    forecastGlobalBatch(model, syntheticSeries(7, 3, 20));
    disposeGlobalModel(model);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('forecasts one series the same alone as in a batch and scales with the series (else scaling is per batch)', async () => {
    const training = syntheticSeries(4, 10, 40);
    const model = await trainGlobalModel(tf, training, {
      horizon: 4,
      inputLength: 8,
      ...smallNetwork,
      epochs: 2,
    });
    const series = training[1] as number[];
    const alone = forecastGlobal(model, series);
    const inBatch = forecastGlobalBatch(model, [training[0] as number[], series])[1] as number[];
    alone.forEach((value, step) => expect(inBatch[step]).toBeCloseTo(value, 4));
    const doubled = forecastGlobal(
      model,
      series.map((value) => 2 * value),
    );
    alone.forEach((value, step) => expect(doubled[step]).toBeCloseTo(2 * value, 3));
    expect(forecastGlobal(model, Array(20).fill(0))).toEqual([0, 0, 0, 0]);
    disposeGlobalModel(model);
  });

  it('rejects series shorter than the input window with a RangeError naming the argument (else bad input passes silently)', async () => {
    await expect(
      trainGlobalModel(tf, [[1, 2, 3, 4, 5]], { horizon: 2, inputLength: 4 }),
    ).rejects.toThrow(/^series: no series has 6 consecutive/);
    const model = await trainGlobalModel(tf, syntheticSeries(5, 4, 30), {
      horizon: 3,
      inputLength: 6,
      ...smallNetwork,
      epochs: 1,
    });
    expect(() => forecastGlobal(model, [1, 2, 3])).toThrow(RangeError);
    expect(() => forecastGlobal(model, [1, 2, 3])).toThrow(/^values: has 3 values.*inputLength/);
    expect(() => forecastGlobal(model, [1, 2, 3, 4, Number.NaN, 6])).toThrow(/^values: .*missing/);
    expect(() => forecastGlobalBatch(model, [[1, 2, 3, 4, 5, 6], [1]])).toThrow(
      /^seriesList\[1\]: has 1 values/,
    );
    await expect(
      trainGlobalModel(tf, [[1, 2, 3, 4, 5, 6, 7, 8]], { horizon: 2, inputLength: 0 }),
    ).rejects.toThrow(/^inputLength: must be a whole number >= 1/);
    disposeGlobalModel(model);
  });
});
