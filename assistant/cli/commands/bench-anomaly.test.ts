import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { nabCsv, writeCorpus } from '../../anomaly/nab-corpus.fixture';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/ayni.js');
const folder = mkdtempSync(join(tmpdir(), 'ayni-bench-anomaly-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function ayni(args: string[]) {
  return run(process.execPath, [bin, ...args]).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

// two files with a 10x spike at the start of their window, one with no anomaly
const labels = writeCorpus(folder, {
  'spikes/a.csv': { csv: nabCsv(2000, { 1200: 1000 }, 1), windows: [[1200, 1300]] },
  'spikes/b.csv': { csv: nabCsv(2000, { 900: 1000 }, 2), windows: [[900, 1000]] },
  'quiet/c.csv': { csv: nabCsv(2000, {}, 3), windows: [] },
});

describe('ayni bench anomaly', () => {
  it('prints the window-level and NAB figures as JSON, finding both labelled spikes', async () => {
    const result = await ayni([
      'bench',
      'anomaly',
      '--input',
      join(folder, 'data'),
      '--labels',
      labels,
      '--json',
      '--threads',
      '2',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, number | null>;
    for (const key of [
      'precision',
      'recall',
      'f1',
      'seconds',
      'files',
      'nab_standard',
      'nab_low_fp',
      'nab_low_fn',
      'windows',
      'alerts',
    ])
      expect(json).toHaveProperty(key);
    expect(json.files).toBe(3);
    expect(json.windows).toBe(2);
    expect(json.recall).toBe(1);
    // each spike sits at its window's left edge: NAB's reward there is the full tpWeight
    expect(json.nab_standard).toBeGreaterThan(90);
    expect(json.per_file).toBeUndefined();
  });

  it('exits non-zero with a clear message when the data folder or the labels are absent', async () => {
    const noData = await ayni([
      'bench',
      'anomaly',
      '--input',
      join(folder, 'absent'),
      '--labels',
      labels,
    ]);
    expect(noData.code).not.toBe(0);
    expect(noData.stderr).toMatch(/--input .*absent: no such folder/);
    const noLabels = await ayni([
      'bench',
      'anomaly',
      '--input',
      join(folder, 'data'),
      '--labels',
      join(folder, 'x.json'),
    ]);
    expect(noLabels.code).not.toBe(0);
    expect(noLabels.stderr).toMatch(/--labels .*x\.json: no such file/);
  });
});
