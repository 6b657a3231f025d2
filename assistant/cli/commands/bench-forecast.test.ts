import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../models/stats/random';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/ayni.js');
const folder = mkdtempSync(join(tmpdir(), 'ayni-bench-forecast-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function ayni(args: string[]) {
  return run(process.execPath, [bin, ...args]).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** Seeded noisy daily series with a weekly pattern and no gaps, as series_id,date_or_index,value. */
function tidyFile(name: string, series: number, length: number): string {
  const random = createRandom(7);
  const lines = ['series_id,date_or_index,value'];
  for (let index = 0; index < series; index += 1) {
    const level = random.uniform(20, 200);
    for (let step = 0; step < length; step += 1) {
      const weekly = 1 + 0.3 * Math.sin((2 * Math.PI * step) / 7);
      lines.push(
        `s${index},${step + 1},${Math.max(0, level * weekly + random.normal(0, level / 10)).toFixed(2)}`,
      );
    }
  }
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

interface MethodFigures {
  smape: number;
  mase: number;
  owa: number;
  seconds: number;
  series: number;
}

describe('ayni bench forecast', () => {
  const input = tidyFile('holdout.csv', 12, 80);

  it('prints { methods: { NAME: { smape, mase, owa, seconds, series } } } with Naive2 at OWA 1', async () => {
    const result = await ayni([
      'bench',
      'forecast',
      '--input',
      input,
      '--horizon',
      '14',
      '--season',
      '7',
      '--methods',
      'theta,snaive',
      '--json',
      '--threads',
      '2',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      methods: Record<string, MethodFigures>;
      seriesTotal: number;
    };
    expect(Object.keys(json.methods)).toEqual(['theta', 'snaive', 'naive2']);
    for (const figures of Object.values(json.methods)) {
      expect(Object.keys(figures)).toEqual(
        expect.arrayContaining(['smape', 'mase', 'owa', 'seconds', 'series']),
      );
      expect(figures.series).toBe(12);
    }
    expect(json.methods.naive2?.owa).toBe(1);
    expect(json.seriesTotal).toBe(12);
  });

  it('gives the same sMAPE, MASE and OWA as the single-threaded benchmark script (models/forecast)', async () => {
    const [ours, script] = await Promise.all([
      ayni([
        'bench',
        'forecast',
        '--input',
        input,
        '--horizon',
        '14',
        '--season',
        '7',
        '--methods',
        'theta,snaive,naive2',
        '--json',
      ]),
      run(
        process.execPath,
        [
          '--import',
          'tsx',
          join(root, 'models/forecast/benchmark-methods.bench.ts'),
          input,
          '14',
          '7',
          'theta,snaive,naive2',
        ],
        { cwd: root },
      ),
    ]);
    const pick = (methods: Record<string, MethodFigures>) =>
      Object.fromEntries(
        Object.entries(methods).map(([name, figures]) => [
          name,
          [figures.smape, figures.mase, figures.owa],
        ]),
      );
    const expected = pick(
      (JSON.parse(script.stdout) as { methods: Record<string, MethodFigures> }).methods,
    );
    expect(
      pick((JSON.parse(ours.stdout) as { methods: Record<string, MethodFigures> }).methods),
    ).toEqual(expected);
  });

  it('fails with a one-line reason when the horizon leaves no series to score', async () => {
    const result = await ayni([
      'bench',
      'forecast',
      '--input',
      input,
      '--horizon',
      '80',
      '--season',
      '7',
      '--methods',
      'naive',
      '--json',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^ayni: .*no series could be scored with horizon 80 .*too-short 12/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('runs the synthetic daily throughput benchmark and reports series/s, RSS and the 30,000 projection', async () => {
    const result = await ayni([
      'bench',
      'forecast',
      '--synthetic-daily',
      '10',
      '--days',
      '200',
      '--method',
      'snaive',
      '--threads',
      '2',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, number>;
    expect(json).toMatchObject({
      series: 10,
      days: 200,
      method: 'snaive',
      threads: 2,
      failures: 0,
    });
    expect(json.seriesPerSecond).toBeGreaterThan(0);
    expect(json.peakRssMb).toBeGreaterThan(10);
    // seconds is rounded to 0.01 s, so the projection may differ from it x 3000 by up to 15 s
    expect(
      Math.abs((json.projectedSecondsFor30000 as number) - (json.seconds as number) * 3000),
    ).toBeLessThanOrEqual(15.1);
  });

  it('accepts global and auto+global and prints their figures with the MLP block (else the batch methods are unusable by name)', async () => {
    const result = await ayni([
      'bench',
      'forecast',
      '--input',
      input,
      '--horizon',
      '14',
      '--season',
      '7',
      '--methods',
      'global,auto+global',
      '--seed',
      '2',
      '--global-seeds',
      '2',
      '--json',
      '--threads',
      '2',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      methods: Record<string, MethodFigures & { failures: number }>;
      global: Record<string, unknown>;
    };
    expect(Object.keys(json.methods)).toEqual(['global', 'auto+global', 'naive2']);
    expect(json.methods.global).toMatchObject({ series: 12, failures: 0 });
    expect(json.methods['auto+global']).toMatchObject({ series: 12, failures: 0 });
    expect(json.methods.global?.owa).toBeGreaterThan(0);
    // 80 values less 14 held out leave 66: 3 horizons (42) + 1 horizon fit, so nothing falls back
    expect(json.global).toMatchObject({ inputLength: 42, seeds: [2, 3], fallbackSeries: 0 });
    expect(Object.keys(json.global)).toEqual(
      expect.arrayContaining(['trainingSeconds', 'predictSeconds', 'windows', 'epochsRun']),
    );
  });

  it('rejects an unknown method naming the global methods among the choices (exit 2)', async () => {
    const result = await ayni([
      'bench',
      'forecast',
      '--input',
      input,
      '--horizon',
      '7',
      '--methods',
      'mlp',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /--methods mlp: unknown method; choose one of .*global, auto\+global/,
    );
  });

  it('needs exactly one of --input and --synthetic-daily (exit 2)', async () => {
    const result = await ayni(['bench', 'forecast', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/either --input FILE .* or --synthetic-daily N/);
  });
});
