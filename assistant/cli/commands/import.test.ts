import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
});

async function ayni(args: string[], dataDir: string) {
  return run(process.execPath, [bin, ...args], {
    env: { ...process.env, AYNI_DATA_DIR: dataDir },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('ayni import', () => {
  it('imports valid rows, writes the rejected ones beside the input, and refuses a bad file with one line', async () => {
    directory = mkdtempSync(join(tmpdir(), 'ayni-import-cli-'));
    const dataDir = join(directory, 'data');
    const sales = join(directory, 'sales.csv');
    writeFileSync(
      sales,
      'date;sku;location;units\n2024-01-01;QUI-500;LIM-DC1;12,5\n2024-01-02;QUI-500;LIM-DC1;-1\n',
    );

    const refused = await ayni(['import', 'sales', sales], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(
      /^ayni: sales\.csv: 2 invalid rows, nothing imported \(line 2: unknown SKU "QUI-500"/,
    );

    const skipped = await ayni(
      ['import', 'sales', sales, '--create-missing', '--skip-invalid', '--json'],
      dataDir,
    );
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({
      rowsImported: 1,
      rowsRejected: 1,
      created: { products: 1, locations: 1 },
    });
    expect(readFileSync(`${sales}.rejected.csv`, 'utf8')).toBe(
      'date;sku;location;units;error\r\n2024-01-02;QUI-500;LIM-DC1;-1;"units ""-1"" is negative: units sold must be >= 0"\r\n',
    );
    const store = openStore({ path: join(dataDir, 'ayni.db') });
    expect(store.sales.count()).toBe(1);
    store.close();

    const clean = join(directory, 'clean.csv');
    writeFileSync(clean, 'sku,name,category\nMAC-1,Maca,roots\n');
    const imported = await ayni(['import', 'products', clean, '--skip-invalid'], dataDir);
    expect(imported.stdout).toMatch(/^clean\.csv: 1 row imported into products/);
    expect(existsSync(`${clean}.rejected.csv`)).toBe(false);
  });

  it('refuses an unknown kind as bad usage (exit 2)', async () => {
    directory = mkdtempSync(join(tmpdir(), 'ayni-import-cli-'));
    const result = await ayni(
      ['import', 'stock', join(directory, 'x.csv')],
      join(directory, 'data'),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'ayni: kind "stock" is not one of sales, products, inventory, supply\n',
    );
  });
});
