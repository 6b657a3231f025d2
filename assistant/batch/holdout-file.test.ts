import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../models/stats/random';
import { forecastWithGlobalModel } from '../ml/global-batch';
import { holdoutFile } from './holdout-file';

const folder = mkdtempSync(join(tmpdir(), 'ayni-holdout-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const HORIZON = 6;
const POISON = 1e9;

/** Seeded series of `lengths[i]` values near 100; the last HORIZON of each are POISON. */
function poisonedFile(name: string, lengths: readonly number[]): string {
  const random = createRandom(11);
  const lines = ['series_id,date_or_index,value'];
  lengths.forEach((length, index) => {
    const level = random.uniform(80, 120);
    for (let step = 0; step < length; step += 1) {
      const value =
        step >= length - HORIZON
          ? POISON
          : level * (1 + 0.1 * Math.sin(step / 3)) + random.normal(0, 3);
      lines.push(`s${index},${step + 1},${value.toFixed(3)}`);
    }
  });
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('holdoutFile with the global methods', () => {
  it('trains the MLP on the training parts only, never on held-out values (else its scores would be leaked)', async () => {
    const input = poisonedFile('poisoned.csv', [...Array(10).fill(60), 12]);
    const seen: number[][] = [];
    const forecasts: (number[] | undefined)[] = [];
    const summary = await holdoutFile({
      input,
      horizon: HORIZON,
      season: 1,
      methods: ['auto', 'global', 'auto+global'],
      globalSeeds: 1,
      threads: 1,
      globalForecaster: async (series, options) => {
        seen.push(...series.map((values) => [...values]));
        const result = await forecastWithGlobalModel(series, options);
        forecasts.push(...result.forecasts);
        return result;
      },
    });
    expect(seen).toHaveLength(11);
    expect(seen[0]).toHaveLength(60 - HORIZON);
    expect(Math.max(...seen.flat())).toBeLessThan(200);
    // forecasts made from the training parts stay near the level of ~100, far from the poison
    for (const forecast of forecasts.slice(0, 10))
      for (const value of forecast as number[]) expect(Math.abs(value)).toBeLessThan(1000);
    // 12 values leave 6 to train on: shorter than the input window, so auto alone
    expect(forecasts[10]).toBeUndefined();
    expect(summary.global).toMatchObject({ fallbackSeries: 1, seeds: [1] });
    expect(summary.methods.global?.series).toBe(11);
    expect(summary.methods['auto+global']?.series).toBe(11);
    expect(summary.methods.global?.failures).toBe(0);
  });

  it('drops the last K values before the holdout with dropLast (else the validation split would score the test part)', async () => {
    // with the poisoned tail dropped, the held-out values are ordinary: sMAPE far below 200
    const input = poisonedFile('dropped.csv', Array(6).fill(60));
    const summary = await holdoutFile({
      input,
      horizon: HORIZON,
      season: 1,
      methods: ['theta'],
      dropLast: HORIZON,
      threads: 1,
    });
    expect(summary.methods.theta?.series).toBe(6);
    expect(summary.methods.theta?.smape).toBeLessThan(20);
    expect(summary.global).toBeUndefined();
  });
});
