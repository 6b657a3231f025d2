import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/store';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../../bin/ayni.js');
let directory: string | undefined;
afterEach(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

async function ayni(args: string[], dataDir: string) {
  return run(process.execPath, [bin, ...args], {
    env: { ...process.env, AYNI_DATA_DIR: dataDir },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

const small = ['demo-data', '--today', '2026-02-01', '--years', '1', '--sku-count', '10'];

describe('ayni demo-data', () => {
  it('loads an empty store, refuses to overwrite it without --force, and replaces it with --force', async () => {
    directory = mkdtempSync(join(tmpdir(), 'ayni-demo-cli-'));
    const dataDir = join(directory, 'data');

    const loaded = await ayni([...small, '--json'], dataDir);
    expect(loaded.code).toBe(0);
    const summary = JSON.parse(loaded.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ seed: 1, from: '2025-02-01', to: '2026-01-31' });
    expect(summary.salesRows).toBeGreaterThan(1000);

    const refused = await ayni(small, dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^ayni: the store .* already holds data .*--force/);

    const replaced = await ayni([...small, '--seed', '2', '--force'], dataDir);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/Loaded the demo company \(seed 2\)/);
    const rows = Number(/([\d,]+) sales rows/.exec(replaced.stdout)?.[1]?.replaceAll(',', ''));
    const store = openStore({ path: join(dataDir, 'ayni.db') });
    expect(store.meta.get('demo_seed')).toBe('2');
    expect(store.sales.count()).toBe(rows);
    expect(rows).not.toBe(summary.salesRows);
    store.close();
  });

  it('writes the CSV files with --out and rejects a bad --seed with a one-line usage error', async () => {
    directory = mkdtempSync(join(tmpdir(), 'ayni-demo-cli-'));
    const out = join(directory, 'csv');
    const written = await ayni([...small, '--out', out, '--json'], join(directory, 'data'));
    expect(written.code).toBe(0);
    const result = JSON.parse(written.stdout) as { files: string[] };
    expect(result.files).toHaveLength(5);
    expect(result.files.every((file) => existsSync(file))).toBe(true);
    expect(existsSync(join(directory, 'data', 'ayni.db'))).toBe(false);

    const bad = await ayni(['demo-data', '--seed', 'abc'], join(directory, 'data'));
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(
      'ayni: --seed "abc" is not a whole number from 0 to 9007199254740991',
    );
  });
});
