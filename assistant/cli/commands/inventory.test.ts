import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { outputTable, readParams } from './inventory';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/ayni.js');
const folder = mkdtempSync(join(tmpdir(), 'ayni-inventory-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function ayni(args: string[]) {
  return run(process.execPath, [bin, ...args]).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('ayni inventory solve', () => {
  it('prints the flat JSON outputs of Snyder & Shen Example 3.1 with --json', async () => {
    const result = await ayni([
      'inventory',
      'solve',
      'eoq',
      '--params',
      '{"fixed_cost": 8, "holding_cost": 0.225, "demand_rate": 1300}',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      order_quantity: 304.0467800264368,
      cost: 68.41052550594829,
    });
  });

  it('reads --params @file.json and prints a table without --json', async () => {
    const path = join(folder, 'ww.json');
    writeFileSync(
      path,
      JSON.stringify({
        num_periods: 4,
        holding_cost: 2,
        fixed_cost: 500,
        demand: [90, 120, 80, 70],
      }),
    );
    const result = await ayni(['inventory', 'solve', 'wagner_whitin', '--params', `@${path}`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'wagner_whitin\n  order_quantities  210, 0, 150, 0\n  cost              1380\n',
    );
  });

  it('exits 2 with one line naming the model, field and fix on bad params', async () => {
    const result = await ayni([
      'inventory',
      'solve',
      'eoq',
      '--params',
      '{"fixed_cost": -1, "holding_cost": 1, "demand_rate": 5}',
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('ayni: eoq: fixed_cost = -1: must be 0 or more\n');
  });

  it('exits 2 listing the models for an unknown one', async () => {
    const result = await ayni(['inventory', 'solve', 'eoqq', '--params', '{}']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ayni: unknown inventory model "eoqq"; choose one of eoq, /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('ayni inventory models', () => {
  it('lists every model with its params, optional ones marked', async () => {
    const result = await ayni(['inventory', 'models']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^eoq: Economic order quantity/m);
    expect(result.stdout).toContain('  lead_time?      L periods (default 0)');
    expect(result.stdout).toMatch(/^periodic_review_rs: /m);
  });
});

describe('readParams and outputTable', () => {
  it('rejects invalid JSON and a missing @file with the fix, else bad input would give a number', () => {
    expect(() => readParams('{bad')).toThrow(/--params: not valid JSON/);
    expect(() => readParams('@/no/such/file.json')).toThrow(
      /cannot read \/no\/such\/file.json \(no such file\)/,
    );
    expect(readParams('{"a": 1}')).toEqual({ a: 1 });
  });

  it('formats lists, per-stage objects and long decimals readably', () => {
    expect(
      outputTable('m', { echelon_base_stock: { '1': 1.5, '2': 3 }, cost: 1 / 3, list: [1, 2] }),
    ).toBe(
      'm\n  echelon_base_stock  1: 1.5, 2: 3\n  cost                0.3333333333\n  list                1, 2\n',
    );
  });
});
